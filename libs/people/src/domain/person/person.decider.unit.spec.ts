import { IllegalTransition, type CommandMetadata } from '@ledger/event-sourcing';
import { deciderSpecification } from '@ledger/testing';
import type { ForgetPerson, RegisterPerson } from './person.commands';
import { personDecider } from './person.decider';
import { PersonAlreadyForgotten, PersonAlreadyRegistered, ReasonRequired } from './person.errors';
import type { PersonForgotten, PersonRegistered } from './person.events';

const metadata: CommandMetadata = {
  now: new Date('2026-01-10T09:00:00Z'),
  occurredAt: new Date('2026-01-10T09:00:00Z'),
  actor: { userId: 'admin@example.org', role: 'partnership-admin' },
};
const partnershipId = '11111111-1111-4111-8111-111111111111';
const personId = '22222222-2222-4222-8222-222222222222';
const ciphertext = 'v1.c2VhbGVk';

const register = (): RegisterPerson => ({
  type: 'RegisterPerson',
  data: { partnershipId, personId, agencyId: null, ciphertext },
  metadata,
});
const forget = (reason = 'Left the partnership.'): ForgetPerson => ({ type: 'ForgetPerson', data: { personId, reason }, metadata });
const registered: PersonRegistered = { type: 'PersonRegistered', data: { partnershipId, personId, agencyId: null, ciphertext } };
const forgotten: PersonForgotten = { type: 'PersonForgotten', data: { partnershipId, personId, reason: 'Left the partnership.' } };

const spec = deciderSpecification(personDecider);

describe('a person', () => {
  describe('when not registered', () => {
    it('is registered with only the ciphertext of their details', () => {
      spec.given([]).when(register()).then([registered]);
    });
    it('cannot be forgotten', () => {
      spec.given([]).when(forget()).thenThrows(IllegalTransition);
    });
  });

  describe('when registered', () => {
    it('cannot be registered twice', () => {
      spec.given([registered]).when(register()).thenThrows(PersonAlreadyRegistered);
    });
    it('is forgotten with a trimmed reason and no personal data', () => {
      spec.given([registered]).when(forget('  Left the partnership.  ')).then([forgotten]);
    });
    it('needs a reason to be forgotten', () => {
      spec.given([registered]).when(forget('   ')).thenThrows(ReasonRequired);
    });
  });

  describe('when forgotten', () => {
    it('cannot be forgotten again', () => {
      spec.given([registered, forgotten]).when(forget()).thenThrows(PersonAlreadyForgotten);
    });
    it('cannot be registered again', () => {
      spec.given([registered, forgotten]).when(register()).thenThrows(PersonAlreadyRegistered);
    });
  });
});
