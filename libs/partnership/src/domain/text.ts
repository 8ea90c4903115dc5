/** Trims a list of names; null when the list is empty or any entry is blank. */
export function trimmedNames(values: readonly string[]): readonly string[] | null {
  const trimmed = values.map((value) => value.trim());
  return trimmed.length === 0 || trimmed.some((value) => value === '') ? null : trimmed;
}

/** The first entry that repeats an earlier one, ignoring case; undefined when all are distinct. */
export function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    const key = sameName(value);
    if (seen.has(key)) return value;
    seen.add(key);
  }
  return undefined;
}

/** Names compare case-insensitively and ignoring surrounding space. */
export function sameName(value: string): string {
  return value.trim().toLocaleLowerCase('en-GB');
}
