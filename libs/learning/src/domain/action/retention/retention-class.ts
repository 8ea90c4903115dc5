import { isCalendarDate } from '../calendar-date';

/*
 * Retention classes of evidence (docs/security.md §Data protection and retention). There is no
 * statutory retention period for partnership audit records: each class is a local policy choice,
 * justified in the docs from published local-authority schedules and the Limitation Act 1980.
 * - `working-papers` (2 years): drafts, raw survey data, routine notes behind a piece of evidence;
 * - `standard` (6 years, the default): policies, training registers, minutes, audit results;
 * - `review-record` (30 years): evidence that forms part of a practice review, multi-agency audit
 *   or inspection response, kept as long as partnerships keep their safeguarding records;
 * - `permanent`: published reports and anything the partnership archives; never disposed.
 */
export const RETENTION_CLASSES = ['working-papers', 'standard', 'review-record', 'permanent'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

export const DEFAULT_RETENTION_CLASS: RetentionClass = 'standard';

/** Whole years each class is kept, from the date retention runs from; `null` = kept permanently. */
export const RETENTION_YEARS: { readonly [C in RetentionClass]: number | null } = {
  'working-papers': 2,
  standard: 6,
  'review-record': 30,
  permanent: null,
};

export function isRetentionClass(value: unknown): value is RetentionClass {
  return typeof value === 'string' && (RETENTION_CLASSES as readonly string[]).includes(value);
}

/**
 * The first day the item may be disposed of: the anniversary of `retentionFrom` after the class's
 * years (29 February rolls to 1 March, so nothing goes early). Null for `permanent`, and for an
 * item whose retention start is unknown (kept until someone decides).
 */
export function disposalDueOn(retentionClass: RetentionClass, retentionFrom: string | null): string | null {
  const years = RETENTION_YEARS[retentionClass];
  if (years === null || retentionFrom === null || !isCalendarDate(retentionFrom)) return null;
  const [year, month, day] = retentionFrom.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(0);
  // setUTCFullYear rolls 29 Feb of a non-leap year to 1 Mar, which is the later (safer) day.
  anniversary.setUTCFullYear(year + years, month - 1, day);
  return anniversary.toISOString().slice(0, 10);
}

/** True when the item's retention has run out on the UTC calendar day of `now`. */
export function retentionExpired(retentionClass: RetentionClass, retentionFrom: string | null, now: Date): boolean {
  const due = disposalDueOn(retentionClass, retentionFrom);
  return due !== null && due <= utcDate(now);
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
