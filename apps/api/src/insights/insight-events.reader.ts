import { Injectable } from '@nestjs/common';
import { foldLedger, sliceEvents, type InsightEvent, type Ledger, type TimeSlice } from '@ledger/insights';
import type { LoggedEvent } from '../time-travel/logged-event';
import { PartnershipLogCache } from '../time-travel/partnership-log-cache';

/** Ledgers kept for the latest reads: lineage and every analytic of one instant share one fold. */
const KEPT_LEDGERS = 8;

/**
 * Reads one partnership's events from the log (never the read models) — through the time-travel
 * log cache, extended to the current head on every read (ADR 0009) — cut at `asOf` (record time)
 * and `validAt` (business time; the partnership's own stream, reference data, by record time only
 * — see `isReferenceData`), in business-time order, then commit order.
 * Stored events are all schema v1 today; a v2 would need its context's upcaster here.
 */
@Injectable()
export class InsightEventsReader {
  private readonly ledgers = new Map<string, Ledger>();

  constructor(private readonly cache: PartnershipLogCache) {}

  /**
   * The partnership's ledger at `slice`, folded from its events. Kept for the exact events it was
   * folded from — the key names the log's length and any uncached tail — so a new event refolds it.
   */
  async ledger(partnershipId: string, slice: TimeSlice): Promise<Ledger> {
    const log = await this.cache.read(partnershipId);
    const key = [
      partnershipId,
      slice.asOf?.getTime() ?? '',
      slice.validAt?.getTime() ?? '',
      log.cachedCount,
      log.tail.map((event) => event.position).join(','),
    ].join('|');
    let ledger = this.ledgers.get(key);
    if (ledger) this.ledgers.delete(key);
    else ledger = foldLedger(sliceEvents(cut(log.events, slice), slice));
    this.ledgers.set(key, ledger);
    for (const [old] of this.ledgers) {
      if (this.ledgers.size <= KEPT_LEDGERS) break;
      this.ledgers.delete(old);
    }
    return ledger;
  }

  async events(partnershipId: string, slice: TimeSlice): Promise<InsightEvent[]> {
    return cut(await this.cache.events(partnershipId), slice);
  }
}

/** The events a question at `slice` may see, in business-time order, then commit order. */
function cut(events: LoggedEvent[], slice: TimeSlice): LoggedEvent[] {
  // recorded_at keeps microseconds, an instant milliseconds: "at or before" asOf includes the
  // event whose recordedAt was read back and passed as asOf (below the next millisecond).
  const recordedBefore = slice.asOf ? (slice.asOf.getTime() + 1) * 1000 : null;
  const occurredBy = slice.validAt ? slice.validAt.getTime() * 1000 : null;
  const kept = events.filter(
    (event) =>
      (recordedBefore === null || event.recordedMicros < recordedBefore) &&
      (occurredBy === null || event.occurredMicros <= occurredBy || event.streamId.startsWith('partnership-')),
  );
  // Array.prototype.sort is stable: ties in business time stay in commit order.
  return kept.sort((a, b) => a.occurredMicros - b.occurredMicros);
}
