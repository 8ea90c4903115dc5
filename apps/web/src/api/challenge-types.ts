/** The challenge log as the API answers it (DESIGN §5); only the fields the screens show. */

export interface ChallengeEscalation {
  readonly occurredAt: string;
  readonly level: string;
  readonly reason: string;
}

export interface Challenge {
  readonly id: string;
  readonly toAgencyId: string;
  readonly subject: string;
  readonly detail: string;
  /** `YYYY-MM-DD`. */
  readonly responseDueDate: string;
  readonly status: string;
  /** Highest level reached; null if never escalated. */
  readonly escalationLevel: string | null;
  readonly escalations: readonly ChallengeEscalation[];
  readonly responses: readonly { readonly occurredAt: string; readonly response: string }[];
  readonly outcome: string | null;
  readonly raisedAt: string;
  /** Derived at the instant read: awaiting a first response after its due date. */
  readonly responseOverdue?: boolean;
  readonly ageDays?: number;
}

export interface ChallengeLog {
  readonly asOf?: string | null;
  readonly validAt?: string | null;
  readonly items: readonly Challenge[];
}

export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
}
