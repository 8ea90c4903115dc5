import { londonDate, quarterOf } from '../calendar/london-dates';
import type { ActionFacts, Ledger } from '../ledger/ledger-model';
import { share } from '../statistics';

/** The five enablers of learning and improvement and resourcing across them (DESIGN §5 values). */
export const ENABLERS = [
  'partnership-working',
  'knowledge-management',
  'frontline-and-family-engagement',
  'subgroups-and-mechanisms',
  'leadership-and-challenge',
  'resourcing',
] as const;

export interface EnablerLens {
  readonly findings: {
    readonly total: number;
    readonly byEnabler: readonly { readonly enabler: string; readonly findings: number; readonly share: number | null }[];
  };
  /** Actions tracing to frontline or family input: a cited finding tagged frontline-and-family-engagement, or a feedback source. */
  readonly frontlineOrFamilyInput: { readonly actions: number; readonly withInput: number; readonly share: number | null };
  /** Agreed actions whose first ActionAgreed forum names a subgroup (an established one, or any forum saying "subgroup"). */
  readonly agreedThroughSubgroup: { readonly agreed: number; readonly throughSubgroup: number; readonly share: number | null };
  /** Challenges raised and escalations made per calendar quarter, from the first to the last quarter with any. */
  readonly challengesPerQuarter: readonly { readonly quarter: string; readonly raised: number; readonly escalations: number }[];
}

/** Pure: the enabler lens over the ledger. */
export function enablerLens(ledger: Ledger): EnablerLens {
  const findings = [...ledger.findings.values()];
  const actions = [...ledger.actions.values()];
  const withInput = actions.filter((a) => hasFrontlineOrFamilyInput(a, ledger)).length;
  const agreed = actions.filter((a) => a.firstAgreed !== null);
  const throughSubgroup = agreed.filter((a) => namesSubgroup(a.firstAgreed?.forum ?? null, ledger.subgroups)).length;
  return {
    findings: {
      total: findings.length,
      byEnabler: ENABLERS.map((enabler) => {
        const tagged = findings.filter((f) => f.enablers.includes(enabler)).length;
        return { enabler, findings: tagged, share: share(tagged, findings.length) };
      }),
    },
    frontlineOrFamilyInput: { actions: actions.length, withInput, share: share(withInput, actions.length) },
    agreedThroughSubgroup: { agreed: agreed.length, throughSubgroup, share: share(throughSubgroup, agreed.length) },
    challengesPerQuarter: perQuarter(ledger),
  };
}

function hasFrontlineOrFamilyInput(action: ActionFacts, ledger: Ledger): boolean {
  return action.recommendationIds.some((id) => {
    const r = ledger.recommendations.get(id);
    if (!r) return false;
    if (ledger.sources.get(r.sourceId)?.kind === 'feedback') return true;
    return r.findingIds.some((f) => ledger.findings.get(f)?.enablers.includes('frontline-and-family-engagement') ?? false);
  });
}

export function namesSubgroup(forum: string | null, subgroups: readonly string[]): boolean {
  if (forum === null) return false;
  const text = forum.toLowerCase();
  return /\bsub-?group\b/.test(text) || subgroups.some((name) => name.trim() !== '' && text.includes(name.trim().toLowerCase()));
}

function perQuarter(ledger: Ledger): EnablerLens['challengesPerQuarter'] {
  const raised = [...ledger.challenges.values()].map((c) => quarterOf(londonDate(c.raised.at)));
  const escalated = [...ledger.challenges.values()].flatMap((c) => c.escalations.map((e) => quarterOf(londonDate(e.at))));
  const all = [...raised, ...escalated].sort();
  if (all.length === 0) return [];
  const quarters: string[] = [];
  for (let q = all[0]!; q <= all[all.length - 1]!; q = nextQuarter(q)) quarters.push(q);
  return quarters.map((quarter) => ({
    quarter,
    raised: raised.filter((q) => q === quarter).length,
    escalations: escalated.filter((q) => q === quarter).length,
  }));
}

function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}
