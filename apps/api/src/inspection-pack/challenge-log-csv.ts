import { stringify } from 'csv-stringify/sync';
import type { ChallengeView } from '@ledger/challenge';
import { guardFormula } from '../exports/action-plan-columns';

interface ChallengeLogColumn {
  readonly header: string;
  readonly value: (challenge: ChallengeView, agencies: ReadonlyMap<string, { readonly name: string }>) => string | number | boolean | null;
}

/**
 * The challenge log's columns. No personal data: no raiser, no free-text detail, response or
 * reasons, only what was challenged, of whom, and when it moved.
 */
export const CHALLENGE_LOG_COLUMNS: readonly ChallengeLogColumn[] = [
  { header: 'Challenge ID', value: (c) => c.id },
  { header: 'Subject', value: (c) => c.subject },
  { header: 'To agency ID', value: (c) => c.toAgencyId },
  { header: 'To agency', value: (c, agencies) => agencies.get(c.toAgencyId)?.name ?? null },
  { header: 'Raised at', value: (c) => c.raisedAt },
  { header: 'Response due', value: (c) => c.responseDueDate },
  { header: 'Status', value: (c) => c.status },
  { header: 'Escalation level', value: (c) => c.escalationLevel },
  { header: 'Escalations', value: (c) => c.escalations.length },
  { header: 'Acknowledged at', value: (c) => c.acknowledgedAt },
  { header: 'First response at', value: (c) => c.respondedAt },
  { header: 'Response overdue', value: (c) => c.responseOverdue },
  { header: 'Resolved at', value: (c) => c.resolvedAt },
  { header: 'Withdrawn at', value: (c) => c.withdrawnAt },
  { header: 'Closed at', value: (c) => c.closedAt },
  { header: 'Linked action IDs', value: (c) => [...c.linkedActionIds].sort().join(' ') },
];

/** Every challenge as RFC 4180 CSV, header first, CRLF line ends, formula-guarded text, in the list's order. */
export function challengeLogCsv(challenges: readonly ChallengeView[], agencies: ReadonlyMap<string, { readonly name: string }>): string {
  const cells = challenges.map((challenge) =>
    CHALLENGE_LOG_COLUMNS.map((column) => {
      const value = column.value(challenge, agencies);
      return value === null ? '' : typeof value === 'string' ? guardFormula(value) : String(value);
    }),
  );
  return stringify([CHALLENGE_LOG_COLUMNS.map((column) => column.header), ...cells], { record_delimiter: 'windows', bom: false });
}
