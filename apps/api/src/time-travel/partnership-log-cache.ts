import type { DataSource } from 'typeorm';
import type { DocumentProjection } from '@ledger/event-sourcing';
import { DocumentFolds } from './document-folds';
import { LOGGED_COLUMNS, toLoggedEvent, type LoggedEvent, type LoggedEventRow } from './logged-event';

/** Events kept in memory across all cached partnerships unless LEDGER_TIME_TRAVEL_CACHE_EVENTS says otherwise. */
export const DEFAULT_CACHE_EVENTS = 150_000;

interface CachedLog {
  /** The partnership's events below the commit-safe horizon, in commit order; only ever appended to. */
  readonly events: LoggedEvent[];
  /** Position of the last cached event, or null before any. */
  after: { readonly transactionId: string; readonly globalPosition: string } | null;
  /** Extensions of one partnership run one at a time. */
  queue: Promise<unknown>;
  /** Per projection (by name), its documents' histories and kept folds over `events`. */
  readonly folds: Map<string, DocumentFolds<unknown>>;
}

/** What one read of a partnership saw: its cached log up to `cachedCount`, then `tail`. */
export interface PartnershipLog {
  /** Every event of the read, in commit order (the caller's array). */
  readonly events: LoggedEvent[];
  readonly cached: readonly LoggedEvent[];
  readonly cachedCount: number;
  /** Events above the commit-safe horizon, read for this read only. */
  readonly tail: readonly LoggedEvent[];
  /** The projection's kept per-document folds over the cached log (fresh ones when it is not cached). */
  folds<Doc>(projection: DocumentProjection<Doc>): DocumentFolds<Doc>;
}

type Row = LoggedEventRow & { readonly safe: boolean };

/**
 * Each partnership's decoded event log, kept in memory and extended from its last position on
 * every read, so an as-of read costs one indexed query for what is new instead of reading and
 * parsing the whole history (ADR 0009).
 *
 * Never stale: every read first extends to the current head. Events of finished transactions
 * (below `pg_snapshot_xmin`, the commit-safe horizon) are appended to the cache — nothing can
 * ever be committed before them again; events visible above the horizon (committed while an older
 * transaction is still open) are returned for this read only and read again next time. So a read
 * sees exactly what a plain SELECT at that moment sees, in the same commit order.
 *
 * Bounded: at most `maxEvents` cached events over all partnerships; the least recently read
 * partnerships are dropped first, and a partnership larger than the bound is read but not kept.
 */
/** A read not kept in the cache: its events are its own, folded afresh. */
function uncached(cached: LoggedEvent[], tail: LoggedEvent[]): PartnershipLog {
  return {
    events: cached.concat(tail),
    cached,
    cachedCount: cached.length,
    tail,
    folds: (projection) => new DocumentFolds(projection),
  };
}

export class PartnershipLogCache {
  private readonly logs = new Map<string, CachedLog>();
  private cachedEvents = 0;

  constructor(
    private readonly dataSource: Pick<DataSource, 'query'>,
    readonly maxEvents = DEFAULT_CACHE_EVENTS,
  ) {}

  /** Events held in memory now, over all partnerships (for tests and operations). */
  get size(): number {
    return this.cachedEvents;
  }

  /** Every committed event of the partnership visible now, in commit order. The array is the caller's. */
  async events(partnershipId: string): Promise<LoggedEvent[]> {
    return (await this.read(partnershipId)).events;
  }

  /** The partnership's log extended to the current head, with its kept folds. */
  read(partnershipId: string): Promise<PartnershipLog> {
    let log = this.logs.get(partnershipId);
    if (!log) {
      log = { events: [], after: null, queue: Promise.resolve(), folds: new Map() };
      this.logs.set(partnershipId, log);
    }
    const cached = log;
    const read = cached.queue.then(() => this.extend(partnershipId, cached));
    cached.queue = read.catch(() => undefined);
    return read;
  }

  private async extend(partnershipId: string, log: CachedLog): Promise<PartnershipLog> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${LOGGED_COLUMNS}, transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AS safe
         FROM events
        WHERE partnership_id = $1::uuid
          AND ($2::text IS NULL OR (transaction_id, global_position) > ($2::text::xid8, $3::bigint))
        ORDER BY transaction_id, global_position`,
      [partnershipId, log.after?.transactionId ?? null, log.after?.globalPosition ?? null],
    );
    const decoded = rows.map(toLoggedEvent);
    // Ordered by transaction id, so the rows below the horizon come first.
    let safe = 0;
    while (safe < rows.length && rows[safe]!.safe) safe++;
    // Dropped from the cache while it was read: answer from it, keep nothing.
    if (this.logs.get(partnershipId) !== log) return uncached(log.events.concat(decoded.slice(0, safe)), decoded.slice(safe));
    for (let index = 0; index < safe; index++) log.events.push(decoded[index]!);
    if (safe > 0) log.after = { transactionId: rows[safe - 1]!.transaction_text, globalPosition: rows[safe - 1]!.global_position };
    this.cachedEvents += safe;
    const tail = decoded.slice(safe);
    const cachedCount = log.events.length;
    this.keep(partnershipId, log);
    return {
      events: log.events.concat(tail),
      cached: log.events,
      cachedCount,
      tail,
      folds: <Doc>(projection: DocumentProjection<Doc>) => {
        let folds = log.folds.get(projection.name) as DocumentFolds<Doc> | undefined;
        if (!folds) {
          folds = new DocumentFolds(projection);
          log.folds.set(projection.name, folds as DocumentFolds<unknown>);
        }
        return folds;
      },
    };
  }

  /** Marks the log most recently used, then drops the least recently used logs while over the bound. */
  private keep(partnershipId: string, log: CachedLog): void {
    this.logs.delete(partnershipId);
    this.logs.set(partnershipId, log);
    for (const [id] of this.logs) {
      if (this.cachedEvents <= this.maxEvents) break;
      this.drop(id);
    }
  }

  private drop(partnershipId: string): void {
    const log = this.logs.get(partnershipId);
    if (!log) return;
    this.logs.delete(partnershipId);
    this.cachedEvents -= log.events.length;
  }
}
