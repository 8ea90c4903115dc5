/**
 * Test-only state tables for actions and challenges, written from DESIGN §3/§5 and the domain
 * reference, independently of the loader: the scenario spec and the fake API both use them.
 */
export const OPEN_ACTION = ['proposed', 'agreed', 'in-progress', 'paused', 'completion-claimed', 'completion-verified', 'impact-assured'];

export const ACTION_MOVES: Record<string, readonly [from: readonly string[], to: string]> = {
  agree: [['proposed'], 'agreed'],
  start: [['agreed'], 'in-progress'],
  pause: [['in-progress'], 'paused'],
  resume: [['paused'], 'in-progress'],
  'claim-completion': [['in-progress'], 'completion-claimed'],
  'return-completion': [['completion-claimed'], 'in-progress'],
  'verify-completion': [['completion-claimed'], 'completion-verified'],
  'assure-impact': [['completion-verified'], 'impact-assured'],
  'record-impact-not-demonstrated': [['completion-verified'], 'in-progress'],
  close: [['impact-assured'], 'closed'],
  reopen: [['closed'], 'in-progress'],
  cancel: [OPEN_ACTION, 'cancelled'],
  supersede: [OPEN_ACTION, 'superseded'],
};
/** Where progress updates, evidence and target-date revisions are accepted. */
export const PROGRESS_STATUSES = OPEN_ACTION.filter((status) => status !== 'proposed');
export const EVIDENCE_STATUSES = OPEN_ACTION;
export const REVISION_STATUSES = ['proposed', 'agreed', 'in-progress', 'paused', 'completion-claimed'];

export const CHALLENGE_MOVES: Record<string, readonly [from: readonly string[], to: string]> = {
  acknowledge: [['raised'], 'acknowledged'],
  respond: [['acknowledged', 'response-rejected', 'escalated'], 'responded'],
  'accept-response': [['responded'], 'response-accepted'],
  'reject-response': [['responded'], 'response-rejected'],
  escalate: [['raised', 'acknowledged', 'response-rejected', 'escalated'], 'escalated'],
  resolve: [['response-accepted'], 'resolved'],
  withdraw: [['raised', 'acknowledged', 'responded', 'response-accepted', 'response-rejected', 'escalated'], 'withdrawn'],
  close: [['resolved', 'withdrawn'], 'closed'],
};
