import type { DataSource } from 'typeorm';
import { chainEventColumns, chainHash, GENESIS_HASH, type ChainEventRow, type RecordedEvent } from '@ledger/event-sourcing';

/**
 * How far into the ledger a pack reaches: the events it reflects, the last one's position and
 * record time, and the partnership-chain hash of those events (ADR 7) computed from the log.
 */
export interface LedgerReach {
  readonly events: number;
  /** Opaque position (`<transaction>:<global position>`) of the last event reflected; null when none. */
  readonly position: string | null;
  readonly lastRecordedAt: string | null;
  /**
   * `sha256` chained over the events in commit order from the genesis hash, exactly as the sealer
   * chains a partnership: link `events` of the partnership's hash chain when these events are the
   * first of its chain (they are, unless a transaction committed out of record-time order).
   */
  readonly chainHash: string;
}

/** Folds the chain hash over the rows, which must be in commit order. */
export function chainHashOf(rows: readonly ChainEventRow[]): string {
  return rows.reduce((previous, row) => chainHash(previous, row), GENESIS_HASH);
}

/**
 * Reads exactly the snapshot's events back as the chain hashes them (every stored column, times to
 * the microsecond) and folds their hash: the same events the pack's files were computed from.
 */
export async function ledgerReach(dataSource: Pick<DataSource, 'query'>, events: readonly RecordedEvent[]): Promise<LedgerReach> {
  const last = events[events.length - 1];
  const rows: ChainEventRow[] =
    events.length === 0
      ? []
      : await dataSource.query(
          `SELECT ${chainEventColumns('e')} FROM events e
            WHERE e.global_position = ANY($1::bigint[])
            ORDER BY e.transaction_id, e.global_position`,
          [events.map((event) => event.globalPosition.toString())],
        );
  if (rows.length !== events.length) throw new Error(`the ledger answered ${rows.length} of the pack's ${events.length} events`);
  return {
    events: events.length,
    position: last?.position ?? null,
    lastRecordedAt: last?.recordedAt.toISOString() ?? null,
    chainHash: chainHashOf(rows),
  };
}
