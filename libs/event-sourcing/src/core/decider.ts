import type { Actor, DomainEvent } from './event';

/**
 * What a command knows besides its data: the time, the actor and the business time it claims.
 * Deciders never call `new Date()` or generate ids; those arrive here or in the command data.
 */
export interface CommandMetadata {
  readonly now: Date;
  readonly actor: Actor;
  readonly occurredAt: Date;
}

export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Readonly<Data>;
  readonly metadata: CommandMetadata;
}

/** An aggregate as pure functions (Chassaing's decider). `decide` throws LedgerError subclasses. */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: () => S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S) => readonly E[];
}

export function fold<E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState());
}
