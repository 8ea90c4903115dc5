const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The marker every view shows in place of redacted text. */
export const REDACTED = '[redacted]';

/**
 * Free text a person typed, as opposed to ids, dates and enum values: at least eight characters
 * and a space. Only free text can be redacted, and only free text is searched for in the views,
 * so a redaction can never blank out an id or a status word shared by every item.
 */
export function isRedactableText(value: unknown): value is string {
  return (
    typeof value === 'string' && value.trim().length >= 8 && /\s/.test(value.trim()) && !UUID.test(value) && !DATE_OR_INSTANT.test(value)
  );
}
