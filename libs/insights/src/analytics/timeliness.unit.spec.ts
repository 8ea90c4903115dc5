import { englandWorkingDays, workingCalendar } from '../calendar/working-days';
import { foldLedger } from '../ledger/fold-ledger';
import { analyticsScenario, AT } from '../testing/analytics-scenario.fixtures';
import { statutoryTimeliness } from './timeliness';

describe('statutory timeliness on 1 May 2026', () => {
  const { rapidReviews, challengeResponses } = statutoryTimeliness(foldLedger(analyticsScenario().events), AT, englandWorkingDays);
  const review = (id: string) => rapidReviews.items.find((r) => r.sourceId === id);

  it('a review notified Mon 5 Jan and submitted Fri 23 Jan took 14 working days: on time (due 26 Jan)', () => {
    expect(review('s1')).toMatchObject({
      clockStartsOn: '2026-01-05',
      clockStartsFrom: 'notified',
      dueOn: '2026-01-26',
      submittedOn: '2026-01-23',
      workingDaysTaken: 14,
      workingDaysLate: 0,
      status: 'on-time',
    });
  });

  it('over Easter, notified Fri 20 Mar is due Tue 14 Apr; submitted Thu 16 Apr is 2 working days late', () => {
    expect(review('s2')).toMatchObject({
      dueOn: '2026-04-14',
      submittedOn: '2026-04-16',
      workingDaysTaken: 17,
      workingDaysLate: 2,
      status: 'late',
    });
  });

  it('without a notified milestone the clock starts when the source was recorded (and says so); unsubmitted past due is overdue', () => {
    expect(review('s3')).toMatchObject({
      clockStartsOn: '2026-04-01',
      clockStartsFrom: 'recorded',
      dueOn: '2026-04-24',
      submittedOn: null,
      workingDaysTaken: null,
      workingDaysLate: 5,
      status: 'overdue',
    });
  });

  it('summarises rapid reviews, averaging lateness over the late ones', () => {
    expect(rapidReviews.workingDayLimit).toBe(15);
    expect(rapidReviews.summary).toEqual({ total: 3, onTime: 1, late: 1, overdue: 1, pending: 0, shareOnTime: 0.5, averageLate: 2 });
  });

  it('bank holidays matter: with none, the Easter review would have been due Fri 10 Apr', () => {
    const plain = statutoryTimeliness(
      foldLedger(analyticsScenario().events),
      AT,
      workingCalendar(() => []),
    );
    expect(plain.rapidReviews.items.find((r) => r.sourceId === 's2')?.dueOn).toBe('2026-04-10');
  });

  it('judges challenge responses by their due dates', () => {
    expect(challengeResponses.items.map((c) => [c.challengeId, c.status, c.daysLate])).toEqual([
      ['c3', 'on-time', 0],
      ['c5', 'not-required', 0],
      ['c1', 'late', 4],
      ['c2', 'overdue', 16],
      ['c4', 'pending', 0],
    ]);
    expect(challengeResponses.summary).toEqual({ total: 5, onTime: 1, late: 1, overdue: 1, pending: 1, shareOnTime: 0.5, averageLate: 4 });
  });

  it('a review not yet due is pending', () => {
    const early = statutoryTimeliness(foldLedger(analyticsScenario().events), new Date('2026-04-10T12:00:00Z'), englandWorkingDays);
    expect(early.rapidReviews.items.find((r) => r.sourceId === 's3')?.status).toBe('pending');
  });
});
