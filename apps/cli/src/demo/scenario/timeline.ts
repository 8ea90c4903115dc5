/**
 * Scenario time is written as day numbers on a timeline that ends at `now`: day 0 is about
 * eighteen months ago, day TODAY is the loader's `now`. `m(month, day)` reads like a calendar
 * ("month 7 of the history, day 12"); the loader turns days into real instants and dates.
 */
export type Day = number;

/** The day number of `now`: 18 thirty-day months plus a few days. */
export const TODAY: Day = 545;
const DAY_MS = 86_400_000;

/** Day `dayOfMonth` (1–30) of month `month` (0 = the first month of the history). */
export function m(month: number, dayOfMonth = 1): Day {
  return month * 30 + dayOfMonth - 1;
}

export interface Timeline {
  /** ISO instant (with Z) of the `seq`-th event of an item on `day`: 09:00 UTC plus ten minutes a step. */
  instant(day: Day, seq: number): string;
  /** Calendar date `YYYY-MM-DD` of `day`. */
  date(day: Day): string;
  year(day: Day): number;
}

export function timeline(now: Date): Timeline {
  const todayMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const midnightOf = (day: Day) => todayMidnight - (TODAY - day) * DAY_MS;
  return {
    instant: (day, seq) => new Date(midnightOf(day) + 9 * 3_600_000 + seq * 600_000).toISOString(),
    date: (day) => new Date(midnightOf(day)).toISOString().slice(0, 10),
    year: (day) => new Date(midnightOf(day)).getUTCFullYear(),
  };
}
