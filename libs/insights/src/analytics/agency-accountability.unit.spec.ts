import { sliceEvents } from '../insight-event';
import { foldLedger } from '../ledger/fold-ledger';
import { analyticsScenario, AT, HEALTH, LA, POLICE } from '../testing/analytics-scenario.fixtures';
import { agencyAccountability } from './agency-accountability';

describe('agency accountability on 1 May 2026', () => {
  const rows = agencyAccountability(foldLedger(analyticsScenario().events), AT);
  const row = (agencyId: string) => rows.find((r) => r.agencyId === agencyId);

  it('lists every agency by name', () => {
    expect(rows.map((r) => r.agencyName)).toEqual(['Northshire Constabulary', 'Northshire County Council', 'Northshire ICB']);
  });

  it('police: one open action, completed 10 days late; a cancelled one not counted late', () => {
    expect(row(POLICE)?.actions).toEqual({ led: 2, open: 1, overdue: 0, slipped: 0, late: 1, averageDaysLate: 10 });
  });

  it('health: one action 31 days overdue (31 Mar → 1 May), one not yet due', () => {
    expect(row(HEALTH)?.actions).toEqual({ led: 2, open: 2, overdue: 1, slipped: 0, late: 1, averageDaysLate: 31 });
  });

  it('local authority: slipped once, then completed within the revised date', () => {
    expect(row(LA)?.actions).toEqual({ led: 1, open: 1, overdue: 0, slipped: 1, late: 0, averageDaysLate: null });
  });

  it('challenges received: police has two open, aged 60 and 30 days, one response overdue', () => {
    expect(row(POLICE)?.challenges).toEqual({ received: 2, open: 2, responseOverdue: 1, averageOpenAgeDays: 45, oldestOpenAgeDays: 60 });
    expect(row(HEALTH)?.challenges).toEqual({
      received: 2,
      open: 0,
      responseOverdue: 0,
      averageOpenAgeDays: null,
      oldestOpenAgeDays: null,
    });
    expect(row(LA)?.challenges).toEqual({ received: 1, open: 1, responseOverdue: 0, averageOpenAgeDays: 11, oldestOpenAgeDays: 11 });
  });

  it('as valid on 1 Mar 2026: police 1 day overdue, nothing of health overdue yet', () => {
    const validAt = new Date('2026-03-01T12:00:00Z');
    const earlier = agencyAccountability(foldLedger(sliceEvents(analyticsScenario().events, { validAt })), validAt);
    expect(earlier.find((r) => r.agencyId === HEALTH)?.actions.overdue).toBe(0);
    expect(earlier.find((r) => r.agencyId === POLICE)?.actions).toMatchObject({ overdue: 1, late: 1, averageDaysLate: 1 });
  });
});
