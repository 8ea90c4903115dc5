import type { ChallengeDocument } from './challenge.document';
import { challengeView } from './challenge.queries';
import { daysBetween, londonDateOf } from './london-calendar';

const open: ChallengeDocument = {
  id: '9a7b6c5d-4e3f-4a1b-8c2d-3e4f5a6b7c01',
  partnershipId: '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01',
  toAgencyId: '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e02',
  raisedBy: { userId: 'user-chair-1', role: 'board-member', agencyId: null },
  subject: 'Attendance at strategy discussions',
  detail: 'Below the agreed standard.',
  responseDueDate: '2025-04-07',
  status: 'acknowledged',
  escalationLevel: null,
  escalations: [],
  responses: [],
  rejections: [],
  outcome: null,
  withdrawnReason: null,
  linkedActionIds: [],
  raisedAt: '2025-03-10T09:00:00.000Z',
  acknowledgedAt: '2025-03-11T09:00:00.000Z',
  respondedAt: null,
  resolvedAt: null,
  withdrawnAt: null,
  closedAt: null,
  version: 2,
};

describe('challengeView', () => {
  it('is not overdue on the due date itself', () => {
    expect(challengeView(open, new Date('2025-04-07T22:30:00Z')).responseOverdue).toBe(false);
  });

  it('is overdue the day after the due date, in UK time', () => {
    // 23:30 UTC on 7 April is 00:30 on 8 April in London (BST).
    expect(challengeView(open, new Date('2025-04-07T23:30:00Z')).responseOverdue).toBe(true);
  });

  it('is not overdue once the agency has responded, even after a rejection', () => {
    const answered = { ...open, status: 'response-rejected' as const, respondedAt: '2025-04-01T09:00:00.000Z' };
    expect(challengeView(answered, new Date('2025-05-01T09:00:00Z')).responseOverdue).toBe(false);
  });

  it.each(['withdrawn', 'closed'] as const)('is not overdue once %s', (status) => {
    expect(challengeView({ ...open, status }, new Date('2025-05-01T09:00:00Z')).responseOverdue).toBe(false);
  });

  it('ages an open challenge to today', () => {
    expect(challengeView(open, new Date('2025-04-09T08:00:00Z')).ageDays).toBe(30);
  });

  it('ages a closed challenge to the day it closed', () => {
    const closed = { ...open, status: 'closed' as const, closedAt: '2025-03-20T16:00:00.000Z' };
    expect(challengeView(closed, new Date('2025-06-01T09:00:00Z')).ageDays).toBe(10);
  });
});

describe('London calendar', () => {
  it('gives the date in England, across the clock change', () => {
    expect(londonDateOf(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15');
    expect(londonDateOf(new Date('2025-07-15T23:30:00Z'))).toBe('2025-07-16');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-03-31', '2025-03-29')).toBe(-2);
  });
});
