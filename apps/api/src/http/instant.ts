/** ISO-8601 instant with a zone (DESIGN §5: instants carry a zone). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses an ISO-8601 instant with a zone, refusing impossible calendar values (30 February,
 * 25 o'clock) that `new Date()` would quietly roll over. Returns null when it is not one.
 */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00'] = match.map((part): string => part ?? '');
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
  const fieldsAreReal =
    probe.getUTCFullYear() === Number(year) &&
    probe.getUTCMonth() === Number(month) - 1 &&
    probe.getUTCDate() === Number(day) &&
    probe.getUTCHours() === Number(hour) &&
    probe.getUTCMinutes() === Number(minute) &&
    probe.getUTCSeconds() === Number(second);
  if (!fieldsAreReal) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
