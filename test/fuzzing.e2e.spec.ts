import fc from 'fast-check';
import type { Response } from 'supertest';
import { TokenService } from '@ledger/identity';
import { COMMAND_CATALOGUE, PATH_PARAMS, type PathParam } from './support/command-catalogue';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';
import { malformedRequests, type Baseline, type FuzzCase } from './fuzzing/malformed-requests';
import { operationsOf, type OpenApiDocument, type Operation } from './fuzzing/openapi-operations';

/*
 * Property-based fuzzing of the whole HTTP API from its own OpenAPI document: for every GET and
 * POST under /api/v1, requests malformed by construction (wrong types, missing and extra fields,
 * huge and unicode strings, wrong enums, bad dates and uuids, broken JSON, wrong content types,
 * bad If-Match / Idempotency-Key / Authorization, bad path ids and query values). Every answer must
 * be below 500; every 4xx problem+json with type/title/status/code; no refused request may add an
 * event. FUZZ_SEED and FUZZ_RUNS replay or widen a run; a failure prints the seed and the case.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5_200);

jest.setTimeout(600_000);

describe('fuzzing: malformed requests across every operation of the OpenAPI document', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  let operations: Operation[];
  let baselines: Map<Operation, Baseline>;

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
    const docs = await app.http().get('/api/docs-json');
    operations = operationsOf(docs.body as OpenApiDocument);
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const badAuthorizations = await refusedAuthorizations(app, seed);
    baselines = new Map(
      operations.map((operation) => {
        const template = operation.path.replace(/^\/api\/v1/, '');
        const route = COMMAND_CATALOGUE.find((candidate) => candidate.template === template && operation.method === 'post');
        const pathValues = Object.fromEntries(
          operation.pathParams.map((name) => [name, seed[PATH_PARAMS[name as PathParam]] ?? seed.partnershipId]),
        );
        const authorization = (template === '/partnerships' && operation.method === 'post' ? platform : seed.admin).Authorization;
        return [operation, { pathValues, authorization, body: route ? route.body(seed) : {}, badAuthorizations }];
      }),
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it(`answers ${RUNS} malformed requests (seed ${SEED}) without a 5xx, with problem+json, writing nothing`, async () => {
    expect(operations.length).toBeGreaterThan(40);
    const cases = fc.constantFrom(...operations).chain((operation) => malformedRequests(operation, baselines.get(operation)!));
    const tally = new Map<string, number>();
    let head = await headPosition(app);
    let accepted = 0;
    const started = Date.now();

    await fc.assert(
      fc.asyncProperty(cases, async (fuzz) => {
        const response = await send(app, fuzz);
        const code = (response.body as { code?: unknown } | undefined)?.code;
        const key = `${fuzz.method.toUpperCase()} ${fuzz.label} → ${response.status} ${typeof code === 'string' ? code : ''}`;
        if (process.env.FUZZ_TRACE && key.includes(process.env.FUZZ_TRACE)) console.log(key, summary(fuzz), response.text.slice(0, 200));
        tally.set(key, (tally.get(key) ?? 0) + 1);
        expectRefusalShape(fuzz, response);
        const after = await headPosition(app);
        if (response.status >= 200 && response.status < 300) {
          accepted += 1;
          head = after;
          return;
        }
        if (after !== head)
          throw new Error(`refused with ${response.status} but the events table grew from ${head} to ${after}: ${summary(fuzz)}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [...tally.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `  ${String(count).padStart(5)}  ${key}`);
    console.log(
      `fuzzing: ${RUNS} cases over ${operations.length} operations in ${seconds} s (seed ${SEED}); ${accepted} accepted by accident\n${lines.join('\n')}`,
    );
    // Malformed by construction: a request the API accepts must be a rare accident.
    expect(accepted).toBeLessThanOrEqual(RUNS * 0.01);
  });
});

function expectRefusalShape(fuzz: FuzzCase, response: Response): void {
  if (response.status >= 500) throw new Error(`${response.status} for ${summary(fuzz)}: ${response.text.slice(0, 500)}`);
  if (response.status < 400) return;
  const type = String(response.headers['content-type'] ?? '');
  const body = response.body as { type?: unknown; title?: unknown; status?: unknown; code?: unknown };
  const problem =
    type.startsWith('application/problem+json') &&
    typeof body.type === 'string' &&
    typeof body.title === 'string' &&
    body.status === response.status &&
    typeof body.code === 'string' &&
    body.code !== '';
  if (!problem) throw new Error(`${response.status} without problem+json (${type}) for ${summary(fuzz)}: ${response.text.slice(0, 300)}`);
}

async function send(app: LedgerTestApp, fuzz: FuzzCase): Promise<Response> {
  let pending = fuzz.method === 'get' ? app.http().get(fuzz.url) : app.http().post(fuzz.url);
  for (const [name, value] of Object.entries(fuzz.headers)) pending = pending.set(name, value);
  // Raw text: supertest sends a string as it is, whatever the content type.
  if (fuzz.body !== undefined) pending = pending.send(fuzz.body);
  return pending;
}

async function headPosition(app: LedgerTestApp): Promise<string> {
  const { rows } = await app.db.pool.query<{ head: string | null }>('SELECT max(global_position)::text AS head FROM events');
  return rows[0]?.head ?? '0';
}

/** Authorization headers the guard must refuse (401): wrong secret, unsigned, expired, mangled. */
async function refusedAuthorizations(app: LedgerTestApp, seed: Seed): Promise<string[]> {
  const claims = { sub: 'fuzz@example.org', name: 'Fuzz', roles: ['partnership-admin' as const], partnerships: [seed.partnershipId] };
  const forged = await new TokenService('not-the-ledger-secret').mint(claims);
  const expired = await new TokenService('e2e-test-secret-not-for-production').mint(claims, new Date(Date.now() - 24 * 3600_000));
  const valid = seed.admin.Authorization.slice('Bearer '.length);
  const [header, payload] = valid.split('.');
  const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  return [
    '',
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNzd29yZA==',
    `Token ${valid}`,
    `Bearer ${forged}`,
    `Bearer ${expired}`,
    `Bearer ${unsigned}`,
    `Bearer ${valid}x`,
    `Bearer ${header}.${payload}`,
    `Bearer ${valid} ${valid}`,
    `Bearer ${'.'.repeat(3)}`,
  ];
}

function summary(fuzz: FuzzCase): string {
  return JSON.stringify({
    ...fuzz,
    body: fuzz.body?.slice(0, 300),
    headers: Object.fromEntries(Object.entries(fuzz.headers).map(([k, v]) => [k, v.slice(0, 80)])),
  });
}
