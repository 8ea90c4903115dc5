import type { Command, Decider, DomainEvent } from '@ledger/event-sourcing';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Given events / When command / Then events (or Then throws) for any decider:
 *   spec.given([proposed(), agreed()]).when(claimCompletion()).thenThrows(CompletionNeedsEvidence);
 */
export function deciderSpecification<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = (): readonly E[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            thenMatches(expected: readonly Partial<E>[]): void {
              expect(run()).toMatchObject(expected);
            },
            thenThrows(errorClass: ErrorClass, check?: (error: Error) => void): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (check) check(thrown as Error);
            },
          };
        },
      };
    },
  };
}

/** The state after folding events, for tests of evolve. */
export function stateAfter<E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>,
  events: readonly E[],
): S {
  return events.reduce(decider.evolve, decider.initialState());
}
