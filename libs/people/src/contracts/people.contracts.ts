import { upcastPeopleEvent, type PeopleEvent, type PeopleEventType } from '../schemas/people.schemas';

/*
 * The people context's integration events. Kafka carries no personal data (DESIGN §7): not even
 * the ciphertext (its key never leaves the ledger, and a copy on the bus could not be shredded),
 * nor free-text reasons (they are typed by people and may name someone).
 */

export type PeopleContract =
  | {
      readonly type: 'PersonRegistered';
      readonly version: 1;
      readonly data: { readonly partnershipId: string; readonly personId: string; readonly agencyId: string | null };
    }
  | { readonly type: 'PersonForgotten'; readonly version: 1; readonly data: { readonly partnershipId: string; readonly personId: string } }
  | {
      readonly type: 'FieldRedacted';
      readonly version: 1;
      readonly data: {
        readonly partnershipId: string;
        readonly redactionId: string;
        readonly streamId: string;
        readonly eventId: string;
        readonly field: string;
      };
    };

export interface PeopleContractDefinition {
  readonly version: number;
  readonly description: string;
  readonly properties: Readonly<Record<string, object>>;
  readonly omitted: Readonly<Record<string, string>>;
}

const id = { type: 'string', minLength: 1 } as const;
const REASON = 'free text typed by a person; it may name someone, so it stays in the ledger';

export const PEOPLE_CONTRACTS: { readonly [T in PeopleEventType]: PeopleContractDefinition } = {
  PersonRegistered: {
    version: 1,
    description: 'A member of staff was entered in the people registry (their details stay in the ledger, encrypted).',
    properties: { partnershipId: id, personId: id, agencyId: { type: ['string', 'null'] } },
    omitted: { ciphertext: 'personal data (encrypted with a key that never leaves the ledger, so it can be shredded)' },
  },
  PersonForgotten: {
    version: 1,
    description: 'A person’s key was destroyed: consumers must forget anything they hold about this person id.',
    properties: { partnershipId: id, personId: id },
    omitted: { reason: REASON },
  },
  FieldRedacted: {
    version: 1,
    description: 'One text field of an earlier event is withdrawn from every view: consumers must drop their copy.',
    properties: { partnershipId: id, redactionId: id, streamId: id, eventId: id, field: { type: 'string' } },
    omitted: { reason: REASON },
  },
};

export function peopleContractOf(event: PeopleEvent): PeopleContract {
  switch (event.type) {
    case 'PersonRegistered': {
      const { partnershipId, personId, agencyId } = event.data;
      return { type: event.type, version: 1, data: { partnershipId, personId, agencyId } };
    }
    case 'PersonForgotten': {
      const { partnershipId, personId } = event.data;
      return { type: event.type, version: 1, data: { partnershipId, personId } };
    }
    case 'FieldRedacted': {
      const { partnershipId, redactionId, streamId, eventId, field } = event.data;
      return { type: event.type, version: 1, data: { partnershipId, redactionId, streamId, eventId, field } };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** The people context's contract mapper for the relay. */
export const peopleContracts = {
  context: 'people',
  definitions: PEOPLE_CONTRACTS,
  map: (stored: { readonly type: string; readonly schemaVersion: number; readonly data: object }): PeopleContract =>
    peopleContractOf(upcastPeopleEvent(stored)),
} as const;
