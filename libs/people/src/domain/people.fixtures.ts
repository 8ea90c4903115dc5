import type { CommandMetadata } from '@ledger/event-sourcing';
import type { ForgetPerson, RegisterPerson } from './person/person.commands';
import type { PersonRegistered } from './person/person.events';
import type { RedactField } from './redaction/redaction.commands';

/** Synthetic fixtures of the people context (test code and the event catalogue; not in the lib's index). */
export const metadata: CommandMetadata = {
  now: new Date('2026-01-10T09:00:00Z'),
  occurredAt: new Date('2026-01-10T09:00:00Z'),
  actor: { userId: 'admin@example.org', role: 'partnership-admin' },
};
export const partnershipId = '11111111-1111-4111-8111-111111111111';
export const personId = '22222222-2222-4222-8222-222222222222';
export const agencyId = '55555555-5555-4555-8555-555555555555';
/** Not real ciphertext: the shape of `v1.<base64>` only. */
export const ciphertext = 'v1.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v';

export const registerPerson = (): RegisterPerson => ({
  type: 'RegisterPerson',
  data: { partnershipId, personId, agencyId, ciphertext },
  metadata,
});
export const personRegistered = (): PersonRegistered => ({
  type: 'PersonRegistered',
  data: { partnershipId, personId, agencyId, ciphertext },
});
export const forgetPerson = (): ForgetPerson => ({ type: 'ForgetPerson', data: { personId, reason: 'Left the partnership.' }, metadata });
export const redactField = (): RedactField => ({
  type: 'RedactField',
  data: {
    partnershipId,
    redactionId: '66666666-6666-4666-8666-666666666666',
    streamId: 'action-33333333-3333-4333-8333-333333333333',
    eventId: '44444444-4444-4444-8444-444444444444',
    field: 'description',
    reason: 'The text named a member of staff.',
  },
  metadata,
});
