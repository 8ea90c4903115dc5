import { addDays, daysBetween, formatDay, formatInstant, londonDate, quarterOf } from './london-dates';
import { englandBankHolidays, englandWorkingDays, workingCalendar } from './working-days';

describe('dates in England', () => {
  it('takes the calendar date in London time: GMT in winter, BST in summer', () => {
    expect(londonDate('2026-03-01T23:30:00Z')).toBe('2026-03-01');
    expect(londonDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
  });

  it("words a date as '2 Mar 2026'", () => {
    expect(formatDay('2026-03-02')).toBe('2 Mar 2026');
    expect(formatDay('2025-09-30')).toBe('30 Sep 2025');
    expect(formatInstant('2026-06-30T23:30:00Z')).toBe('1 Jul 2026');
  });

  it('counts calendar days and quarters', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-10-01')).toBe('2026-Q4');
  });
});

describe("England's bank holidays (date-holidays, GB-ENG)", () => {
  it('lists the 2026 bank holidays, with the Boxing Day substitute', () => {
    expect(englandBankHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
    expect(englandWorkingDays.isWorkingDay('2026-12-28')).toBe(false);
  });

  it('knows the one-off holidays: the Queen’s funeral and the coronation', () => {
    expect(englandWorkingDays.isWorkingDay('2022-09-19')).toBe(false);
    expect(englandWorkingDays.isWorkingDay('2023-05-08')).toBe(false);
    expect(englandWorkingDays.isWorkingDay('2023-05-09')).toBe(true);
  });
});

describe('working days', () => {
  it('skips weekends: Friday 6 Mar 2026 + 1 working day is Monday 9 Mar', () => {
    expect(englandWorkingDays.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });

  it('skips Easter: 15 working days from Thursday 2 Apr 2026 is Monday 27 Apr', () => {
    expect(englandWorkingDays.addWorkingDays('2026-04-02', 15)).toBe('2026-04-27');
    expect(englandWorkingDays.workingDaysBetween('2026-04-02', '2026-04-27')).toBe(15);
  });

  it('without holidays the same 15 working days end on Thursday 23 Apr', () => {
    expect(workingCalendar(() => []).addWorkingDays('2026-04-02', 15)).toBe('2026-04-23');
  });

  it('skips a substitute day: Thursday 24 Dec 2026 + 1 is Tuesday 29 Dec', () => {
    expect(englandWorkingDays.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('skips the early May bank holiday: Friday 2 May 2025 + 1 is Tuesday 6 May', () => {
    expect(englandWorkingDays.addWorkingDays('2025-05-02', 1)).toBe('2025-05-06');
  });

  it('starts a clock notified on a Saturday from the Monday: Sat 7 Mar 2026 + 15 is Fri 27 Mar', () => {
    expect(englandWorkingDays.addWorkingDays('2026-03-07', 15)).toBe('2026-03-27');
  });

  it('counts none between a day and itself, and negatively backwards', () => {
    expect(englandWorkingDays.workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(englandWorkingDays.workingDaysBetween('2026-03-13', '2026-03-09')).toBe(-4);
    expect(englandWorkingDays.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0);
  });
});
