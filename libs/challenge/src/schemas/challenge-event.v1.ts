/**
 * Stored JSON of the challenge's events, version 1, frozen: these types describe rows already in
 * the store and never change. A new shape gets a new version and an upcaster.
 */
export type EscalationLevelV1 = 'delegated-partner' | 'lead-partner' | 'independent-scrutineer' | 'external';

export interface ChallengeRaisedV1 {
  readonly challengeId: string;
  readonly partnershipId: string;
  readonly toAgencyId: string;
  readonly subject: string;
  readonly detail: string;
  readonly responseDueDate: string;
}

export interface ChallengeIdOnlyV1 {
  readonly challengeId: string;
}

export interface ChallengeRespondedV1 {
  readonly challengeId: string;
  readonly response: string;
}

export interface ChallengeReasonV1 {
  readonly challengeId: string;
  readonly reason: string;
}

export interface ChallengeEscalatedV1 {
  readonly challengeId: string;
  readonly level: EscalationLevelV1;
  readonly fromLevel: EscalationLevelV1 | null;
  readonly reason: string;
}

export interface ChallengeResolvedV1 {
  readonly challengeId: string;
  readonly outcome: string;
}

export interface ChallengeLinkedToActionV1 {
  readonly challengeId: string;
  readonly actionId: string;
}
