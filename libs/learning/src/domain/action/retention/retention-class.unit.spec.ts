import { disposalDueOn, retentionExpired, RETENTION_CLASSES, RETENTION_YEARS } from './retention-class';

describe('retention classes', () => {
  it('are working papers (2 years), standard (6), review records (30) and permanent', () => {
    expect(RETENTION_CLASSES.map((c) => [c, RETENTION_YEARS[c]])).toEqual([
      ['working-papers', 2],
      ['standard', 6],
      ['review-record', 30],
      ['permanent', null],
    ]);
  });

  it('fall due on the anniversary of the retention start', () => {
    expect(disposalDueOn('standard', '2025-06-30')).toBe('2031-06-30');
    expect(disposalDueOn('working-papers', '2025-12-31')).toBe('2027-12-31');
    expect(disposalDueOn('review-record', '2025-01-01')).toBe('2055-01-01');
  });

  it('roll 29 February to 1 March in a common year (never early)', () => {
    expect(disposalDueOn('standard', '2024-02-29')).toBe('2030-03-01');
    expect(disposalDueOn('working-papers', '2024-02-29')).toBe('2026-03-01');
  });

  it('have no due day when permanent or when the start is unknown or not a date', () => {
    expect(disposalDueOn('permanent', '2000-01-01')).toBeNull();
    expect(disposalDueOn('standard', null)).toBeNull();
    expect(disposalDueOn('standard', '2025-02-30')).toBeNull();
  });

  it('expire on the UTC day the item falls due', () => {
    expect(retentionExpired('standard', '2025-06-30', new Date('2031-06-29T23:59:59.999Z'))).toBe(false);
    expect(retentionExpired('standard', '2025-06-30', new Date('2031-06-30T00:00:00.000Z'))).toBe(true);
    expect(retentionExpired('permanent', '1900-01-01', new Date('2999-01-01T00:00:00.000Z'))).toBe(false);
  });
});
