import { createHash, randomUUID } from 'node:crypto';
import type { Command, CommandMetadata, Decider } from '../core/decider';
import { handleCommand } from '../core/command-handler';
import { LedgerError, NotFound } from '../core/errors';
import type { DomainEvent, EventMetadata, RecordedEvent } from '../core/event';
import type { EventStore } from '../core/event-store.port';
import type { CommandContext, CommandOutcome, ProjectionProgress } from './command-context';

export class IdempotencyKeyReused extends LedgerError {
  readonly code = 'idempotency-key-reused';
  readonly kind = 'rule';
  constructor() {
    super('this Idempotency-Key was already used with a different request');
  }
}

/** Business time this far behind record time counts as back-dated (and carries its reason). */
export const BACKDATING_THRESHOLD_MS = 5 * 60_000;

export function isBackdated(context: Pick<CommandContext, 'occurredAt' | 'now'>): boolean {
  return context.occurredAt !== undefined && context.occurredAt.getTime() < context.now.getTime() - BACKDATING_THRESHOLD_MS;
}

/** A UUID (v8 layout) derived from a name: the same name always gives the same id. */
export function deterministicUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id of something a command creates. Under an Idempotency-Key it is derived from the key, so
 * racing retries of a create name the same stream and collapse into one append.
 */
export function newIdFor(context: Pick<CommandContext, 'partnershipId' | 'actor' | 'idempotencyKey'>, kind: string): string {
  return context.idempotencyKey
    ? deterministicUuid(`${kind}|${context.partnershipId}|${context.actor.userId}|${context.idempotencyKey}`)
    : randomUUID();
}

export interface ExecuteRequest<C extends Command, E extends DomainEvent, S> {
  readonly context: CommandContext;
  /** Aggregate id (answered as `id`) and its stream (`<type>-<id>`). */
  readonly id: string;
  readonly streamId: string;
  /** What the stream holds, for the 404 message ("action", "challenge", ...). */
  readonly what: string;
  readonly decider: Decider<C, E, S>;
  readonly command: (metadata: CommandMetadata) => C;
  /** Creating commands must start a new stream; all others need an existing one. */
  readonly creates: boolean;
  /** Maps stored events (any schema version) to the decider's current event shape. */
  readonly upcast?: (event: RecordedEvent) => E;
  /** The stored schema version each new event is written with (default 1). */
  readonly schemaVersionOf?: (event: E) => number;
}

/**
 * Runs a command for any context: idempotency by key, tenancy check on the stream, If-Match,
 * load-fold-decide-append with retries, then waits until the read models include the result
 * (read-your-writes).
 */
export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    private readonly progress: ProjectionProgress,
  ) {}

  async execute<C extends Command, E extends DomainEvent, S>(request: ExecuteRequest<C, E, S>): Promise<CommandOutcome> {
    const { context } = request;
    const commandId = context.idempotencyKey
      ? deterministicUuid(`${context.partnershipId}|${context.actor.userId}|${context.idempotencyKey}`)
      : randomUUID();

    if (context.idempotencyKey) {
      const earlier = await this.store.readCommand(commandId);
      if (earlier.length > 0) return this.replay(request, earlier);
    }

    const occurredAt = context.occurredAt ?? context.now;
    const metadataFor = (index: number): EventMetadata => ({
      eventId: context.idempotencyKey ? deterministicUuid(`${commandId}|${index}`) : randomUUID(),
      partnershipId: context.partnershipId,
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: commandId,
      occurredAt: occurredAt.toISOString(),
      ...(isBackdated(context) && context.reason ? { backdatedReason: context.reason } : {}),
      ...(context.forum ? { forum: context.forum } : {}),
      ...(context.requestHash ? { requestHash: context.requestHash } : {}),
    });

    let result;
    try {
      result = await handleCommand(
        this.store,
        request.streamId,
        request.decider,
        request.command({ now: context.now, actor: context.actor, occurredAt }),
        {
          ...(context.ifMatch !== undefined ? { ifMatch: context.ifMatch } : {}),
          ...(request.upcast ? { upcast: request.upcast } : {}),
          ...(request.schemaVersionOf ? { schemaVersionOf: request.schemaVersionOf as (event: DomainEvent) => number } : {}),
          metadataFor,
          guard: (recorded) => {
            const first = recorded[0];
            if (first && first.metadata.partnershipId !== context.partnershipId) throw new NotFound(request.what, request.id);
            if (!first && !request.creates) throw new NotFound(request.what, request.id);
          },
        },
      );
    } catch (error) {
      // A retry racing its own first attempt reads the state that attempt produced and may be
      // refused (e.g. "already agreed"); if the first attempt committed, answer with its result.
      if (context.idempotencyKey) {
        const earlier = await this.store.readCommand(commandId);
        if (earlier.length > 0) return this.replay(request, earlier);
      }
      throw error;
    }
    await this.progress.waitFor(result.position);
    return { id: request.id, version: result.nextExpectedVersion, position: result.position };
  }

  private async replay<C extends Command, E extends DomainEvent, S>(
    request: ExecuteRequest<C, E, S>,
    earlier: readonly RecordedEvent[],
  ): Promise<CommandOutcome> {
    const last = earlier[earlier.length - 1]!;
    if (last.metadata.requestHash !== request.context.requestHash) throw new IdempotencyKeyReused();
    await this.progress.waitFor(last.position);
    // A create made up a fresh id for this retry; the answer names the one the first try created.
    const id = last.streamId.slice(last.streamId.indexOf('-') + 1);
    return { id, version: last.streamVersion, position: last.position };
  }
}
