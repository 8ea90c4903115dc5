import { createHash } from 'node:crypto';
import { newIdFor, type Actor } from '@ledger/event-sourcing';
import type { SourceKind } from '@ledger/learning';
import type { ImportProblem } from './import-errors';
import { canonicalHeader, type HeaderMap, type ImportedKey } from './import-headers';
import { normalText, type ImportRow } from './import-rows';

/** What the partnership holds already, as the import matches it. */
export interface ExistingPlan {
  readonly sources: readonly { readonly id: string; readonly title: string }[];
  readonly recommendations: readonly { readonly id: string; readonly sourceId: string; readonly number: string }[];
  readonly actions: readonly {
    readonly id: string;
    readonly recommendationIds: readonly string[];
    readonly description: string;
    readonly leadAgencyId: string;
  }[];
}

interface Planned {
  /** Content key: the same row content in the same partnership always plans the same item. */
  readonly key: string;
  /** The Idempotency-Key its commands run under (ADR 0004/0006): a retry writes nothing new. */
  readonly idempotencyKey: string;
  readonly id: string;
  /** Already in the partnership (matched by id or content): left as it is. */
  readonly existing: boolean;
  readonly rows: readonly number[];
}
export interface PlannedSource extends Planned {
  readonly kind: SourceKind | null;
  readonly title: string;
}
export interface PlannedRecommendation extends Planned {
  readonly sourceKey: string;
  readonly number: string;
  readonly text: string | null;
  readonly addresseeAgencyIds: readonly string[];
}
export interface PlannedAction extends Planned {
  readonly recommendationKeys: readonly string[];
  readonly row: ImportRow;
}
export interface ImportPlan {
  readonly sources: readonly PlannedSource[];
  readonly recommendations: readonly PlannedRecommendation[];
  readonly actions: readonly PlannedAction[];
  readonly problems: readonly ImportProblem[];
}

const hashed = (key: string) => `import:${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;

/** Rows grouped by a key, in first-seen order. */
function groupBy(rows: readonly ImportRow[], keyOf: (row: ImportRow) => string): Map<string, ImportRow[]> {
  const groups = new Map<string, ImportRow[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
}

const sourceKeyOf = (row: ImportRow) => `source|${normalText(row.sourceTitle)}`;
const recommendationKeyOf = (row: ImportRow) => `${sourceKeyOf(row)}|recommendation|${normalText(row.recommendationNumber)}`;
const actionKeyOf = (row: ImportRow) =>
  row.actionId !== null ? `action|id|${row.actionId}` : `action|text|${normalText(row.description)}|${row.leadAgencyId}`;

/** Fields rows of one item must agree on, by the column that holds them. */
const SAME: Record<string, readonly [ImportedKey, (row: ImportRow) => unknown][]> = {
  source: [['sourceKind', (row) => row.sourceKind]],
  recommendation: [['recommendationText', (row) => row.recommendationText]],
  action: [
    ['action', (row) => row.description],
    ['successMeasure', (row) => row.successMeasure],
    ['leadAgency', (row) => row.leadAgencyId],
    ['owner', (row) => row.owner],
    ['targetDateOriginal', (row) => row.targetDateOriginal],
    ['targetDateCurrent', (row) => row.targetDateCurrent],
    ['status', (row) => row.status],
  ],
};

/**
 * Plans an import: groups rows into sources (by title), recommendations (by source and number) and
 * actions (by exported id, else description and lead agency), matches each to what the partnership
 * holds (by id, else by the same content), and names each new item with the id its create command
 * will derive from a content key (so the dry run shows the ids a real run creates).
 */
export function planImport(
  rows: readonly ImportRow[],
  headers: HeaderMap,
  existing: ExistingPlan,
  who: { readonly partnershipId: string; readonly actor: Actor },
): ImportPlan {
  const problems: ImportProblem[] = [];
  const column = (key: ImportedKey) => headers.header.get(key) ?? canonicalHeader(key);
  const agree = (what: string, group: readonly ImportRow[]) => {
    for (const [key, value] of SAME[what]!) {
      const first = value(group[0]!);
      const other = group.find((row) => value(row) !== null && first !== null && value(row) !== first);
      if (other) {
        const message = `differs from row ${group[0]!.line}, which names the same ${what}`;
        problems.push({ row: other.line, column: column(key), code: 'inconsistent-value', message });
      }
    }
  };
  const planned = (key: string, kind: string, group: readonly ImportRow[], match: string | undefined): Planned => {
    const idempotencyKey = hashed(key);
    const id = match ?? newIdFor({ ...who, idempotencyKey }, kind);
    return { key, idempotencyKey, id, existing: match !== undefined, rows: group.map((row) => row.line) };
  };

  const sources = [...groupBy(rows, sourceKeyOf)].map(([key, group]): PlannedSource => {
    agree('source', group);
    const byId = existing.sources.find((source) => group.some((row) => row.sourceId === source.id));
    const match = byId ?? existing.sources.find((source) => normalText(source.title) === normalText(group[0]!.sourceTitle));
    return {
      ...planned(key, 'source', group, match?.id),
      kind: group.find((row) => row.sourceKind)?.sourceKind ?? null,
      title: group[0]!.sourceTitle,
    };
  });
  const sourceIds = new Map(sources.map((source) => [source.key, source.id]));

  const recommendations = [...groupBy(rows, recommendationKeyOf)].map(([key, group]): PlannedRecommendation => {
    agree('recommendation', group);
    const sourceId = sourceIds.get(sourceKeyOf(group[0]!))!;
    const byId = existing.recommendations.find((recommendation) => group.some((row) => row.recommendationId === recommendation.id));
    const match =
      byId ??
      existing.recommendations.find(
        (recommendation) =>
          recommendation.sourceId === sourceId && normalText(recommendation.number) === normalText(group[0]!.recommendationNumber),
      );
    return {
      ...planned(key, 'recommendation', group, match?.id),
      sourceKey: sourceKeyOf(group[0]!),
      number: group[0]!.recommendationNumber,
      text: group.find((row) => row.recommendationText)?.recommendationText ?? null,
      addresseeAgencyIds: [...new Set(group.map((row) => row.leadAgencyId))].sort(),
    };
  });
  const recommendationIds = new Map(recommendations.map((recommendation) => [recommendation.key, recommendation.id]));

  const actions = [...groupBy(rows, actionKeyOf)].map(([key, group]): PlannedAction => {
    agree('action', group);
    const row = group[0]!;
    const linked = [...new Set(group.map(recommendationKeyOf))];
    const linkedIds = linked.map((recommendationKey) => recommendationIds.get(recommendationKey)!);
    const byId = existing.actions.find((action) => action.id === row.actionId);
    const match =
      byId ??
      existing.actions.find(
        (action) =>
          action.leadAgencyId === row.leadAgencyId &&
          normalText(action.description) === normalText(row.description) &&
          action.recommendationIds.some((id) => linkedIds.includes(id)),
      );
    return { ...planned(key, 'action', group, match?.id), recommendationKeys: linked, row };
  });

  for (const source of sources.filter((item) => !item.existing && item.kind === null)) {
    problems.push({ row: source.rows[0]!, column: column('sourceKind'), code: 'required', message: 'needed to record a new source' });
  }
  for (const recommendation of recommendations.filter((item) => !item.existing && item.text === null)) {
    const message = 'needed to make a new recommendation';
    problems.push({ row: recommendation.rows[0]!, column: column('recommendationText'), code: 'required', message });
  }
  return { sources, recommendations, actions, problems };
}
