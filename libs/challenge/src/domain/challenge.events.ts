import type { DomainEvent } from '@ledger/event-sourcing';
import type { EscalationLevel } from './challenge-values';

/** A formal challenge to a partner agency. Who raised it (user, role, agency) is metadata.actor. */
export type ChallengeRaised = DomainEvent<
  'ChallengeRaised',
  {
    readonly challengeId: string;
    readonly partnershipId: string;
    readonly toAgencyId: string;
    readonly subject: string;
    readonly detail: string;
    /** `YYYY-MM-DD`. */
    readonly responseDueDate: string;
  }
>;

export type ChallengeAcknowledged = DomainEvent<'ChallengeAcknowledged', { readonly challengeId: string }>;

export type ChallengeResponded = DomainEvent<'ChallengeResponded', { readonly challengeId: string; readonly response: string }>;

export type ChallengeResponseAccepted = DomainEvent<'ChallengeResponseAccepted', { readonly challengeId: string }>;

/** The response was not accepted; the challenge awaits a further response (or escalation). */
export type ChallengeResponseRejected = DomainEvent<'ChallengeResponseRejected', { readonly challengeId: string; readonly reason: string }>;

export type ChallengeEscalated = DomainEvent<
  'ChallengeEscalated',
  {
    readonly challengeId: string;
    readonly level: EscalationLevel;
    /** The level before this escalation; null the first time. */
    readonly fromLevel: EscalationLevel | null;
    readonly reason: string;
  }
>;

export type ChallengeResolved = DomainEvent<'ChallengeResolved', { readonly challengeId: string; readonly outcome: string }>;

export type ChallengeWithdrawn = DomainEvent<'ChallengeWithdrawn', { readonly challengeId: string; readonly reason: string }>;

export type ChallengeClosed = DomainEvent<'ChallengeClosed', { readonly challengeId: string }>;

export type ChallengeLinkedToAction = DomainEvent<'ChallengeLinkedToAction', { readonly challengeId: string; readonly actionId: string }>;

export type ChallengeEvent =
  | ChallengeRaised
  | ChallengeAcknowledged
  | ChallengeResponded
  | ChallengeResponseAccepted
  | ChallengeResponseRejected
  | ChallengeEscalated
  | ChallengeResolved
  | ChallengeWithdrawn
  | ChallengeClosed
  | ChallengeLinkedToAction;

export type ChallengeEventType = ChallengeEvent['type'];

export const CHALLENGE_EVENT_TYPES: readonly ChallengeEventType[] = [
  'ChallengeRaised',
  'ChallengeAcknowledged',
  'ChallengeResponded',
  'ChallengeResponseAccepted',
  'ChallengeResponseRejected',
  'ChallengeEscalated',
  'ChallengeResolved',
  'ChallengeWithdrawn',
  'ChallengeClosed',
  'ChallengeLinkedToAction',
];
