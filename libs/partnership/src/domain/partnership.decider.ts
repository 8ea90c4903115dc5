import type { Decider } from '@ledger/event-sourcing';
import { addAgency } from './commands/add-agency';
import { establishSubgroup } from './commands/establish-subgroup';
import { publishThemes } from './commands/publish-themes';
import { registerPartnership } from './commands/register-partnership';
import type { PartnershipCommand } from './partnership.commands';
import type { PartnershipEvent } from './partnership.events';
import type { PartnershipState, RegisteredPartnership } from './partnership.state';

export function partnershipStreamId(partnershipId: string): string {
  return `partnership-${partnershipId}`;
}

function initialState(): PartnershipState {
  return { status: 'unregistered' };
}

function evolve(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  if (event.type === 'PartnershipRegistered') {
    const { partnershipId, name, localAuthorities } = event.data;
    return { status: 'registered', partnershipId, name, localAuthorities, agencies: [], subgroups: [], themes: [], taxonomyVersion: 0 };
  }
  if (state.status === 'unregistered') return state;
  return evolveRegistered(state, event);
}

function evolveRegistered(
  state: RegisteredPartnership,
  event: Exclude<PartnershipEvent, { type: 'PartnershipRegistered' }>,
): PartnershipState {
  switch (event.type) {
    case 'AgencyAdded': {
      const { agencyId, name, kind } = event.data;
      return { ...state, agencies: [...state.agencies, { agencyId, name, kind }] };
    }
    case 'SubgroupEstablished': {
      const { subgroupId, name } = event.data;
      return { ...state, subgroups: [...state.subgroups, { subgroupId, name }] };
    }
    case 'ThemeListPublished':
      return { ...state, themes: event.data.themes, taxonomyVersion: event.data.taxonomyVersion };
    default: {
      const unhandled: never = event;
      void unhandled; // an event type from the future: keep the state as it is
      return state;
    }
  }
}

function decide(command: PartnershipCommand, state: PartnershipState): readonly PartnershipEvent[] {
  switch (command.type) {
    case 'RegisterPartnership':
      return registerPartnership(command, state);
    case 'AddAgency':
      return addAgency(command, state);
    case 'EstablishSubgroup':
      return establishSubgroup(command, state);
    case 'PublishThemes':
      return publishThemes(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown partnership command ${(unhandled as PartnershipCommand).type}`);
    }
  }
}

/** The Partnership aggregate (stream `partnership-<id>`): the tenant, its agencies, subgroups and themes. */
export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = { initialState, evolve, decide };
