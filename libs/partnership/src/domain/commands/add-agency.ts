import { InvalidInput } from '@ledger/event-sourcing';
import { AGENCY_KINDS, isAgencyKind } from '../agency-kind';
import type { AddAgency } from '../partnership.commands';
import { AgencyAlreadyAdded, AgencyNameTaken, NameRequired } from '../partnership.errors';
import type { AgencyAdded } from '../partnership.events';
import type { PartnershipState } from '../partnership.state';
import { sameName } from '../text';
import { registered } from './registered';

export function addAgency(command: AddAgency, state: PartnershipState): readonly AgencyAdded[] {
  const partnership = registered(command, state);
  const { agencyId, kind } = command.data;
  const name = command.data.name.trim();
  if (name === '') throw new NameRequired();
  if (!isAgencyKind(kind)) throw new InvalidInput('kind', `must be one of ${AGENCY_KINDS.join(', ')}`);
  if (partnership.agencies.some((agency) => agency.agencyId === agencyId)) throw new AgencyAlreadyAdded(agencyId);
  if (partnership.agencies.some((agency) => sameName(agency.name) === sameName(name))) throw new AgencyNameTaken(name);
  return [{ type: 'AgencyAdded', data: { partnershipId: partnership.partnershipId, agencyId, name, kind } }];
}
