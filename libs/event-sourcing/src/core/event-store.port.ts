import type { NewEvent, RecordedEvent } from './event';

/** DI token for the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * `bigint` — the stream must be at exactly this version (0 = empty);
 * `'no-stream'` — the stream must not exist; `'any'` — no check.
 */
export type ExpectedVersion = bigint | 'no-stream' | 'any';

export interface AppendResult {
  /** Version of the stream after the append (its last event's version). */
  readonly nextExpectedVersion: bigint;
  /** Opaque position of the last appended event. */
  readonly position: string;
}

export interface ReadStreamOptions {
  /** Only events with streamVersion <= this. */
  readonly toVersion?: bigint;
  /** Only events recorded at or before this instant (record time). */
  readonly recordedUntil?: Date;
}

export interface ReadAllOptions {
  /** Opaque checkpoint from a previous page; absent = from the beginning. */
  readonly after?: string;
  readonly limit?: number;
}

export interface ReadAllPage {
  readonly events: readonly RecordedEvent[];
  /** Checkpoint to pass as `after` next time. Equal to the input when nothing new. */
  readonly checkpoint: string;
}

export interface StreamInfo {
  readonly streamId: string;
  readonly version: bigint;
}

/**
 * The event store port. Adapters: PostgreSQL (default), in-memory (unit tests), later KurrentDB.
 * Positions and checkpoints are opaque strings; compare them only with `covers`.
 */
export interface EventStore {
  /**
   * Appends atomically with an expected-version check. Idempotent by event id: appending events
   * whose ids are already stored (same stream) returns the original result and writes nothing.
   * Throws WrongExpectedVersion on a version conflict.
   */
  appendToStream(streamId: string, expected: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult>;
  /** Events of one stream in version order; [] when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  /**
   * Events of all streams in commit-safe order: a reader that pages with the returned checkpoint
   * never skips an event committed late by a concurrent transaction, and sees each event once.
   */
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  /**
   * Position of the newest committed event (null when there is none). It may be beyond what
   * `readAll` returns yet, while an older transaction is still open.
   */
  head(): Promise<string | null>;
  /** Events written by one command (sharing `metadata.causationId`), in order; [] if none. */
  readCommand(causationId: string): Promise<readonly RecordedEvent[]>;
  /** Calls `onWake` whenever new events may be readable (LISTEN/NOTIFY, or in-process). */
  subscribe(onWake: () => void): Promise<() => Promise<void>>;
  /** True when a reader at `checkpoint` has read past the event at `position`. */
  covers(checkpoint: string, position: string): boolean;
  /** The checkpoint before any event. */
  readonly start: string;
}
