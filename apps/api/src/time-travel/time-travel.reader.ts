import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, foldProjection, InvalidInput, NotFound, type EventStore, type RecordedEvent } from '@ledger/event-sourcing';
import { comparePartnerships, partnershipsProjection } from '@ledger/partnership';
import { changesBetween } from './changes';
import { EventLog } from './event-log';
import { describeInstants, instantParam, judgedAt, type Instants } from './instants';
import { cutOf, withinCut, type LoggedEvent } from './logged-event';
import { PartnershipLogCache } from './partnership-log-cache';
import { Snapshot } from './snapshot';
import { decodeCursor, encodeCursor, timelineEntries } from './timeline';
import type { ChangesQueryDto, TimelineQueryDto } from './time-travel.dto';

const DEFAULT_PAGE = 100;

/** The events of a partnership's log recorded by `asOf` and occurred by `validAt`, in commit order. */
function cut(events: readonly LoggedEvent[], at: Instants): LoggedEvent[] {
  const bounds = cutOf(at);
  return events.filter((event) => withinCut(event, bounds));
}

/**
 * Time travel over the log (DESIGN §5): takes a partnership's events recorded by `asOf` and
 * occurred by `validAt`, folds them in memory through the read models' own projections and answers
 * with the live queries' own filters and derivations. Exact for any instant; nothing is snapshotted.
 * The events come from the partnership's cached log, extended to the current head first (ADR 0009).
 */
@Injectable()
export class TimeTravelReader {
  private readonly log: EventLog;

  constructor(
    dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cache: PartnershipLogCache,
  ) {
    this.log = new EventLog(dataSource);
  }

  async snapshot(partnershipId: string, at: Instants): Promise<Snapshot> {
    const log = await this.cache.read(partnershipId);
    return new Snapshot(partnershipId, cut(log.events, at), judgedAt(at), { log, cut: cutOf(at) });
  }

  /** A list query at the instants: `{ asOf, validAt, items }`. */
  async list<T>(partnershipId: string, at: Instants, read: (snapshot: Snapshot) => T[]) {
    return { ...describeInstants(at), items: read(await this.snapshot(partnershipId, at)) };
  }

  /** An item query at the instants; 404 when the item did not exist then (or is another partnership's). */
  async item<T extends object>(partnershipId: string, at: Instants, what: string, id: string, read: (snapshot: Snapshot) => T | null) {
    const item = read(await this.snapshot(partnershipId, at));
    if (item === null) throw new NotFound(what, id);
    return { ...item, ...describeInstants(at) };
  }

  /** The partnerships a caller may see, as they were at the instants. */
  async partnerships(partnershipIds: readonly string[] | 'all', at: Instants) {
    const docs = foldProjection(partnershipsProjection, await this.log.partnershipStreams(partnershipIds, at));
    return { ...describeInstants(at), items: [...docs.values()].sort(comparePartnerships) };
  }

  /** What changed between two instants (record time by default), per item. */
  async changes(partnershipId: string, query: ChangesQueryDto, now: Date) {
    const from = instantParam('from', query.from);
    const to = instantParam('to', query.to) ?? now;
    if (from && from.getTime() > to.getTime()) throw new InvalidInput('from', 'must not be after to');
    const time = query.time ?? 'record';
    const at = (instant: Date): Instants => (time === 'business' ? { validAt: instant } : { asOf: instant });
    const log = await this.cache.read(partnershipId);
    const [beforeEvents, afterEvents] = [from ? cut(log.events, at(from)) : [], cut(log.events, at(to))];
    const seen = new Set(beforeEvents.map((event) => event.position));
    const window = afterEvents.filter((event) => !seen.has(event.position));
    const items = changesBetween(
      new Snapshot(partnershipId, beforeEvents, from ?? new Date(0), from ? { log, cut: cutOf(at(from)) } : undefined),
      new Snapshot(partnershipId, afterEvents, to, { log, cut: cutOf(at(to)) }),
      window,
    );
    return { from: from?.toISOString() ?? null, to: to.toISOString(), time, items };
  }

  /** The partnership's events in commit order, one page after the cursor; optionally each item's state after each event. */
  async timeline(partnershipId: string, query: TimelineQueryDto) {
    const limit = query.limit ?? DEFAULT_PAGE;
    const types = query.types?.split(',').map((type) => type.trim());
    const from = instantParam('from', query.from);
    const to = instantParam('to', query.to);
    const page = await this.log.timelinePage(partnershipId, {
      after: query.cursor === undefined ? null : decodeCursor(query.cursor),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(types ? { types } : {}),
      limit: limit + 1,
    });
    const events = page.slice(0, limit);
    const last = events[events.length - 1];
    const streams = query.includeState ? await this.streamsUpTo(events) : undefined;
    return {
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      types: types ?? null,
      items: timelineEntries(events, streams),
      nextCursor: page.length > limit && last ? encodeCursor(last.position) : null,
    };
  }

  /** Each stream the page touches, read up to the page's last event of it. */
  private async streamsUpTo(events: readonly RecordedEvent[]): Promise<Map<string, readonly RecordedEvent[]>> {
    const upTo = new Map<string, bigint>();
    for (const event of events)
      upTo.set(event.streamId, event.streamVersion > (upTo.get(event.streamId) ?? 0n) ? event.streamVersion : upTo.get(event.streamId)!);
    const entries = await Promise.all(
      [...upTo].map(async ([streamId, toVersion]) => [streamId, await this.store.readStream(streamId, { toVersion })] as const),
    );
    return new Map(entries);
  }
}
