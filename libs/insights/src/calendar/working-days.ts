import Holidays from 'date-holidays';
import { addDays, dayOfWeek } from './london-dates';

/** Working days: Monday to Friday, less bank holidays. Dates are `YYYY-MM-DD`. */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The date `days` working days after `date` (day 0 is `date` itself, working or not). */
  addWorkingDays(date: string, days: number): string;
  /** Working days in (from, to]: 0 when equal, negative when `to` is earlier. */
  workingDaysBetween(from: string, to: string): number;
}

/** A calendar over any list of holidays by year (so tests can give their own). */
export function workingCalendar(holidaysIn: (year: number) => readonly string[]): WorkingCalendar {
  const years = new Map<number, ReadonlySet<string>>();
  const holidays = (year: number): ReadonlySet<string> => {
    let set = years.get(year);
    if (!set) years.set(year, (set = new Set(holidaysIn(year))));
    return set;
  };
  const isWorkingDay = (date: string): boolean => {
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6 && !holidays(Number(date.slice(0, 4))).has(date);
  };
  return {
    isWorkingDay,
    addWorkingDays(date, days) {
      let current = date;
      for (let left = days; left > 0;) {
        current = addDays(current, 1);
        if (isWorkingDay(current)) left--;
      }
      return current;
    },
    workingDaysBetween(from, to) {
      if (to < from) return -this.workingDaysBetween(to, from);
      let count = 0;
      for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) if (isWorkingDay(current)) count++;
      return count;
    },
  };
}

let england: Holidays | undefined;

/**
 * England's bank holidays in a year (including substitute days and one-off holidays such as the
 * 2023 coronation), from the maintained `date-holidays` package (country GB, region ENG).
 */
export function englandBankHolidays(year: number): string[] {
  england ??= new Holidays('GB', 'ENG');
  return england
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
    .map((holiday) => holiday.date.slice(0, 10));
}

/** Working days in England. */
export const englandWorkingDays: WorkingCalendar = workingCalendar(englandBankHolidays);
