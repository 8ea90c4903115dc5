import { NotFound } from '@ledger/event-sourcing';
import type { PartnershipCommand } from '../partnership.commands';
import type { PartnershipState, RegisteredPartnership } from '../partnership.state';

/** The registered partnership, or NotFound for a command sent to one that does not exist. */
export function registered(command: PartnershipCommand, state: PartnershipState): RegisteredPartnership {
  if (state.status === 'unregistered') throw new NotFound('partnership', command.data.partnershipId);
  return state;
}
