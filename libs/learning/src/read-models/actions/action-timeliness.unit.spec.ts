import { deriveTimeliness, STALE_AFTER_DAYS, todayInEngland, type TimelinessFacts } from './action-timeliness';

const revision = {
  from: '2025-06-30',
  to: '2025-09-30',
  reason: 'Trainer availability',
  occurredAt: '2025-04-01T09:00:00.000Z',
  recordedAt: '2025-04-01T09:01:00.000Z',
};

function facts(overrides: Partial<TimelinessFacts> = {}): TimelinessFacts {
  return {
    status: 'in-progress',
    targetDate: { original: '2025-06-30', current: '2025-06-30', revisions: [] },
    lastProgressAt: '2025-06-01T09:00:00.000Z',
    agreedAt: '2025-03-05T09:00:00.000Z',
    reopenedAt: null,
    createdAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);

describe('deriveTimeliness', () => {
  it('is on track before the target date with recent updates', () => {
    expect(deriveTimeliness(facts(), at('2025-06-15T12:00:00Z'))).toEqual({
      overdue: false,
      slipped: false,
      stale: false,
      timeliness: 'on-track',
    });
  });

  it('is not overdue on the target date itself', () => {
    expect(deriveTimeliness(facts(), at('2025-06-30T22:59:00Z')).overdue).toBe(false);
  });

  it('is overdue from the next day in England (BST: 23:30 UTC on the 30th is already 1 July)', () => {
    expect(todayInEngland(at('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(deriveTimeliness(facts(), at('2025-06-30T23:30:00Z'))).toMatchObject({ overdue: true, timeliness: 'overdue' });
  });

  it.each(['proposed', 'agreed', 'paused', 'completion-claimed'] as const)('can be overdue while %s', (status) => {
    expect(deriveTimeliness(facts({ status }), at('2025-07-02T12:00:00Z')).overdue).toBe(true);
  });

  it.each(['completion-verified', 'impact-assured', 'closed', 'cancelled', 'superseded'] as const)('is never overdue once %s', (status) => {
    expect(deriveTimeliness(facts({ status }), at('2026-01-01T12:00:00Z')).overdue).toBe(false);
  });

  it('is slipped after any revision, even when closed', () => {
    const revised = { original: '2025-06-30', current: '2025-09-30', revisions: [revision] };
    expect(deriveTimeliness(facts({ targetDate: revised }), at('2025-07-02T12:00:00Z'))).toMatchObject({
      slipped: true,
      timeliness: 'slipped',
    });
    expect(deriveTimeliness(facts({ targetDate: revised, status: 'closed' }), at('2025-07-02T12:00:00Z')).timeliness).toBe('slipped');
  });

  it(`is stale ${STALE_AFTER_DAYS} days after the last update, not a day before`, () => {
    const doc = facts({ targetDate: { original: '2026-06-30', current: '2026-06-30', revisions: [] } });
    expect(deriveTimeliness(doc, at('2025-07-31T08:59:59Z')).stale).toBe(false);
    expect(deriveTimeliness(doc, at('2025-07-31T09:00:00Z'))).toMatchObject({ stale: true, timeliness: 'stale' });
  });

  it('counts from agreement when there has been no update, and from reopening after one', () => {
    const far = { original: '2026-06-30', current: '2026-06-30', revisions: [] };
    expect(deriveTimeliness(facts({ targetDate: far, lastProgressAt: null }), at('2025-05-05T09:00:00Z')).stale).toBe(true);
    expect(deriveTimeliness(facts({ targetDate: far, reopenedAt: '2025-07-20T09:00:00.000Z' }), at('2025-08-15T09:00:00Z')).stale).toBe(
      false,
    );
  });

  it.each(['proposed', 'closed', 'cancelled', 'superseded'] as const)('is never stale while %s', (status) => {
    expect(deriveTimeliness(facts({ status, lastProgressAt: null }), at('2027-01-01T00:00:00Z')).stale).toBe(false);
  });

  it('can be stale while awaiting impact evidence after verification', () => {
    expect(deriveTimeliness(facts({ status: 'completion-verified' }), at('2025-09-01T00:00:00Z')).stale).toBe(true);
  });

  it('ranks overdue over slipped over stale', () => {
    const revised = { original: '2025-03-31', current: '2025-06-30', revisions: [{ ...revision, from: '2025-03-31', to: '2025-06-30' }] };
    const all = deriveTimeliness(facts({ targetDate: revised }), at('2025-09-01T00:00:00Z'));
    expect(all).toEqual({ overdue: true, slipped: true, stale: true, timeliness: 'overdue' });
    const slippedAndStale = deriveTimeliness(facts({ targetDate: { ...revised, current: '2026-01-31' } }), at('2025-09-01T00:00:00Z'));
    expect(slippedAndStale).toEqual({ overdue: false, slipped: true, stale: true, timeliness: 'slipped' });
  });
});
