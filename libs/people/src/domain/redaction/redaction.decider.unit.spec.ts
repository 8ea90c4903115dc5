import type { CommandMetadata } from '@ledger/event-sourcing';
import { deciderSpecification } from '@ledger/testing';
import { ReasonRequired } from '../person/person.errors';
import { isRedactableText } from './redactable-text';
import type { RedactField } from './redaction.commands';
import { redactionDecider } from './redaction.decider';
import { FieldAlreadyRedacted } from './redaction.errors';
import type { FieldRedacted } from './redaction.events';

const metadata: CommandMetadata = {
  now: new Date('2026-01-10T09:00:00Z'),
  occurredAt: new Date('2026-01-10T09:00:00Z'),
  actor: { userId: 'admin@example.org', role: 'partnership-admin' },
};
const base = {
  partnershipId: '11111111-1111-4111-8111-111111111111',
  streamId: 'action-33333333-3333-4333-8333-333333333333',
  eventId: '44444444-4444-4444-8444-444444444444',
  field: 'description',
};
const redact = (redactionId: string, overrides: Partial<RedactField['data']> = {}): RedactField => ({
  type: 'RedactField',
  data: { ...base, redactionId, reason: 'Named a member of staff.', ...overrides },
  metadata,
});
const redacted = (redactionId: string, overrides: Partial<FieldRedacted['data']> = {}): FieldRedacted => ({
  type: 'FieldRedacted',
  data: { ...base, redactionId, reason: 'Named a member of staff.', ...overrides },
});

const spec = deciderSpecification(redactionDecider);

describe('the redaction register', () => {
  describe('when empty', () => {
    it('records the redaction of a field', () => {
      spec
        .given([])
        .when(redact('r1'))
        .then([redacted('r1')]);
    });
    it('needs a reason', () => {
      spec
        .given([])
        .when(redact('r1', { reason: ' ' }))
        .thenThrows(ReasonRequired);
    });
  });

  describe('when a field of an event is redacted', () => {
    it('refuses to redact the same field again', () => {
      spec
        .given([redacted('r1')])
        .when(redact('r2'))
        .thenThrows(FieldAlreadyRedacted);
    });
    it('redacts another field of the same event', () => {
      spec
        .given([redacted('r1')])
        .when(redact('r2', { field: 'successMeasure' }))
        .then([redacted('r2', { field: 'successMeasure' })]);
    });
  });
});

describe('isRedactableText', () => {
  it.each(['Visit to 12 Acacia Avenue was missed.', 'Designated nurse'])('is free text: %s', (text) => {
    expect(isRedactableText(text)).toBe(true);
  });
  it.each([
    ['an id', '44444444-4444-4444-8444-444444444444'],
    ['a date', '2027-01-31'],
    ['an enum', 'amber'],
    ['a number', 42],
    ['short words', 'a b'],
  ])('is not %s', (_label, value) => {
    expect(isRedactableText(value)).toBe(false);
  });
});
