import fc from 'fast-check';
import type { FieldSpec } from './openapi-operations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Strings a parser might trip on: control characters, unicode, injection-shaped text, long runs. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    "'; DROP TABLE events; --",
    '../../../etc/passwd',
    '\u0000',
    '%00%ff',
    '<script>alert(1)</script>',
    '🙂'.repeat(64),
    '\u202e\u0644\u0627',
    '${jndi:ldap://x}',
    '{{7*7}}',
    'null',
    'undefined',
    '-0',
    '1e309',
  ),
);

/** JSON values nested a few levels deep. */
export const nestedJunk: fc.Arbitrary<unknown> = fc.oneof(
  fc.object({ maxDepth: 3, maxKeys: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
);

const notUuid = junkString.filter((value) => !UUID.test(value));
const badDate = fc.oneof(
  fc.constantFrom(
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '25-01-01',
    '2025-1-1',
    '2025/01/01',
    'tomorrow',
    '2025-02-29',
    '０２０２５-01-01',
  ),
  junkString.filter((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value)),
);
const badInstant = fc.oneof(
  fc.constantFrom(
    'not-a-date',
    '2025-03-02T10:00:00',
    '2025-02-30T10:00:00Z',
    '2025-03-02 10:00',
    '1700000000',
    '2025-03-02T25:00:00Z',
    '+275760-09-13T00:00:00.001Z',
    'Invalid Date',
  ),
  junkString.filter((value) => !/^\d{4}-\d{2}-\d{2}/.test(value)),
);
const badUri = fc.constantFrom(
  'not a uri',
  'http//broken',
  '://nohost',
  'www.example.org/no-protocol',
  'javascript:alert(1)',
  ' ',
  'http://',
);
const badSha256 = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 63 }),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 65, maxLength: 130 }),
  fc.constant('g'.repeat(64)),
);
const notBoolean = fc.oneof(fc.integer(), fc.constantFrom('true', 'yes', 'false', 1, 0), nestedJunk);
const notNumber = fc.oneof(fc.constantFrom('12', 'abc', true), nestedJunk);
const notString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), nestedJunk);
const notArray = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.object({ maxDepth: 1 }));

/** A JSON body value the field's schema refuses: wrong type, wrong enum, bad date/uuid, too long… */
export function wrongBodyValue(field: FieldSpec): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [];
  if (field.required) choices.push(fc.constant(null));
  switch (field.kind) {
    case 'uuid':
      choices.push(notUuid, notString);
      break;
    case 'uuid[]':
      choices.push(notArray, fc.array(notUuid, { minLength: 1, maxLength: 3 }), fc.array(notString, { minLength: 1, maxLength: 3 }));
      break;
    case 'date':
      choices.push(badDate, notString);
      break;
    case 'instant':
      choices.push(badInstant, notString);
      break;
    case 'boolean':
      choices.push(notBoolean);
      break;
    case 'number':
      choices.push(notNumber);
      break;
    case 'enum':
      choices.push(wrongEnum(field.enumValues ?? []), notString);
      break;
    case 'uri':
      choices.push(badUri, notString);
      break;
    case 'sha256':
      choices.push(badSha256, notString);
      break;
    case 'text[]':
      choices.push(notArray, fc.array(notString, { minLength: 1, maxLength: 3 }));
      break;
    case 'object':
      choices.push(fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer())));
      break;
    case 'text':
      choices.push(notString);
      if (field.maxLength !== undefined) choices.push(tooLong(field.maxLength));
      break;
  }
  return fc.oneof(...choices);
}

/** A query-string value the parameter refuses (query values are always text). */
export function wrongQueryValue(field: FieldSpec): fc.Arbitrary<string> {
  switch (field.kind) {
    case 'uuid':
      return notUuid.filter((value) => value !== '');
    case 'date':
      return badDate.filter((value) => value !== '');
    case 'instant':
      return badInstant.filter((value) => value !== '');
    case 'boolean':
      return fc.constantFrom('maybe', '1', '0', 'TRUE', 'yes', '[]', 'true,false');
    case 'number':
      return fc.constantFrom('0', '-1', '501', '1e309', 'abc', '2.5', 'NaN', '99999999999999999999');
    case 'enum':
      return wrongEnum(field.enumValues ?? []).filter((value) => value !== '');
    case 'uuid[]':
    case 'text[]':
    case 'object':
    case 'uri':
    case 'sha256':
    case 'text':
      return junkString.filter((value) => value.trim() !== '');
  }
}

function wrongEnum(values: readonly unknown[]): fc.Arbitrary<string> {
  const strings = values.filter((value): value is string => typeof value === 'string');
  const variants = strings.flatMap((value) => [value.toUpperCase(), ` ${value}`, `${value}s`, value.replace(/-/g, '_')]);
  return fc.oneof(fc.constantFrom('', 'unknown', ...variants), junkString).filter((value) => !strings.includes(value));
}

function tooLong(maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('x', 'é', '🙂', 'ab '), fc.integer({ min: 1, max: 2_000 }))
    .map(([unit, extra]) => unit.repeat(maxLength + extra));
}

export { notUuid };
