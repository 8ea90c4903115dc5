import type { ChallengeDocument } from './challenge.document';
import { filterChallenges } from './challenge-filters';
import { challengeView } from './challenge.queries';

function challenge(id: string, raisedAt: string, overrides: Partial<ChallengeDocument> = {}): ChallengeDocument {
  return {
    id,
    partnershipId: 'p',
    toAgencyId: 'health',
    raisedBy: { userId: 'chair', role: 'board-member', agencyId: null },
    subject: 'Attendance',
    detail: 'Below the standard.',
    responseDueDate: '2025-04-07',
    status: 'raised',
    escalationLevel: null,
    escalations: [],
    responses: [],
    rejections: [],
    outcome: null,
    withdrawnReason: null,
    linkedActionIds: [],
    raisedAt,
    acknowledgedAt: null,
    respondedAt: null,
    resolvedAt: null,
    withdrawnAt: null,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

const docs = [
  challenge('b', '2025-03-10T09:00:00.000Z'),
  challenge('a', '2025-03-10T09:00:00.000Z', { status: 'escalated', escalationLevel: 'lead-partner', toAgencyId: 'police' }),
  challenge('c', '2025-03-20T09:00:00.000Z', { status: 'responded', respondedAt: '2025-03-21T09:00:00.000Z' }),
];

describe('filterChallenges (the in-memory twin of the challenge log query)', () => {
  const april = new Date('2025-04-20T09:00:00Z');

  it('lists newest raised first, then by id, as views derived at now', () => {
    expect(filterChallenges(docs, {}, april).map((view) => view.id)).toEqual(['c', 'a', 'b']);
    expect(filterChallenges(docs, {}, april)[2]).toEqual(challengeView(docs[0]!, april));
  });

  it('filters by status (one or several), agency, escalation and overdue at now', () => {
    expect(filterChallenges(docs, { status: 'raised' }, april).map((view) => view.id)).toEqual(['b']);
    expect(filterChallenges(docs, { status: ['raised', 'responded'] }, april).map((view) => view.id)).toEqual(['c', 'b']);
    expect(filterChallenges(docs, { toAgencyId: 'police' }, april).map((view) => view.id)).toEqual(['a']);
    expect(filterChallenges(docs, { escalated: false }, april).map((view) => view.id)).toEqual(['c', 'b']);
    expect(filterChallenges(docs, { overdue: true }, april).map((view) => view.id)).toEqual(['a', 'b']);
    expect(filterChallenges(docs, { overdue: true }, new Date('2025-04-01T09:00:00Z'))).toEqual([]);
  });
});
