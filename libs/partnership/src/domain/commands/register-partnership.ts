import { IllegalTransition } from '@ledger/event-sourcing';
import type { RegisterPartnership } from '../partnership.commands';
import { LocalAuthoritiesRequired, LocalAuthorityDuplicated, NameRequired } from '../partnership.errors';
import type { PartnershipRegistered } from '../partnership.events';
import type { PartnershipState } from '../partnership.state';
import { firstDuplicate, trimmedNames } from '../text';

export function registerPartnership(command: RegisterPartnership, state: PartnershipState): readonly PartnershipRegistered[] {
  if (state.status !== 'unregistered') throw new IllegalTransition('partnership', state.status, command.type);
  const name = command.data.name.trim();
  if (name === '') throw new NameRequired();
  const localAuthorities = trimmedNames(command.data.localAuthorities);
  if (!localAuthorities) throw new LocalAuthoritiesRequired();
  const duplicate = firstDuplicate(localAuthorities);
  if (duplicate !== undefined) throw new LocalAuthorityDuplicated(duplicate);
  return [{ type: 'PartnershipRegistered', data: { partnershipId: command.data.partnershipId, name, localAuthorities } }];
}
