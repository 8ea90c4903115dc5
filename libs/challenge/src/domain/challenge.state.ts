import type { ChallengeStatus, EscalationLevel } from './challenge-values';

/** No ChallengeRaised yet. */
export interface NoChallenge {
  readonly status: 'none';
}

interface ChallengeFacts {
  readonly challengeId: string;
  readonly partnershipId: string;
  readonly toAgencyId: string;
  readonly responseDueDate: string;
  /** Highest level reached so far; stays after the challenge is answered. */
  readonly escalationLevel: EscalationLevel | null;
  readonly linkedActionIds: readonly string[];
}

export interface ChallengeInStatus<S extends ChallengeStatus> extends ChallengeFacts {
  readonly status: S;
}

/** While escalated the challenge always has a level. */
export interface EscalatedChallenge extends ChallengeInStatus<'escalated'> {
  readonly escalationLevel: EscalationLevel;
}

export type ExistingChallenge = ChallengeInStatus<Exclude<ChallengeStatus, 'escalated'>> | EscalatedChallenge;

export type ChallengeState = NoChallenge | ExistingChallenge;
