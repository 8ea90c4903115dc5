import { IllegalTransition, type Decider } from '@ledger/event-sourcing';
import type { ForgetPerson, PersonCommand, RegisterPerson } from './person.commands';
import { PersonAlreadyForgotten, PersonAlreadyRegistered, ReasonRequired } from './person.errors';
import type { PersonEvent } from './person.events';
import type { PersonState } from './person.state';

export function personStreamId(personId: string): string {
  return `person-${personId}`;
}

function initialState(): PersonState {
  return { status: 'unregistered' };
}

function evolve(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { status: 'registered', partnershipId: event.data.partnershipId, personId: event.data.personId };
    case 'PersonForgotten':
      return state.status === 'unregistered' ? state : { ...state, status: 'forgotten' };
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

function register(command: RegisterPerson, state: PersonState): readonly PersonEvent[] {
  if (state.status !== 'unregistered') throw new PersonAlreadyRegistered();
  const { partnershipId, personId, agencyId, ciphertext } = command.data;
  return [{ type: 'PersonRegistered', data: { partnershipId, personId, agencyId, ciphertext } }];
}

function forget(command: ForgetPerson, state: PersonState): readonly PersonEvent[] {
  if (state.status === 'unregistered') throw new IllegalTransition('person', state.status, command.type);
  if (state.status === 'forgotten') throw new PersonAlreadyForgotten();
  const reason = command.data.reason.trim();
  if (reason === '') throw new ReasonRequired();
  return [{ type: 'PersonForgotten', data: { partnershipId: state.partnershipId, personId: state.personId, reason } }];
}

function decide(command: PersonCommand, state: PersonState): readonly PersonEvent[] {
  switch (command.type) {
    case 'RegisterPerson':
      return register(command, state);
    case 'ForgetPerson':
      return forget(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown person command ${(unhandled as PersonCommand).type}`);
    }
  }
}

/** A person of the registry (stream `person-<id>`): registered, then perhaps forgotten. */
export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = { initialState, evolve, decide };
