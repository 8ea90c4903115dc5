import { NotFound } from '@ledger/event-sourcing';
import type { DisposeEvidence } from '../action.commands';
import type { EvidenceDisposed } from '../action.events';
import type { ActionState } from '../action.state';
import { disposalDueOn, retentionExpired } from '../retention/retention-class';
import { EvidenceAlreadyDisposed, RetentionNotExpired } from '../retention/retention.errors';
import { existing } from './action-guards';

/**
 * Disposal of a piece of evidence whose retention has run out (on the UTC day of
 * `metadata.now`). Allowed in every status, closed, cancelled and superseded included: retention
 * follows the record, not the action. 404 for unknown evidence, 409 when already disposed of,
 * 422 `retention-not-expired` before the due day and for `permanent` evidence.
 */
export function disposeEvidence(command: DisposeEvidence, state: ActionState): readonly EvidenceDisposed[] {
  const action = existing(state, command);
  const { evidenceId } = command.data;
  const item = action.evidenceRetention.find((entry) => entry.evidenceId === evidenceId);
  if (!item) throw new NotFound('evidence', evidenceId);
  if (item.disposed) throw new EvidenceAlreadyDisposed(evidenceId);
  const { now } = command.metadata;
  if (!retentionExpired(item.retentionClass, item.retentionFrom, now)) {
    throw new RetentionNotExpired(evidenceId, disposalDueOn(item.retentionClass, item.retentionFrom));
  }
  return [
    {
      type: 'EvidenceDisposed',
      data: {
        actionId: action.actionId,
        evidenceId,
        retentionClass: item.retentionClass,
        disposedAt: now.toISOString(),
        reason: 'retention-expired',
      },
    },
  ];
}
