import type { Command, Decider } from './decider';
import { WrongExpectedVersion, PreconditionFailed } from './errors';
import type { DomainEvent, EventMetadata, RecordedEvent } from './event';
import type { AppendResult, EventStore } from './event-store.port';

export interface HandleOptions {
  /** If-Match: the version the client last saw; a mismatch throws PreconditionFailed. */
  readonly ifMatch?: bigint;
  /** Retries against fresh state when another writer wins the race (ignored with ifMatch). */
  readonly retries?: number;
  /** Builds each event's metadata; `index` is the event's index within this command. */
  readonly metadataFor: (index: number, event: DomainEvent) => EventMetadata;
  /** Called with the stream as read, before deciding; throw (e.g. NotFound) to refuse. */
  readonly guard?: (recorded: readonly RecordedEvent[]) => void;
  /** Upcasts a stored event into the current in-memory shape before evolve. */
  readonly upcast?: (event: RecordedEvent) => DomainEvent;
  /** The stored schema version to write each new event with (default 1). */
  readonly schemaVersionOf?: (event: DomainEvent) => number;
}

export interface HandleResult<E extends DomainEvent> extends AppendResult {
  readonly events: readonly E[];
}

/**
 * The one generic command handler: load the stream, fold, decide, append with the expected
 * version. On a lost race it retries against the fresh state; If-Match commands never retry.
 */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  options: HandleOptions,
): Promise<HandleResult<E>> {
  const attempts = options.ifMatch === undefined ? 1 + (options.retries ?? 3) : 1;
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamId);
    options.guard?.(recorded);
    const version = recorded.length === 0 ? 0n : recorded[recorded.length - 1]!.streamVersion;
    if (options.ifMatch !== undefined && options.ifMatch !== version) {
      throw new PreconditionFailed(options.ifMatch, version);
    }
    const upcast = options.upcast ?? ((event: RecordedEvent) => ({ type: event.type, data: event.data }));
    const state = recorded.map((event) => upcast(event) as E).reduce(decider.evolve, decider.initialState());
    const events = decider.decide(command, state);
    try {
      const result = await store.appendToStream(
        streamId,
        recorded.length === 0 ? 'no-stream' : version,
        events.map((event, index) => ({
          type: event.type,
          data: event.data,
          metadata: options.metadataFor(index, event),
          ...(options.schemaVersionOf ? { schemaVersion: options.schemaVersionOf(event) } : {}),
        })),
      );
      return { ...result, events };
    } catch (error) {
      if (error instanceof WrongExpectedVersion && attempt < attempts) continue;
      throw error;
    }
  }
}
