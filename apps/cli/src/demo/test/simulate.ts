import type { ActionSpec, ChallengeStep } from '../scenario';
import { ACTION_MOVES, CHALLENGE_MOVES, EVIDENCE_STATUSES, PROGRESS_STATUSES, REVISION_STATUSES } from './state-tables';

// The contract's values, copied from DESIGN §5 on purpose (not imported from the scenario).
export const DESIGN = {
  sourceKinds: [
    'rapid-review',
    'lcspr',
    'national-review',
    'learning-review',
    'multi-agency-audit',
    'section-11',
    'inspection',
    'feedback',
    'peer-review',
    'scrutiny',
  ],
  agencyKinds: ['local-authority', 'police', 'health', 'education', 'probation', 'voluntary', 'other'],
  enablers: [
    'partnership-working',
    'knowledge-management',
    'frontline-and-family-engagement',
    'subgroups-and-mechanisms',
    'leadership-and-challenge',
    'resourcing',
  ],
  scopes: ['local', 'regional', 'national'],
  decisions: ['accepted', 'partially-accepted', 'not-accepted'],
  rags: ['red', 'amber', 'green', 'blue'],
  evidenceKinds: ['policy', 'training', 'audit-result', 'minutes', 'data', 'other'],
  levels: ['delegated-partner', 'lead-partner', 'independent-scrutineer', 'external'],
  actionStatuses: [
    'proposed',
    'agreed',
    'in-progress',
    'paused',
    'completion-claimed',
    'completion-verified',
    'impact-assured',
    'closed',
    'cancelled',
    'superseded',
  ],
};

/** Walks a journey through the test's own state table, checking the evidence and forum rules too. */
export function simulate(action: ActionSpec): { status: string; target: number } {
  let status = 'proposed';
  let target = action.targetDay;
  let evidence = 0;
  let impact = 0;
  for (const step of action.journey) {
    if (step.do === 'evidence') {
      expect(EVIDENCE_STATUSES).toContain(status);
      evidence += 1;
      if (step.describesImpact) impact += 1;
    } else if (step.do === 'progress') {
      expect(PROGRESS_STATUSES).toContain(status);
    } else if (step.do === 'revise-target') {
      expect(REVISION_STATUSES).toContain(status);
      expect(step.newTargetDay).not.toBe(target);
      target = step.newTargetDay;
    } else {
      const [from, to] = ACTION_MOVES[step.do]!;
      if (!from.includes(status)) throw new Error(`${action.key}: ${step.do} is not allowed when ${status}`);
      if (step.do === 'claim-completion') expect(evidence).toBeGreaterThan(0);
      if (step.do === 'assure-impact') expect(impact).toBeGreaterThan(0);
      if (step.do === 'verify-completion') expect(step.forum).toBeDefined();
      status = to;
    }
  }
  return { status, target };
}

export function simulateChallenge(steps: readonly ChallengeStep[]): string {
  let status = 'raised';
  for (const step of steps) {
    if (step.do === 'link-action') continue;
    const [from, to] = CHALLENGE_MOVES[step.do]!;
    if (!from.includes(status)) throw new Error(`${step.do} is not allowed when ${status}`);
    status = to;
  }
  return status;
}
