import type { CommandMetadata } from '@ledger/event-sourcing';
import type * as C from './action.commands';
import type * as E from './action.events';
import type { ActionEvent } from './action.events';
import type { ActionStatus } from './action.state';

/* Synthetic ids and text only; owners are opaque person references, never names. */
export const ACTION_ID = '00000000-0000-4000-8000-00000000a001';
export const SUCCESSOR_ACTION_ID = '00000000-0000-4000-8000-00000000a002';
export const PARTNERSHIP_ID = '00000000-0000-4000-8000-00000000b001';
export const RECOMMENDATION_ID = '00000000-0000-4000-8000-00000000c001';
export const OTHER_RECOMMENDATION_ID = '00000000-0000-4000-8000-00000000c002';
export const LEAD_AGENCY_ID = '00000000-0000-4000-8000-00000000d001';
export const OWNER_REF = 'person-ref-0001';
export const TARGET_DATE = '2025-06-30';
export const EVIDENCE_ID = '00000000-0000-4000-8000-00000000e001';
export const IMPACT_EVIDENCE_ID = '00000000-0000-4000-8000-00000000e002';
export const NEW_EVIDENCE_ID = '00000000-0000-4000-8000-00000000e003';
/** Six years (the `standard` class) after the fixtures' evidence was recorded, 2025-03-01. */
export const DISPOSAL_NOW = new Date('2031-03-01T02:00:00.000Z');

export function commandMetadata(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  const now = new Date('2025-03-01T10:00:00.000Z');
  return { now, occurredAt: now, actor: { userId: 'user-0001', role: 'agency-lead' }, ...overrides };
}

const ref = { actionId: ACTION_ID };
const meta = commandMetadata();

// ---- events -------------------------------------------------------------------------------
export const proposed = (data: Partial<E.ActionProposed['data']> = {}): E.ActionProposed => ({
  type: 'ActionProposed',
  data: {
    actionId: ACTION_ID,
    partnershipId: PARTNERSHIP_ID,
    recommendationIds: [RECOMMENDATION_ID],
    description: 'Refresh multi-agency training on professional curiosity',
    leadAgencyId: LEAD_AGENCY_ID,
    owner: OWNER_REF,
    targetDate: TARGET_DATE,
    successMeasure: 'Repeat audit shows curiosity evidenced in 80% of sampled cases',
    ...data,
  },
});
export const agreed = (): E.ActionAgreed => ({ type: 'ActionAgreed', data: ref });
export const started = (): E.ActionStarted => ({ type: 'ActionStarted', data: ref });
export const paused = (): E.ActionPaused => ({ type: 'ActionPaused', data: ref });
export const resumed = (): E.ActionResumed => ({ type: 'ActionResumed', data: ref });
export const completionClaimed = (): E.CompletionClaimed => ({ type: 'CompletionClaimed', data: ref });
export const completionVerified = (): E.CompletionVerified => ({ type: 'CompletionVerified', data: ref });
export const completionReturned = (reason = 'Evidence does not cover all agencies'): E.CompletionReturned => ({
  type: 'CompletionReturned',
  data: { ...ref, reason },
});
export const impactAssured = (method: string | null = 'repeat audit'): E.ImpactAssured => ({
  type: 'ImpactAssured',
  data: { ...ref, method },
});
export const impactNotDemonstrated = (reason = 'Repeat audit showed no change'): E.ImpactNotDemonstrated => ({
  type: 'ImpactNotDemonstrated',
  data: { ...ref, reason },
});
export const closed = (): E.ActionClosed => ({ type: 'ActionClosed', data: ref });
export const cancelled = (reason = 'Overtaken by national guidance'): E.ActionCancelled => ({
  type: 'ActionCancelled',
  data: { ...ref, reason },
});
export const superseded = (reason = 'Merged into a wider action'): E.ActionSuperseded => ({
  type: 'ActionSuperseded',
  data: { ...ref, successorActionId: SUCCESSOR_ACTION_ID, reason },
});
export const reopened = (reason = 'Follow-up audit found the change had not lasted'): E.ActionReopened => ({
  type: 'ActionReopened',
  data: { ...ref, reason },
});
export const progressUpdated = (data: Partial<E.ProgressUpdated['data']> = {}): E.ProgressUpdated => ({
  type: 'ProgressUpdated',
  data: { ...ref, updateId: 'update-0001', narrative: 'Two of four sessions delivered', rag: 'amber', ...data },
});
export const targetDateRevised = (data: Partial<E.TargetDateRevised['data']> = {}): E.TargetDateRevised => ({
  type: 'TargetDateRevised',
  data: {
    ...ref,
    previousTargetDate: TARGET_DATE,
    newTargetDate: '2025-09-30',
    originalTargetDate: TARGET_DATE,
    reason: 'Trainer availability',
    ...data,
  },
});
export const evidenceAttached = (data: Partial<E.EvidenceAttached['data']> = {}): E.EvidenceAttached => ({
  type: 'EvidenceAttached',
  data: {
    ...ref,
    evidenceId: EVIDENCE_ID,
    title: 'Training attendance register (anonymised)',
    kind: 'training',
    uri: 'https://docs.example.org/evidence/training-register',
    sha256: null,
    describesImpact: false,
    effectiveFrom: null,
    retentionClass: 'standard',
    retentionFrom: '2025-03-01',
    ...data,
  },
});
/** Disposal of EVIDENCE_ID by the retention job on DISPOSAL_NOW. */
export const evidenceDisposed = (data: Partial<E.EvidenceDisposed['data']> = {}): E.EvidenceDisposed => ({
  type: 'EvidenceDisposed',
  data: {
    ...ref,
    evidenceId: EVIDENCE_ID,
    retentionClass: 'standard',
    disposedAt: DISPOSAL_NOW.toISOString(),
    reason: 'retention-expired',
    ...data,
  },
});
export const impactEvidenceAttached = (): E.EvidenceAttached =>
  evidenceAttached({ evidenceId: IMPACT_EVIDENCE_ID, title: 'Repeat audit results', kind: 'audit-result', describesImpact: true });

/**
 * A history that reaches each status with every rule satisfied for the next step
 * (evidence and impact evidence attached before completion is claimed).
 */
export function historyFor(status: ActionStatus): readonly ActionEvent[] {
  const inProgress = [proposed(), agreed(), started(), evidenceAttached(), impactEvidenceAttached()];
  const claimed = [...inProgress, completionClaimed()];
  switch (status) {
    case 'proposed':
      return [proposed()];
    case 'agreed':
      return [proposed(), agreed()];
    case 'in-progress':
      return inProgress;
    case 'paused':
      return [...inProgress, paused()];
    case 'completion-claimed':
      return claimed;
    case 'completion-verified':
      return [...claimed, completionVerified()];
    case 'impact-assured':
      return [...claimed, completionVerified(), impactAssured()];
    case 'closed':
      return [...claimed, completionVerified(), impactAssured(), closed()];
    case 'cancelled':
      return [proposed(), agreed(), cancelled()];
    case 'superseded':
      return [proposed(), agreed(), superseded()];
  }
}

// ---- commands -----------------------------------------------------------------------------
type Data<T extends C.ActionCommand> = T['data'];
const command = <T extends C.ActionCommand>(type: T['type'], data: Data<T>, metadata = meta): T => ({ type, data, metadata }) as T;

export const propose = (data: Partial<Data<C.ProposeAction>> = {}): C.ProposeAction =>
  command('ProposeAction', {
    actionId: ACTION_ID,
    partnershipId: PARTNERSHIP_ID,
    recommendationIds: [RECOMMENDATION_ID],
    description: 'Refresh multi-agency training on professional curiosity',
    leadAgencyId: LEAD_AGENCY_ID,
    owner: OWNER_REF,
    targetDate: TARGET_DATE,
    successMeasure: 'Repeat audit shows curiosity evidenced in 80% of sampled cases',
    ...data,
  });
export const agree = (): C.AgreeAction => command('AgreeAction', ref);
export const start = (): C.StartAction => command('StartAction', ref);
export const pause = (): C.PauseAction => command('PauseAction', ref);
export const resume = (): C.ResumeAction => command('ResumeAction', ref);
export const claimCompletion = (): C.ClaimCompletion => command('ClaimCompletion', ref);
export const verifyCompletion = (forum = 'Learning and Improvement subgroup, 2025-04-10'): C.VerifyCompletion =>
  command('VerifyCompletion', { ...ref, forum });
export const returnCompletion = (reason = 'Evidence does not cover all agencies'): C.ReturnCompletion =>
  command('ReturnCompletion', { ...ref, reason });
/** `null` sends no method. */
export const assureImpact = (method: string | null = 'repeat audit'): C.AssureImpact =>
  command('AssureImpact', { ...ref, ...(method === null ? {} : { method }) });
export const recordImpactNotDemonstrated = (reason = 'Repeat audit showed no change'): C.RecordImpactNotDemonstrated =>
  command('RecordImpactNotDemonstrated', { ...ref, reason });
export const close = (): C.CloseAction => command('CloseAction', ref);
export const cancel = (reason = 'Overtaken by national guidance'): C.CancelAction => command('CancelAction', { ...ref, reason });
export const supersede = (successorActionId = SUCCESSOR_ACTION_ID, reason = 'Merged into a wider action'): C.SupersedeAction =>
  command('SupersedeAction', { ...ref, successorActionId, reason });
export const reopen = (reason = 'Follow-up audit found the change had not lasted'): C.ReopenAction =>
  command('ReopenAction', { ...ref, reason });
export const recordProgress = (data: Partial<Data<C.RecordProgressUpdate>> = {}): C.RecordProgressUpdate =>
  command('RecordProgressUpdate', { ...ref, updateId: 'update-0001', narrative: 'Two of four sessions delivered', rag: 'amber', ...data });
export const reviseTargetDate = (newTargetDate = '2025-09-30', reason = 'Trainer availability'): C.ReviseTargetDate =>
  command('ReviseTargetDate', { ...ref, newTargetDate, reason });
export const attachEvidence = (data: Partial<Data<C.AttachEvidence>> = {}): C.AttachEvidence =>
  command('AttachEvidence', {
    ...ref,
    evidenceId: NEW_EVIDENCE_ID,
    title: 'Revised escalation policy',
    kind: 'policy',
    describesImpact: false,
    ...data,
  });
/** The retention job's disposal command, run on `now` (default DISPOSAL_NOW). */
export const disposeEvidence = (evidenceId = EVIDENCE_ID, now = DISPOSAL_NOW): C.DisposeEvidence =>
  command('DisposeEvidence', { ...ref, evidenceId, reason: 'retention-expired' }, commandMetadata({ now, occurredAt: now }));
