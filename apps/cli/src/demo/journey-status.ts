import type { ActionStatus, ActionStep, ActionStepKind } from './scenario';

/** Where each lifecycle step may start and where it leads (the contract's lifecycle rules). */
const MOVES: Partial<Record<ActionStepKind, { readonly from: readonly ActionStatus[]; readonly to: ActionStatus }>> = {
  agree: { from: ['proposed'], to: 'agreed' },
  start: { from: ['agreed'], to: 'in-progress' },
  pause: { from: ['in-progress'], to: 'paused' },
  resume: { from: ['paused'], to: 'in-progress' },
  'claim-completion': { from: ['in-progress'], to: 'completion-claimed' },
  'return-completion': { from: ['completion-claimed'], to: 'in-progress' },
  'verify-completion': { from: ['completion-claimed'], to: 'completion-verified' },
  'assure-impact': { from: ['completion-verified'], to: 'impact-assured' },
  'record-impact-not-demonstrated': { from: ['completion-verified'], to: 'in-progress' },
  close: { from: ['impact-assured'], to: 'closed' },
  reopen: { from: ['closed'], to: 'in-progress' },
};
const OPEN: readonly ActionStatus[] = [
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
  'completion-verified',
  'impact-assured',
];

/** The status an action reaches by its journey, or an Error naming the first step it cannot take. */
export function journeyStatus(journey: readonly ActionStep[]): ActionStatus {
  let status: ActionStatus = 'proposed';
  for (const [index, step] of journey.entries()) {
    if (step.do === 'cancel' || step.do === 'supersede') {
      if (!OPEN.includes(status)) throw new Error(`step ${index} (${step.do}) is not allowed when ${status}`);
      status = step.do === 'cancel' ? 'cancelled' : 'superseded';
      continue;
    }
    const move = MOVES[step.do];
    if (!move) continue; // progress, evidence and date revisions leave the status alone
    if (!move.from.includes(status)) throw new Error(`step ${index} (${step.do}) is not allowed when ${status}`);
    status = move.to;
  }
  return status;
}
