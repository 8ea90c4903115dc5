import fc from 'fast-check';
import { junkString, nestedJunk, notUuid, wrongBodyValue, wrongQueryValue } from './malformed-values';
import type { FieldSpec, Operation } from './openapi-operations';

/** One malformed request, ready to send. */
export interface FuzzCase {
  /** Which way it is malformed, e.g. `body:wrong-value:kind`. */
  readonly label: string;
  readonly method: 'get' | 'post';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Raw body text, if any. */
  readonly body?: string;
}

/** What a well-formed request of the operation looks like (valid ids, token, base body). */
export interface Baseline {
  readonly pathValues: Readonly<Record<string, string>>;
  readonly authorization: string;
  readonly body: Record<string, unknown>;
  /** Authorization values that must be refused with 401. */
  readonly badAuthorizations: readonly string[];
}

const JSON_TYPE = 'application/json';

/** Requests malformed by construction, each in exactly the way its label says (plus the odd noise header). */
export function malformedRequests(operation: Operation, baseline: Baseline): fc.Arbitrary<FuzzCase> {
  const strategies: fc.Arbitrary<FuzzCase>[] = [badAuthorization(operation, baseline)];
  if (operation.pathParams.length > 0) strategies.push(badPathParameter(operation, baseline));
  if (operation.query.length > 0) strategies.push(badQuery(operation, baseline));
  if (operation.method === 'post') strategies.push(wrongContentType(operation, baseline));
  if (operation.body) strategies.push(...bodyStrategies(operation, operation.body, baseline));
  return fc.oneof(...strategies);
}

function bodyStrategies(operation: Operation, fields: readonly FieldSpec[], baseline: Baseline): fc.Arbitrary<FuzzCase>[] {
  const send = (label: string, body: string, headers: Record<string, string> = {}): FuzzCase =>
    request(operation, baseline, label, { 'content-type': JSON_TYPE, ...headers }, body);
  const strategies: fc.Arbitrary<FuzzCase>[] = [];
  if (fields.length > 0) {
    const wrong = fc.constantFrom(...fields).chain((field) => wrongBodyValue(field).map((value) => ({ field, value })));
    const wrongValue = wrong.map(({ field, value }) =>
      send(`body:wrong-value:${field.kind}`, JSON.stringify({ ...baseline.body, [field.name]: value })),
    );
    // Field values are where the schema says most, so they get the lion's share of the cases.
    strategies.push(wrongValue, wrongValue, wrongValue, wrongValue);
  }
  const required = fields.filter((field) => field.required).map((field) => field.name);
  if (required.length > 0) {
    strategies.push(
      fc.subarray(required, { minLength: 1 }).map((missing) => {
        const body = Object.fromEntries(Object.entries(baseline.body).filter(([name]) => !missing.includes(name)));
        return send('body:missing-required', JSON.stringify(body));
      }),
    );
  }
  const known = new Set(fields.map((field) => field.name));
  const extraKey = fc.oneof(
    junkString,
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'isAdmin', 'partnershipId', 'id', 'version'),
  );
  strategies.push(
    fc
      .tuple(
        extraKey.filter((key) => key !== '' && !known.has(key)),
        fc.oneof(junkString, nestedJunk),
      )
      .map(([key, value]) =>
        send(
          'body:extra-field',
          `${JSON.stringify(baseline.body).slice(0, -1)}${Object.keys(baseline.body).length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`,
        ),
      ),
    brokenJson(JSON.stringify(baseline.body)).map((text) => send('body:broken-json', text)),
    fc
      .constantFrom('[]', '[{}]', '42', '"text"', 'null', 'true', '[' + JSON.stringify(baseline.body) + ']')
      .map((text) => send('body:not-an-object', text)),
    badCommandHeader.map(([name, value]) => send(`header:${name}`, JSON.stringify(baseline.body), { [name]: value })),
  );
  return strategies;
}

/** Text that is not valid JSON: truncated, unquoted, trailing garbage, plain junk. */
function brokenJson(valid: string): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((cut) => valid.slice(0, cut)),
      fc.constantFrom('{', '{"a":}', "{'single': 1}", '{a: 1}', 'NaN', '[1,2', '{"a":1,}', '\u0000{}', '{"a":"\\u12"}'),
      junkString.map((junk) => `${valid}${junk}x`),
      junkString.map((junk) => `{${junk}`),
    )
    .filter((text) => !isJson(text));
}

/** Headers a command parses: an If-Match that is not a version, an Idempotency-Key out of bounds. */
const badCommandHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom('"abc"', 'W/"x"', '*', '"-1"', '"1.5"', `"${'9'.repeat(19)}"`, '""', '"1", "2"'),
      junkString.filter((v) => !/^\s*(W\/)?"?\d{1,18}"?\s*$/.test(v) && v.trim() !== ''),
    )
    .map((value): [string, string] => ['if-match', headerSafe(value)]),
  fc.integer({ min: 201, max: 6_000 }).map((length): [string, string] => ['idempotency-key', 'k'.repeat(length)]),
);

function badAuthorization(operation: Operation, baseline: Baseline): fc.Arbitrary<FuzzCase> {
  const body = operation.body ? JSON.stringify(baseline.body) : undefined;
  const headers = (authorization: string | null): Record<string, string> => ({
    ...(authorization === null ? {} : { authorization }),
    ...(body === undefined ? {} : { 'content-type': JSON_TYPE }),
  });
  return fc
    .oneof(
      fc.constant(null),
      fc.constantFrom(...baseline.badAuthorizations),
      junkString.map((junk) => `Bearer ${headerSafe(junk)}`),
      fc.integer({ min: 1_000, max: 7_000 }).map((length) => `Bearer ${'a'.repeat(length)}`),
    )
    .map((authorization) => {
      const { headers: sent, ...rest } = request(operation, baseline, 'header:authorization', headers(authorization), body);
      const { authorization: _valid, ...others } = sent;
      return { ...rest, headers: authorization === null ? others : { ...others, authorization } };
    });
}

function badPathParameter(operation: Operation, baseline: Baseline): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(
      fc.constantFrom(...operation.pathParams),
      notUuid.filter((value) => value.trim() !== '' && value !== '.' && value !== '..'),
    )
    .map(([name, value]) => {
      const base = request(
        operation,
        baseline,
        `path:${name}`,
        contentHeaders(operation),
        operation.body ? JSON.stringify(baseline.body) : undefined,
      );
      return { ...base, url: urlOf(operation, { ...baseline.pathValues, [name]: value }, '') };
    });
}

function badQuery(operation: Operation, baseline: Baseline): fc.Arbitrary<FuzzCase> {
  const one = fc.constantFrom(...operation.query).chain((field) =>
    fc.oneof(
      wrongQueryValue(field).map((value) => ({
        label: `query:${field.kind}`,
        query: `${field.name}=${encodeURIComponent(wellFormed(value))}`,
      })),
      wrongQueryValue(field).map((value) => ({
        label: `query:${field.kind}:repeated`,
        query: `${field.name}=${encodeURIComponent(wellFormed(value))}&${field.name}=x`,
      })),
    ),
  );
  return one.map(({ label, query }) => {
    const base = request(operation, baseline, label, contentHeaders(operation), operation.body ? JSON.stringify(baseline.body) : undefined);
    return { ...base, url: `${base.url}?${query}` };
  });
}

function wrongContentType(operation: Operation, baseline: Baseline): fc.Arbitrary<FuzzCase> {
  const types = [
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/json',
    'application/json; charset=klingon',
  ];
  const allowed = operation.uploadTypes.length > 0 ? types.filter((type) => !type.startsWith('application/json')).concat(JSON_TYPE) : types;
  return fc
    .tuple(
      fc.constantFrom(...allowed),
      fc.oneof(
        fc.constant(JSON.stringify(baseline.body)),
        junkString.filter((junk) => junk.length > 0),
      ),
    )
    .map(([type, body]) => request(operation, baseline, 'header:content-type', { 'content-type': type }, body));
}

function request(operation: Operation, baseline: Baseline, label: string, headers: Record<string, string>, body?: string): FuzzCase {
  return {
    label,
    method: operation.method,
    url: urlOf(operation, baseline.pathValues, ''),
    headers: { authorization: baseline.authorization, ...headers },
    ...(body === undefined ? {} : { body }),
  };
}

function contentHeaders(operation: Operation): Record<string, string> {
  return operation.body ? { 'content-type': JSON_TYPE } : {};
}

function urlOf(operation: Operation, values: Readonly<Record<string, string>>, query: string): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(values[name] ?? '')));
  return query ? `${path}?${query}` : path;
}

/** Lone surrogates cannot be percent-encoded; replace them, keep every other character. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Header values must be Latin-1 without CR/LF to be sent at all; keep the rest of the junk. */
function headerSafe(value: string): string {
  const safe = [...value]
    .map((ch) => (ch.charCodeAt(0) > 0xff || ch === '\r' || ch === '\n' || ch.charCodeAt(0) < 0x20 ? '?' : ch))
    .join('');
  return safe.trim() === '' ? '?' : safe;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
