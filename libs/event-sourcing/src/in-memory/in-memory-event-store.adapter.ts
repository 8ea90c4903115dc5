import { WrongExpectedVersion } from '../core/errors';
import type { NewEvent, RecordedEvent } from '../core/event';
import type { AppendResult, EventStore, ExpectedVersion, ReadAllOptions, ReadAllPage, ReadStreamOptions } from '../core/event-store.port';
import { EventIdReused } from '../postgres/event-id-reused.error';
import { START_POSITION, formatPosition, parsePosition, positionCovers } from '../postgres/position';

export interface InMemoryEventStoreOptions {
  /** Record time of appended events; defaults to the wall clock. */
  readonly clock?: () => Date;
}

/** Stored shape round trip, as jsonb does it: what the PostgreSQL adapter would hand back. */
function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The event store in process memory, with the PostgreSQL adapter's semantics (same contract
 * suite): positions are `"0:<n>"`; every append is atomic because it never awaits; subscribers
 * are woken synchronously after each append.
 */
export class InMemoryEventStore implements EventStore {
  readonly start = START_POSITION;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byEventId = new Map<string, RecordedEvent>();
  private readonly subscribers = new Set<() => void>();
  private readonly clock: () => Date;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  async appendToStream(streamId: string, expected: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    if (typeof expected === 'bigint' && expected < 0n) throw new RangeError(`expected version must be >= 0, got ${expected}`);
    const replayed = this.replay(streamId, events);
    if (replayed) return replayed;

    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length > 0 ? BigInt(stream.length) : null;
    const conflict = (expected === 'no-stream' && actual !== null) || (typeof expected === 'bigint' && (actual ?? 0n) !== expected);
    if (conflict) throw new WrongExpectedVersion(streamId, typeof expected === 'bigint' ? expected.toString() : expected, actual);

    const recordedAt = this.clock();
    for (const event of events) {
      const recorded: RecordedEvent = {
        type: event.type,
        data: asStored(event.data),
        metadata: asStored(event.metadata),
        schemaVersion: event.schemaVersion ?? 1,
        streamId,
        streamVersion: BigInt(stream.length + 1),
        globalPosition: BigInt(this.log.length + 1),
        position: formatPosition(0n, BigInt(this.log.length + 1)),
        recordedAt: new Date(recordedAt.getTime()),
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byEventId.set(event.metadata.eventId, recorded);
    }
    if (stream.length > 0) this.streams.set(streamId, stream);
    if (events.length > 0) this.wake();
    return this.resultOf(stream[stream.length - 1]);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const { toVersion, recordedUntil } = options;
    return (this.streams.get(streamId) ?? []).filter(
      (event) =>
        (toVersion === undefined || event.streamVersion <= toVersion) &&
        (recordedUntil === undefined || event.recordedAt.getTime() <= recordedUntil.getTime()),
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const after = parsePosition(options.after ?? this.start);
    const from = Number(after.globalPosition);
    const events = this.log.slice(from, from + (options.limit ?? 1000));
    const last = events[events.length - 1];
    return { events, checkpoint: last ? last.position : (options.after ?? this.start) };
  }

  async readCommand(causationId: string): Promise<readonly RecordedEvent[]> {
    return this.log.filter((event) => event.metadata.causationId === causationId);
  }

  async subscribe(onWake: () => void): Promise<() => Promise<void>> {
    const subscriber = (): void => onWake();
    this.subscribers.add(subscriber);
    return async () => {
      this.subscribers.delete(subscriber);
    };
  }

  async head(): Promise<string | null> {
    return this.log[this.log.length - 1]?.position ?? null;
  }

  covers(checkpoint: string, position: string): boolean {
    return positionCovers(checkpoint, position);
  }

  /** The original result when every id is already stored in this stream; refuses other reuse. */
  private replay(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    const ids = events.map((event) => event.metadata.eventId);
    if (new Set(ids).size !== ids.length) throw new EventIdReused(streamId);
    const stored = ids.map((id) => this.byEventId.get(id)).filter((event) => event !== undefined);
    if (stored.length === 0) return undefined;
    if (stored.length !== ids.length || stored.some((event) => event.streamId !== streamId)) throw new EventIdReused(streamId);
    return this.resultOf(stored.reduce((a, b) => (b.streamVersion > a.streamVersion ? b : a)));
  }

  private resultOf(last: RecordedEvent | undefined): AppendResult {
    return last ? { nextExpectedVersion: last.streamVersion, position: last.position } : { nextExpectedVersion: 0n, position: this.start };
  }

  private wake(): void {
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber();
      } catch {
        // A subscriber's failure is its own; the append has happened.
      }
    }
  }
}
