import { londonDate, yearOf } from '../calendar/london-dates';
import type { FindingFacts, Ledger } from '../ledger/ledger-model';

export interface ThemeCell {
  readonly theme: string;
  readonly sourceKind: string;
  /** Calendar year of the finding's business time, in England. */
  readonly year: number;
  readonly findings: number;
  /** Distinct sources with a finding on the theme. */
  readonly sources: number;
}

export interface ThemeRecurrence {
  readonly theme: string;
  readonly findings: number;
  readonly goodPractice: number;
  readonly sources: number;
  /** Found by two or more distinct sources. */
  readonly recurring: boolean;
  readonly years: readonly number[];
  readonly sourceKinds: readonly string[];
}

export interface ThemeMatrix {
  readonly years: readonly number[];
  readonly sourceKinds: readonly string[];
  readonly themes: readonly ThemeRecurrence[];
  readonly cells: readonly ThemeCell[];
}

interface Tagged {
  readonly theme: string;
  readonly finding: FindingFacts;
  readonly sourceKind: string;
  readonly year: number;
}

/** Pure: themes × source kinds × years over every finding (good practice included, and counted apart). */
export function themeMatrix(ledger: Ledger): ThemeMatrix {
  const tagged: Tagged[] = [...ledger.findings.values()].flatMap((finding) =>
    [...new Set(finding.themes)].map((theme) => ({
      theme,
      finding,
      sourceKind: ledger.sources.get(finding.sourceId)?.kind ?? 'unknown',
      year: yearOf(londonDate(finding.recorded.at)),
    })),
  );
  const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];
  const byTheme = groupBy(tagged, (t) => t.theme);
  const themes = [...byTheme.entries()].map(([theme, items]): ThemeRecurrence => {
    const sources = distinct(items.map((t) => t.finding.sourceId)).length;
    return {
      theme,
      findings: items.length,
      goodPractice: items.filter((t) => t.finding.goodPractice).length,
      sources,
      recurring: sources >= 2,
      years: distinct(items.map((t) => t.year)).sort(),
      sourceKinds: distinct(items.map((t) => t.sourceKind)).sort(),
    };
  });
  const cells = [...groupBy(tagged, (t) => `${t.theme}\u0000${t.sourceKind}\u0000${t.year}`).values()].map((items): ThemeCell => ({
    theme: items[0]!.theme,
    sourceKind: items[0]!.sourceKind,
    year: items[0]!.year,
    findings: items.length,
    sources: distinct(items.map((t) => t.finding.sourceId)).length,
  }));
  return {
    years: distinct(tagged.map((t) => t.year)).sort(),
    sourceKinds: distinct(tagged.map((t) => t.sourceKind)).sort(),
    themes: themes.sort((a, b) => b.sources - a.sources || b.findings - a.findings || a.theme.localeCompare(b.theme)),
    cells: cells.sort((a, b) => a.theme.localeCompare(b.theme) || a.sourceKind.localeCompare(b.sourceKind) || a.year - b.year),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = map.get(k);
    if (group) group.push(item);
    else map.set(k, [item]);
  }
  return map;
}
