import type { DomainEvent } from '@ledger/event-sourcing';

/**
 * A member of staff was entered in the people registry. The event holds no personal data in the
 * clear: `ciphertext` is the person's details sealed with their own data key (ADR 0013).
 */
export type PersonRegistered = DomainEvent<
  'PersonRegistered',
  {
    readonly partnershipId: string;
    readonly personId: string;
    readonly agencyId: string | null;
    readonly ciphertext: string;
  }
>;

/** The person's data key was destroyed: every view shows them as erased from now on. */
export type PersonForgotten = DomainEvent<
  'PersonForgotten',
  { readonly partnershipId: string; readonly personId: string; readonly reason: string }
>;

export type PersonEvent = PersonRegistered | PersonForgotten;
export type PersonEventType = PersonEvent['type'];

export const PERSON_EVENT_TYPES: readonly PersonEventType[] = ['PersonRegistered', 'PersonForgotten'];
