import type { EstablishSubgroup } from '../partnership.commands';
import { NameRequired, SubgroupAlreadyEstablished, SubgroupNameTaken } from '../partnership.errors';
import type { SubgroupEstablished } from '../partnership.events';
import type { PartnershipState } from '../partnership.state';
import { sameName } from '../text';
import { registered } from './registered';

export function establishSubgroup(command: EstablishSubgroup, state: PartnershipState): readonly SubgroupEstablished[] {
  const partnership = registered(command, state);
  const { subgroupId } = command.data;
  const name = command.data.name.trim();
  if (name === '') throw new NameRequired();
  if (partnership.subgroups.some((subgroup) => subgroup.subgroupId === subgroupId)) throw new SubgroupAlreadyEstablished(subgroupId);
  if (partnership.subgroups.some((subgroup) => sameName(subgroup.name) === sameName(name))) throw new SubgroupNameTaken(name);
  return [{ type: 'SubgroupEstablished', data: { partnershipId: partnership.partnershipId, subgroupId, name } }];
}
