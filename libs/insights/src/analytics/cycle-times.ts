import { daysBetween, londonDate } from '../calendar/london-dates';
import type { Ledger, Stamp } from '../ledger/ledger-model';
import { distribution, type Distribution } from '../statistics';

export const CYCLE_STAGES = [
  'finding-to-recommendation',
  'recommendation-to-agreed',
  'agreed-to-completed',
  'completed-to-impact-assured',
] as const;
export type CycleStage = (typeof CYCLE_STAGES)[number];

export interface CycleTimes {
  readonly stage: CycleStage;
  readonly overall: Distribution;
  readonly bySourceKind: readonly (Distribution & { readonly sourceKind: string })[];
  readonly byAgency: readonly (Distribution & { readonly agencyId: string; readonly agencyName: string | null })[];
}

interface Sample {
  readonly stage: CycleStage;
  readonly days: number;
  readonly sourceKinds: readonly string[];
  readonly agencyIds: readonly string[];
}

const days = (from: Stamp, to: Stamp): number => daysBetween(londonDate(from.at), londonDate(to.at));

/**
 * Pure: calendar days per stage, median and p90, overall, by source kind and by agency.
 * - finding → recommendation: each finding to the first recommendation citing it (agencies: its addressees);
 * - recommendation → agreed: the latest-made linked recommendation to the action's first ActionAgreed;
 * - agreed → completed: first ActionAgreed to first CompletionVerified;
 * - completed → impact assured: first CompletionVerified to first ImpactAssured.
 * Action stages count under the action's lead agency and its recommendations' source kinds.
 * Items still waiting for the end of a stage are not counted.
 */
export function cycleTimes(ledger: Ledger): CycleTimes[] {
  const samples = [...findingSamples(ledger), ...actionSamples(ledger)];
  return CYCLE_STAGES.map((stage) =>
    summarise(
      stage,
      samples.filter((s) => s.stage === stage),
      ledger,
    ),
  );
}

function findingSamples(ledger: Ledger): Sample[] {
  const recommendations = [...ledger.recommendations.values()];
  return [...ledger.findings.values()].flatMap((finding) => {
    const first = recommendations.filter((r) => r.findingIds.includes(finding.id)).sort((a, b) => a.made.at.localeCompare(b.made.at))[0];
    if (!first) return [];
    const kind = ledger.sources.get(finding.sourceId)?.kind;
    return [
      {
        stage: 'finding-to-recommendation' as const,
        days: days(finding.recorded, first.made),
        sourceKinds: kind ? [kind] : [],
        agencyIds: first.addresseeAgencyIds,
      },
    ];
  });
}

function actionSamples(ledger: Ledger): Sample[] {
  return [...ledger.actions.values()].flatMap((action) => {
    const recommendations = action.recommendationIds.map((id) => ledger.recommendations.get(id)).filter((r) => r !== undefined);
    const sourceKinds = [
      ...new Set(recommendations.map((r) => ledger.sources.get(r.sourceId)?.kind).filter((k): k is string => k !== undefined)),
    ];
    const base = { sourceKinds, agencyIds: [action.leadAgencyId] };
    const lastMade = recommendations.map((r) => r.made).sort((a, b) => b.at.localeCompare(a.at))[0];
    const out: Sample[] = [];
    if (lastMade && action.firstAgreed) out.push({ ...base, stage: 'recommendation-to-agreed', days: days(lastMade, action.firstAgreed) });
    if (action.firstAgreed && action.firstVerified)
      out.push({ ...base, stage: 'agreed-to-completed', days: days(action.firstAgreed, action.firstVerified) });
    if (action.firstVerified && action.firstImpactAssured)
      out.push({ ...base, stage: 'completed-to-impact-assured', days: days(action.firstVerified, action.firstImpactAssured) });
    return out;
  });
}

function summarise(stage: CycleStage, samples: readonly Sample[], ledger: Ledger): CycleTimes {
  const groups = (key: (s: Sample) => readonly string[]) => {
    const map = new Map<string, number[]>();
    for (const s of samples) for (const k of key(s)) map.set(k, [...(map.get(k) ?? []), s.days]);
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    stage,
    overall: distribution(samples.map((s) => s.days)),
    bySourceKind: groups((s) => s.sourceKinds).map(([sourceKind, values]) => ({ sourceKind, ...distribution(values) })),
    byAgency: groups((s) => s.agencyIds).map(([agencyId, values]) => ({
      agencyId,
      agencyName: ledger.agencies.get(agencyId)?.name ?? null,
      ...distribution(values),
    })),
  };
}
