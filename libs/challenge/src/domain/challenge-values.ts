/** Escalation levels in rising order (DESIGN §5), as a readonly list for DTO validation. */
export const ESCALATION_LEVELS = ['delegated-partner', 'lead-partner', 'independent-scrutineer', 'external'] as const;

export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export function isEscalationLevel(value: string): value is EscalationLevel {
  return (ESCALATION_LEVELS as readonly string[]).includes(value);
}

/** Position of a level in the ladder; -1 for "not escalated". */
export function escalationRank(level: EscalationLevel | null): number {
  return level === null ? -1 : ESCALATION_LEVELS.indexOf(level);
}

/** Every status a challenge can be in, kebab-case as the API shows them. */
export const CHALLENGE_STATUSES = [
  'raised',
  'acknowledged',
  'responded',
  'response-accepted',
  'response-rejected',
  'escalated',
  'resolved',
  'withdrawn',
  'closed',
] as const;

export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** Statuses in which the challenge is still being worked (it can be withdrawn). */
export const OPEN_CHALLENGE_STATUSES: readonly ChallengeStatus[] = [
  'raised',
  'acknowledged',
  'responded',
  'response-accepted',
  'response-rejected',
  'escalated',
];
