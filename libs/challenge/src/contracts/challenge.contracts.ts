import type { ChallengeStatus, EscalationLevel } from '../domain/challenge-values';
import { CHALLENGE_STATUSES, ESCALATION_LEVELS } from '../domain/challenge-values';
import type { ChallengeEvent, ChallengeEventType } from '../domain/challenge.events';
import { upcastChallengeEvent } from '../schemas/challenge.schemas';

/*
 * Challenge integration events: who challenged which agency, where the challenge stands and how
 * far it escalated. Left out, as in every context: prose typed by practitioners (subject, detail,
 * response, reasons, outcome), which can mention a child or family, and person references.
 * Consumers that need the words read them through the authorised HTTP API.
 */

export interface ChallengeRaisedContract {
  readonly challengeId: string;
  readonly partnershipId: string;
  readonly toAgencyId: string;
  /** The agency of whoever raised it (metadata.actor.agencyId); null when their token named none. */
  readonly raisedByAgencyId: string | null;
  /** `YYYY-MM-DD`. */
  readonly responseDueDate: string;
  readonly status: 'raised';
}
export interface ChallengeMovedContract {
  readonly challengeId: string;
  readonly status: ChallengeStatus;
}
export interface ChallengeEscalatedContract extends ChallengeMovedContract {
  readonly level: EscalationLevel;
  readonly fromLevel: EscalationLevel | null;
}
export interface ChallengeLinkedToActionContract {
  readonly challengeId: string;
  readonly actionId: string;
}

type Moves = Exclude<ChallengeEventType, 'ChallengeRaised' | 'ChallengeEscalated' | 'ChallengeLinkedToAction'>;

export type ChallengeContract =
  | { readonly type: 'ChallengeRaised'; readonly version: 1; readonly data: ChallengeRaisedContract }
  | { readonly type: Moves; readonly version: 1; readonly data: ChallengeMovedContract }
  | { readonly type: 'ChallengeEscalated'; readonly version: 1; readonly data: ChallengeEscalatedContract }
  | { readonly type: 'ChallengeLinkedToAction'; readonly version: 1; readonly data: ChallengeLinkedToActionContract };

/** A stored event as the event store returns it (a RecordedEvent fits). */
export interface ChallengeContractSource {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
  readonly metadata: { readonly actor: { readonly agencyId?: string } };
}

/** One published contract: its version, the JSON Schema properties of `data`, and why each domain field left out was. */
export interface ChallengeContractDefinition {
  readonly version: number;
  readonly description: string;
  readonly properties: Readonly<Record<string, object>>;
  readonly omitted: Readonly<Record<string, string>>;
}

const PROSE = 'free text typed by practitioners, which may identify a child, family or member of staff; read it through the API';
const id = { type: 'string', minLength: 1 } as const;
const status = { type: 'string', enum: CHALLENGE_STATUSES } as const;
const level = { type: 'string', enum: ESCALATION_LEVELS } as const;
const moved = (description: string, omitted: Record<string, string> = {}): ChallengeContractDefinition => ({
  version: 1,
  description,
  properties: { challengeId: id, status },
  omitted,
});

export const CHALLENGE_CONTRACTS: { readonly [T in ChallengeEventType]: ChallengeContractDefinition } = {
  ChallengeRaised: {
    version: 1,
    description: 'A formal challenge was raised to a partner agency, with a date a response is due.',
    properties: {
      challengeId: id,
      partnershipId: id,
      toAgencyId: id,
      raisedByAgencyId: { type: ['string', 'null'], minLength: 1 },
      responseDueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      status: { const: 'raised' },
    },
    omitted: { subject: PROSE, detail: PROSE },
  },
  ChallengeAcknowledged: moved('The challenged agency acknowledged the challenge.'),
  ChallengeResponded: moved('The challenged agency responded.', { response: PROSE }),
  ChallengeResponseAccepted: moved('The response was accepted.'),
  ChallengeResponseRejected: moved('The response was not accepted; a further response is awaited.', { reason: PROSE }),
  ChallengeEscalated: {
    version: 1,
    description: 'The challenge was escalated up the ladder.',
    properties: { challengeId: id, status, level, fromLevel: { type: ['string', 'null'], enum: [...ESCALATION_LEVELS, null] } },
    omitted: { reason: PROSE },
  },
  ChallengeResolved: moved('The challenge was resolved.', { outcome: PROSE }),
  ChallengeWithdrawn: moved('The challenge was withdrawn.', { reason: PROSE }),
  ChallengeClosed: moved('The challenge was closed.'),
  ChallengeLinkedToAction: {
    version: 1,
    description: 'The challenge was linked to an action-plan row.',
    properties: { challengeId: id, actionId: id },
    omitted: {},
  },
};

/** The status each event moves the challenge to (as the challenge's evolve does). */
const MOVED_TO: { readonly [T in Moves | 'ChallengeEscalated']: ChallengeStatus } = {
  ChallengeAcknowledged: 'acknowledged',
  ChallengeResponded: 'responded',
  ChallengeResponseAccepted: 'response-accepted',
  ChallengeResponseRejected: 'response-rejected',
  ChallengeEscalated: 'escalated',
  ChallengeResolved: 'resolved',
  ChallengeWithdrawn: 'withdrawn',
  ChallengeClosed: 'closed',
};

/** The contract of one domain event; `raisedByAgencyId` comes from the event's actor. */
export function challengeContractOf(event: ChallengeEvent, actorAgencyId: string | null = null): ChallengeContract {
  switch (event.type) {
    case 'ChallengeRaised': {
      const { challengeId, partnershipId, toAgencyId, responseDueDate } = event.data;
      return {
        type: event.type,
        version: 1,
        data: { challengeId, partnershipId, toAgencyId, raisedByAgencyId: actorAgencyId, responseDueDate, status: 'raised' },
      };
    }
    case 'ChallengeAcknowledged':
    case 'ChallengeResponded':
    case 'ChallengeResponseAccepted':
    case 'ChallengeResponseRejected':
    case 'ChallengeResolved':
    case 'ChallengeWithdrawn':
    case 'ChallengeClosed':
      return { type: event.type, version: 1, data: { challengeId: event.data.challengeId, status: MOVED_TO[event.type] } };
    case 'ChallengeEscalated': {
      const { challengeId, level: to, fromLevel } = event.data;
      return { type: event.type, version: 1, data: { challengeId, status: MOVED_TO[event.type], level: to, fromLevel } };
    }
    case 'ChallengeLinkedToAction': {
      const { challengeId, actionId } = event.data;
      return { type: event.type, version: 1, data: { challengeId, actionId } };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/**
 * The challenge context's contract mapper for the relay: stored event (any stored schema version)
 * → upcast → contract. Throws UnknownChallengeEventSchema for a type or version it does not know.
 */
export const challengeContracts = {
  context: 'challenge',
  definitions: CHALLENGE_CONTRACTS,
  map: (stored: ChallengeContractSource): ChallengeContract =>
    challengeContractOf(upcastChallengeEvent(stored), stored.metadata.actor.agencyId ?? null),
} as const;
