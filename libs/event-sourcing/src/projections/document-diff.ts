/** One field that differs between a live row and the refolded one; `undefined` means absent. */
export interface FieldDifference {
  readonly field: string;
  readonly live: unknown;
  readonly refolded: unknown;
}

/** The field name of a missing or surplus row. */
export const WHOLE_ROW = '(row)';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(path: string, live: unknown, refolded: unknown, out: FieldDifference[]): void {
  if (Array.isArray(live) && Array.isArray(refolded)) {
    for (let i = 0; i < Math.max(live.length, refolded.length); i++) walk(`${path}[${i}]`, live[i], refolded[i], out);
    return;
  }
  if (isObject(live) && isObject(refolded)) {
    const keys = [...new Set([...Object.keys(live), ...Object.keys(refolded)])].sort();
    for (const key of keys) walk(path ? `${path}.${key}` : key, live[key], refolded[key], out);
    return;
  }
  if (JSON.stringify(live) !== JSON.stringify(refolded)) out.push({ field: path, live, refolded });
}

/**
 * Pure: the leaf fields in which two rows differ, as JSON (column → value; the document under
 * `doc`), named by path: `status` for a column, `doc.updates[2].note` inside the document.
 * A row present on one side only is one difference on field `(row)`.
 */
export function rowDifferences(
  live: Record<string, unknown> | undefined,
  refolded: Record<string, unknown> | undefined,
): FieldDifference[] {
  if (live === undefined || refolded === undefined) {
    return live === refolded
      ? []
      : [{ field: WHOLE_ROW, live: live === undefined ? undefined : 'present', refolded: refolded === undefined ? undefined : 'present' }];
  }
  const out: FieldDifference[] = [];
  walk('', live, refolded, out);
  return out;
}
