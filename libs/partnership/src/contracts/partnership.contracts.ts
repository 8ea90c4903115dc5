import type { AgencyKind } from '../domain/agency-kind';
import { AGENCY_KINDS } from '../domain/agency-kind';
import type { PartnershipEvent, PartnershipEventType } from '../domain/partnership.events';
import { upcastPartnershipEvent } from '../schemas/partnership.schemas';
import { isInspectorGrantEventType } from '../schemas/inspector-grant.schemas';
import { INSPECTOR_GRANT_CONTRACTS, mapInspectorGrantContract, type InspectorGrantContract } from './inspector-grant.contracts';

/*
 * The partnership's integration events: the third, deliberately stable vocabulary (STYLE.md),
 * mapped field by field from the domain events, never spread from them, so a new domain field
 * reaches Kafka only when someone adds it here. Everything the partnership publishes is
 * organisational (names of public bodies and their structures), so nothing is left out.
 */

export interface PartnershipRegisteredContract {
  readonly partnershipId: string;
  readonly name: string;
  readonly localAuthorities: readonly string[];
}
export interface AgencyAddedContract {
  readonly partnershipId: string;
  readonly agencyId: string;
  readonly name: string;
  readonly kind: AgencyKind;
}
export interface SubgroupEstablishedContract {
  readonly partnershipId: string;
  readonly subgroupId: string;
  readonly name: string;
}
export interface ThemeListPublishedContract {
  readonly partnershipId: string;
  readonly taxonomyVersion: number;
  readonly themes: readonly string[];
}

export type PartnershipContract =
  | { readonly type: 'PartnershipRegistered'; readonly version: 1; readonly data: PartnershipRegisteredContract }
  | { readonly type: 'AgencyAdded'; readonly version: 1; readonly data: AgencyAddedContract }
  | { readonly type: 'SubgroupEstablished'; readonly version: 1; readonly data: SubgroupEstablishedContract }
  | { readonly type: 'ThemeListPublished'; readonly version: 1; readonly data: ThemeListPublishedContract };

/** A stored event as the event store returns it (a RecordedEvent fits). */
export interface PartnershipContractSource {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

/** One published contract: its version, the JSON Schema properties of `data`, and why each domain field left out was. */
export interface PartnershipContractDefinition {
  readonly version: number;
  readonly description: string;
  readonly properties: Readonly<Record<string, object>>;
  readonly omitted: Readonly<Record<string, string>>;
}

const id = { type: 'string', minLength: 1 } as const;
const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;

export const PARTNERSHIP_CONTRACTS: { readonly [T in PartnershipEventType]: PartnershipContractDefinition } = {
  PartnershipRegistered: {
    version: 1,
    description: 'A safeguarding children partnership (the tenant) was registered.',
    properties: { partnershipId: id, name: text, localAuthorities: texts },
    omitted: {},
  },
  AgencyAdded: {
    version: 1,
    description: 'An agency joined the partnership.',
    properties: { partnershipId: id, agencyId: id, name: text, kind: { type: 'string', enum: AGENCY_KINDS } },
    omitted: {},
  },
  SubgroupEstablished: {
    version: 1,
    description: 'A subgroup of the partnership was set up.',
    properties: { partnershipId: id, subgroupId: id, name: text },
    omitted: {},
  },
  ThemeListPublished: {
    version: 1,
    description: 'A new version of the partnership’s theme taxonomy replaced the previous one.',
    properties: { partnershipId: id, taxonomyVersion: { type: 'integer', minimum: 1 }, themes: texts },
    omitted: {},
  },
};

/** The contract of one domain event (exhaustive: a new event type does not compile until mapped). */
export function partnershipContractOf(event: PartnershipEvent): PartnershipContract {
  switch (event.type) {
    case 'PartnershipRegistered': {
      const { partnershipId, name, localAuthorities } = event.data;
      return { type: event.type, version: 1, data: { partnershipId, name, localAuthorities: [...localAuthorities] } };
    }
    case 'AgencyAdded': {
      const { partnershipId, agencyId, name, kind } = event.data;
      return { type: event.type, version: 1, data: { partnershipId, agencyId, name, kind } };
    }
    case 'SubgroupEstablished': {
      const { partnershipId, subgroupId, name } = event.data;
      return { type: event.type, version: 1, data: { partnershipId, subgroupId, name } };
    }
    case 'ThemeListPublished': {
      const { partnershipId, taxonomyVersion, themes } = event.data;
      return { type: event.type, version: 1, data: { partnershipId, taxonomyVersion, themes: [...themes] } };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/**
 * The partnership's contract mapper for the relay: a stored event (any stored schema version) →
 * upcast → contract. Throws UnknownPartnershipEventSchema for a type or version it does not know.
 */
export const partnershipContracts = {
  context: 'partnership',
  definitions: { ...PARTNERSHIP_CONTRACTS, ...INSPECTOR_GRANT_CONTRACTS },
  map: (stored: PartnershipContractSource): PartnershipContract | InspectorGrantContract =>
    isInspectorGrantEventType(stored.type) ? mapInspectorGrantContract(stored) : partnershipContractOf(upcastPartnershipEvent(stored)),
} as const;
