import type { Actor, Command, Decider, DomainEvent, NewEvent } from '@ledger/event-sourcing';
import type { SeededRandom } from './seeded-random';

/** One append the generator will make: a stream's next events, at a simulated recording time. */
export interface PlannedAppend {
  readonly streamId: string;
  /** The stream's version before this append (0 = new stream). */
  readonly expectedVersion: number;
  readonly events: NewEvent[];
  /** When the business unit typed it in (simulated), which orders appends within a partnership. */
  readonly recordAt: number;
}

/** Commands recorded this long after they happened are back-dated, and say why (as the API requires). */
const BACKDATED_AFTER_MS = 5 * 60_000;
/** A stream's commands typed in within this window of the first go in one multi-event append. */
const SESSION_MS = 45 * 86_400_000;

/**
 * One aggregate's stream in the generated history. Every command goes through the aggregate's
 * own decider, so the store only ever holds events the domain would accept; a refused command is
 * counted and dropped (the history simply did not take that turn).
 */
export class DecidedStream<C extends Command, E extends DomainEvent, S> {
  private state: S;
  private version = 0;
  private lastRecordAt = 0;
  private open: PlannedAppend | null = null;
  refused = 0;

  constructor(
    readonly streamId: string,
    private readonly decider: Decider<C, E, S>,
    private readonly context: { readonly partnershipId: string; readonly random: SeededRandom; readonly appends: PlannedAppend[] },
  ) {
    this.state = decider.initialState();
  }

  get current(): S {
    return this.state;
  }

  /**
   * Decides `command` as if it happened at `occurredAt` and was recorded `lagMs` later (never
   * before the stream's previous record); returns whether the decider accepted it.
   */
  run(
    type: C['type'],
    data: C['data'],
    occurredAt: number,
    options: { readonly actor: Actor; readonly lagMs: number; readonly forum?: string; readonly reason?: string },
  ): boolean {
    const recordAt = Math.max(this.lastRecordAt, occurredAt + options.lagMs);
    const command = { type, data, metadata: { now: new Date(recordAt), actor: options.actor, occurredAt: new Date(occurredAt) } } as C;
    let events: readonly E[];
    try {
      events = this.decider.decide(command, this.state);
    } catch {
      this.refused++;
      return false;
    }
    const { random, partnershipId } = this.context;
    const causationId = random.uuid('command');
    const backdated = recordAt - occurredAt > BACKDATED_AFTER_MS;
    const stored: NewEvent[] = events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: random.uuid('event'),
        partnershipId,
        actor: options.actor,
        correlationId: causationId,
        causationId,
        occurredAt: new Date(occurredAt).toISOString(),
        ...(backdated ? { backdatedReason: options.reason ?? 'Entered from the minutes of the subgroup meeting' } : {}),
        ...(options.forum ? { forum: options.forum } : {}),
      },
    }));
    for (const event of events) this.state = this.decider.evolve(this.state, event);
    this.append(stored, recordAt);
    this.version += events.length;
    this.lastRecordAt = recordAt;
    return true;
  }

  private append(events: NewEvent[], recordAt: number): void {
    if (this.open && recordAt - this.open.recordAt <= SESSION_MS) {
      this.open.events.push(...events);
      return;
    }
    this.open = { streamId: this.streamId, expectedVersion: this.version, events: [...events], recordAt };
    this.context.appends.push(this.open);
  }
}
