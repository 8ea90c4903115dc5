/** Calendar arithmetic on `YYYY-MM-DD` dates in England (Europe/London), and the ledger's date wording. */

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAY_MS = 86_400_000;

/** The calendar date in England at an instant. */
export function londonDate(instant: Date | string): string {
  return LONDON.format(typeof instant === 'string' ? new Date(instant) : instant);
}

const utc = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(utc(date)).getUTCDay();
}

/** `2026-03-02` → `2 Mar 2026`. */
export function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** An instant as its date in England, worded `2 Mar 2026`. */
export function formatInstant(instant: string): string {
  return formatDay(londonDate(instant));
}

/** Calendar quarter of a date: `2026-Q1` (January to March). */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
