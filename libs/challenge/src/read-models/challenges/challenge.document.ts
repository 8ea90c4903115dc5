import type { ChallengeStatus, EscalationLevel } from '../../domain/challenge-values';

export interface DatedText {
  readonly occurredAt: string;
}

/** One row of rm_challenges: the challenge-log entry as the API shows it. Instants are ISO strings. */
export interface ChallengeDocument {
  readonly id: string;
  readonly partnershipId: string;
  readonly toAgencyId: string;
  /** metadata.actor of ChallengeRaised; agencyId null when the raiser's token named none. */
  readonly raisedBy: { readonly userId: string; readonly role: string; readonly agencyId: string | null };
  readonly subject: string;
  readonly detail: string;
  /** `YYYY-MM-DD`. */
  readonly responseDueDate: string;
  readonly status: ChallengeStatus;
  /** Highest level reached; null if never escalated. */
  readonly escalationLevel: EscalationLevel | null;
  readonly escalations: readonly (DatedText & { readonly level: EscalationLevel; readonly reason: string })[];
  readonly responses: readonly (DatedText & { readonly response: string })[];
  readonly rejections: readonly (DatedText & { readonly reason: string })[];
  readonly outcome: string | null;
  readonly withdrawnReason: string | null;
  readonly linkedActionIds: readonly string[];
  /** Business times. `respondedAt` is the first response (what timeliness is judged by). */
  readonly raisedAt: string;
  readonly acknowledgedAt: string | null;
  readonly respondedAt: string | null;
  readonly resolvedAt: string | null;
  readonly withdrawnAt: string | null;
  readonly closedAt: string | null;
  readonly version: number;
}
