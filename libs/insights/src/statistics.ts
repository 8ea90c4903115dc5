/** Summary statistics over durations in days. */
export interface Distribution {
  readonly count: number;
  /** null when there are no values. */
  readonly median: number | null;
  readonly p90: number | null;
}

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between closest ranks — Excel's
 * PERCENTILE.INC, R's type 7 — so the median of an even count is the mean of the middle two.
 * Rounded to one decimal place.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const value = sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
  return Math.round(value * 10) / 10;
}

export function distribution(values: readonly number[]): Distribution {
  return { count: values.length, median: percentile(values, 0.5), p90: percentile(values, 0.9) };
}

/** Arithmetic mean to one decimal place; null when empty. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}

/** Share as a fraction to three decimal places; null when the denominator is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}
