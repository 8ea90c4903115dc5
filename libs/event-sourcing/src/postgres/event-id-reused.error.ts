import { LedgerError } from '../core/errors';

/**
 * An append carried event ids that are already stored, but not as exactly this append to this
 * stream (another stream has them, or only some of them are stored): not a retry, so refused (409).
 */
export class EventIdReused extends LedgerError {
  readonly code = 'event-id-reused';
  readonly kind = 'stale';
  constructor(readonly streamId: string) {
    super(`event ids appended to ${streamId} are already stored elsewhere`);
  }
}
