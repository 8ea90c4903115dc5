import { InvalidInput } from '@ledger/event-sourcing';
import { EVIDENCE_KINDS, RAG_RATINGS, type AttachEvidence, type RecordProgressUpdate, type ReviseTargetDate } from '../action.commands';
import { EvidenceAlreadyAttached, TargetDateUnchanged } from '../action.errors';
import type { EvidenceAttached, ProgressUpdated, TargetDateRevised } from '../action.events';
import { OPEN_STATUSES, type ActionState, type OpenStatus } from '../action.state';
import { DEFAULT_RETENTION_CLASS, RETENTION_CLASSES, isRetentionClass, utcDate } from '../retention/retention-class';
import { calendarDate, inStatus, optionalText, requiredReason, requiredText } from './action-guards';

/*
 * Where updates, evidence and date revisions are allowed (documented choices):
 * - Progress updates: every open status except `proposed`. Until the action is agreed there is no
 *   commitment to report against; after completion is claimed or verified, and after impact is
 *   assured, owners still report (e.g. a blue "embedded" rating). Closed, cancelled and superseded
 *   actions take no updates: reopen first.
 * - Evidence: every open status, `proposed` included (baseline evidence, e.g. the audit result that
 *   prompted the action, is often attached when the action is written). Not on closed, cancelled or
 *   superseded actions.
 * - Target-date revisions: open statuses before completion is verified (`proposed` through
 *   `completion-claimed`); once verified, the date no longer matters for timeliness.
 */
export const PROGRESS_UPDATE_STATUSES = OPEN_STATUSES.filter((status) => status !== 'proposed');
export const EVIDENCE_STATUSES: readonly OpenStatus[] = OPEN_STATUSES;
export const TARGET_DATE_REVISION_STATUSES = [
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
] as const satisfies readonly OpenStatus[];

const SHA256 = /^[0-9a-f]{64}$/i;

export function recordProgressUpdate(command: RecordProgressUpdate, state: ActionState): readonly ProgressUpdated[] {
  const { actionId } = inStatus(state, command, PROGRESS_UPDATE_STATUSES);
  const { updateId, narrative, rag } = command.data;
  if (!RAG_RATINGS.includes(rag)) throw new InvalidInput('rag', `must be one of ${RAG_RATINGS.join(', ')}`);
  return [{ type: 'ProgressUpdated', data: { actionId, updateId, narrative: requiredText('narrative', narrative), rag } }];
}

export function reviseTargetDate(command: ReviseTargetDate, state: ActionState): readonly TargetDateRevised[] {
  const action = inStatus(state, command, TARGET_DATE_REVISION_STATUSES);
  const newTargetDate = calendarDate('newTargetDate', command.data.newTargetDate);
  if (newTargetDate === action.targetDate) throw new TargetDateUnchanged(newTargetDate);
  const reason = requiredReason(command.data.reason, command);
  return [
    {
      type: 'TargetDateRevised',
      data: {
        actionId: action.actionId,
        previousTargetDate: action.targetDate,
        newTargetDate,
        originalTargetDate: action.originalTargetDate,
        reason,
      },
    },
  ];
}

export function attachEvidence(command: AttachEvidence, state: ActionState): readonly EvidenceAttached[] {
  const action = inStatus(state, command, EVIDENCE_STATUSES);
  const { data } = command;
  if (action.evidenceIds.includes(data.evidenceId)) throw new EvidenceAlreadyAttached(data.evidenceId);
  if (!EVIDENCE_KINDS.includes(data.kind)) throw new InvalidInput('kind', `must be one of ${EVIDENCE_KINDS.join(', ')}`);
  const sha256 = optionalText(data.sha256);
  if (sha256 !== null && !SHA256.test(sha256)) throw new InvalidInput('sha256', 'must be 64 hexadecimal characters');
  const effectiveFrom = optionalText(data.effectiveFrom);
  const retentionClass = data.retentionClass ?? DEFAULT_RETENTION_CLASS;
  if (!isRetentionClass(retentionClass)) throw new InvalidInput('retentionClass', `must be one of ${RETENTION_CLASSES.join(', ')}`);
  const effective = effectiveFrom === null ? null : calendarDate('effectiveFrom', effectiveFrom);
  return [
    {
      type: 'EvidenceAttached',
      data: {
        actionId: action.actionId,
        evidenceId: data.evidenceId,
        title: requiredText('title', data.title),
        kind: data.kind,
        uri: optionalText(data.uri),
        sha256: sha256?.toLowerCase() ?? null,
        describesImpact: data.describesImpact === true,
        effectiveFrom: effective,
        retentionClass,
        // Retention runs from the evidence's effective date, else from the day it is recorded.
        retentionFrom: effective ?? utcDate(command.metadata.now),
      },
    },
  ];
}
