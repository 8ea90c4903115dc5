import type { Response, Test } from 'supertest';
import { accessTo, ROLES, TokenService, type Role } from '@ledger/identity';
import { declaredOperation, OPERATION_EXTENSION } from '../apps/api/src/auth';
import { COMMAND_CATALOGUE, fillPath, pathParams, UPLOAD_ROUTES, type PathIds } from './support/command-catalogue';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/**
 * Tenancy and roles, walked over every operation the OpenAPI document lists: a partnership's
 * routes are invisible (404) to another partnership, read-only roles never command (403), and no
 * route answers without a valid token (401).
 */

interface Operation {
  readonly method: 'get' | 'post';
  /** Below `/api/v1`, e.g. `/partnerships/{pid}/actions/{aid}`. */
  readonly template: string;
  /** The `x-ledger-operation` of the route, if it carries one (docs/roles.md). */
  readonly extension?: unknown;
}
type Auth = { Authorization: string };
/** What a response should have been; a description of the difference, or undefined. */
type Check = (response: Response, url: string) => string | undefined;

const A_NAME = 'Northshire Safeguarding Children Partnership';
const B_NAME = 'Southshire Safeguarding Children Partnership';
/** Texts of the seed (test/support/seed.ts) that only a member of the partnership may read. */
const SEED_TEXTS = [
  'Northshire Constabulary',
  'Northshire ICB',
  'Rapid review RR-2025-01',
  'information-sharing protocol',
  'Attendance at strategy discussions',
];
/** Anything that would show a stack trace or where the code lives. */
const INTERNALS = /\n\s+at |node_modules|\/work\/|\/apps\/|\/libs\/|\.[jt]s:\d+|stack/i;
const READ_ONLY: readonly Role[] = ['auditor', 'inspector', 'analyst'];

const idsOf = (seed: Seed): string[] => [
  seed.partnershipId,
  seed.agencyId,
  seed.otherAgencyId,
  seed.sourceId,
  seed.findingId,
  seed.recommendationId,
  seed.actionId,
  seed.challengeId,
];
const label = (op: Operation) => `${op.method.toUpperCase()} ${op.template}`;

function refusal(status: number, code: string): Check {
  return (response) => {
    const ok =
      response.status === status &&
      response.body?.code === code &&
      /^application\/problem\+json/.test(response.headers['content-type'] ?? '') &&
      !INTERNALS.test(JSON.stringify(response.body));
    return ok ? undefined : `expected ${status} ${code}, got ${response.status} ${response.body?.code ?? response.headers['content-type']}`;
  };
}
const answered =
  (status: number): Check =>
  (response) =>
    response.status === status ? undefined : `expected ${status}, got ${response.status} ${response.body?.code ?? ''}`;
function both(...checks: Check[]): Check {
  return (response, url) => checks.map((check) => check(response, url)).find((problem) => problem !== undefined);
}
/** None of these ids (other than those the caller sent in the URL) nor texts appear in the body. */
function disclosesNone(ids: readonly string[], texts: readonly string[]): Check {
  return (response, url) => {
    const body = JSON.stringify(response.body ?? response.text);
    const leaked = [...ids.filter((id) => !url.includes(id)), ...texts].filter((secret) => body.includes(secret));
    return leaked.length === 0 ? undefined : `discloses ${leaked.join(', ')}`;
  };
}

// The e2e project's `testTimeout` in jest.config.js is not applied by Jest 30 (it reads the global one).
jest.setTimeout(120_000);

describe('tenancy and roles, over every operation of the OpenAPI document', () => {
  let app: LedgerTestApp;
  let a: Seed;
  let b: Seed;
  let all: Operation[];
  let partnershipOps: Operation[];

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    a = await seedPartnership(app, A_NAME);
    b = await seedPartnership(app, B_NAME);
    const docs = await app.http().get('/api/docs-json').expect(200);
    all = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods as Record<string, Record<string, unknown>>).map(([method, spec]) => ({
          method: method as Operation['method'],
          template: path.slice('/api/v1'.length),
          extension: spec[OPERATION_EXTENSION],
        })),
      );
    partnershipOps = all.filter((op) => op.template.startsWith('/partnerships/{pid}'));
  });
  afterAll(async () => {
    await app.close();
  });

  const gets = () => partnershipOps.filter((op) => op.method === 'get');
  const grantInspector = (seed: Seed, inspectorId: string) =>
    app
      .http()
      .post(`/api/v1/partnerships/${seed.partnershipId}/inspector-grants`)
      .set(seed.admin)
      .send({
        inspectorId,
        from: new Date(Date.now() - 60_000).toISOString(),
        until: new Date(Date.now() + 86_400_000).toISOString(),
        reason: 'Inspection',
      })
      .expect(201);
  const posts = () => partnershipOps.filter((op) => op.method === 'post');
  const bodyFor = (op: Operation, seed: Seed) => COMMAND_CATALOGUE.find((route) => route.template === op.template)?.body(seed) ?? {};

  function request(op: Operation, auth: Auth | undefined, seed: Seed, ids: PathIds = {}): { url: string; test: Test } {
    const url = `/api/v1${fillPath(op.template, seed, ids)}`;
    const test = op.method === 'get' ? app.http().get(url) : app.http().post(url).send(bodyFor(op, seed));
    return { url, test: auth ? test.set(auth) : test };
  }

  /** Runs every operation; answers the differences, including any refused POST that wrote an event. */
  async function walk(ops: readonly Operation[], send: (op: Operation) => { url: string; test: Test }, check: Check): Promise<string[]> {
    const problems: string[] = [];
    for (const op of ops) {
      const before = await app.eventCount();
      const { url, test } = send(op);
      const problem = check(await test, url);
      if (problem) problems.push(`${label(op)}: ${problem}`);
      if ((await app.eventCount()) !== before) problems.push(`${label(op)}: wrote events`);
    }
    return problems;
  }

  it('walks at least every command route of the catalogue, and the catalogue has every POST route', () => {
    const documented = all
      .filter((op) => op.method === 'post')
      .map((op) => op.template)
      .sort();
    expect(documented).toEqual([...COMMAND_CATALOGUE, ...UPLOAD_ROUTES].map((route) => route.template).sort());
    expect(posts().length).toBeGreaterThanOrEqual(
      COMMAND_CATALOGUE.filter((route) => route.template.startsWith('/partnerships/{pid}')).length,
    );
    expect(partnershipOps.length).toBeGreaterThanOrEqual(COMMAND_CATALOGUE.length);
    expect(gets().length).toBeGreaterThanOrEqual(12);
  });

  describe('another partnership', () => {
    it("answers 404 on every route of A to B's partnership admin, disclosing nothing of A", async () => {
      const check = both(refusal(404, 'not-found'), disclosesNone(idsOf(a), [A_NAME, ...SEED_TEXTS]));
      expect(await walk(partnershipOps, (op) => request(op, b.admin, a), check)).toEqual([]);
    });

    it("answers 404 when B's routes name A's items", async () => {
      const withItems = partnershipOps.filter((op) => pathParams(op.template).length > 1);
      const foreign = { sid: a.sourceId, rid: a.recommendationId, aid: a.actionId, cid: a.challengeId, personId: a.personId };
      const check = both(refusal(404, 'not-found'), disclosesNone(idsOf(a), [A_NAME]));
      expect(withItems.length).toBeGreaterThanOrEqual(30);
      expect(await walk(withItems, (op) => request(op, b.admin, b, foreign), check)).toEqual([]);
    });

    const references: readonly { name: string; field: string; foreign: (a: Seed) => Partial<Seed> }[] = [
      { name: 'actions', field: 'leadAgencyId', foreign: (s) => ({ otherAgencyId: s.otherAgencyId }) },
      { name: 'actions', field: 'recommendationIds', foreign: (s) => ({ recommendationId: s.recommendationId }) },
      { name: 'recommendations', field: 'sourceId', foreign: (s) => ({ sourceId: s.sourceId }) },
      { name: 'recommendations', field: 'findingIds', foreign: (s) => ({ findingId: s.findingId }) },
      { name: 'recommendations', field: 'addresseeAgencyIds', foreign: (s) => ({ agencyId: s.agencyId }) },
      { name: 'challenges', field: 'toAgencyId', foreign: (s) => ({ otherAgencyId: s.otherAgencyId }) },
      { name: 'challenges/linked-actions', field: 'actionId', foreign: (s) => ({ actionId: s.actionId }) },
      { name: 'actions/supersede', field: 'successorActionId', foreign: (s) => ({ actionId: s.actionId }) },
      { name: 'people', field: 'agencyId', foreign: (s) => ({ agencyId: s.agencyId }) },
    ];
    it.each(references)(
      "refuses $name in B naming A's $field: 422 unknown-reference, nothing written",
      async ({ name, field, foreign }) => {
        const route = COMMAND_CATALOGUE.find((candidate) => candidate.name === name)!;
        const before = await app.eventCount();
        const response = await app
          .http()
          .post(`/api/v1${route.path(b)}`)
          .set(b.admin)
          .send(route.body({ ...b, ...foreign(a) }));
        expect(refusal(422, 'unknown-reference')(response, '')).toBeUndefined();
        expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
        expect(await app.eventCount()).toBe(before);
      },
    );

    it("lists only the partnership's own items, on every read route", async () => {
      const check = both(answered(200), disclosesNone(idsOf(b), [B_NAME]));
      expect(await walk(gets(), (op) => request(op, a.admin, a), check)).toEqual([]);
      const lists: Record<string, string> = {
        agencies: a.agencyId,
        sources: a.sourceId,
        recommendations: a.recommendationId,
        actions: a.actionId,
        challenges: a.challengeId,
        'action-plan': a.actionId,
      };
      for (const [list, id] of Object.entries(lists)) {
        const response = await app.http().get(`/api/v1/partnerships/${a.partnershipId}/${list}`).set(a.admin).expect(200);
        expect({ list, shows: JSON.stringify(response.body).includes(id) }).toEqual({ list, shows: true });
      }
      const mine = await app.http().get('/api/v1/partnerships').set(a.admin).expect(200);
      expect((mine.body as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([a.partnershipId]);
    });
  });

  describe('roles', () => {
    it.each(READ_ONLY)(
      '%s may read every route of its partnership the matrix opens to it and command none (403, nothing written)',
      async (role) => {
        const sub = `reader-${role}@example.org`;
        // An inspector's partnerships claim is not enough: it needs an active grant (docs/roles.md).
        if (role === 'inspector') await grantInspector(a, sub);
        const auth = await app.bearer({ sub, roles: [role], partnerships: [a.partnershipId] });
        const readable = (op: Operation) => accessTo(declaredOperation(op.method, op.template, op.extension)!, [role]).reach === 'any';
        const ownOnly = both(answered(200), disclosesNone(idsOf(b), [B_NAME]));
        expect(await walk(gets().filter(readable), (op) => request(op, auth, a), ownOnly)).toEqual([]);
        const closed = gets().filter((op) => !readable(op));
        expect(await walk(closed, (op) => request(op, auth, a), refusal(403, 'role-not-allowed'))).toEqual([]);
        expect(await walk(posts(), (op) => request(op, auth, a), refusal(403, 'role-not-allowed'))).toEqual([]);
      },
    );

    it('a platform admin reads every route of any partnership and commands in both', async () => {
      const platform = await app.bearer({ sub: 'platform@example.org', roles: ['platform-admin'], partnerships: [] });
      for (const seed of [a, b]) {
        expect(await walk(gets(), (op) => request(op, platform, seed), answered(200))).toEqual([]);
        const response = await app
          .http()
          .post(`/api/v1/partnerships/${seed.partnershipId}/sources`)
          .set(platform)
          .send({ kind: 'scrutiny', title: 'Scrutiny 2026' });
        expect(response.status).toBe(201);
      }
    });

    it.each(ROLES.filter((role) => role !== 'platform-admin'))('%s may not register a partnership (403, nothing written)', async (role) => {
      const auth = await app.bearer({ roles: [role], partnerships: [a.partnershipId] });
      const before = await app.eventCount();
      const response = await app
        .http()
        .post('/api/v1/partnerships')
        .set(auth)
        .send({ name: 'Westshire', localAuthorities: ['Westshire Council'] });
      expect(refusal(403, 'role-not-allowed')(response, '')).toBeUndefined();
      expect(await app.eventCount()).toBe(before);
    });
  });

  describe('authentication, on every route', () => {
    const everyRoute = (auth: Auth | undefined, check: Check) => walk(all, (op) => request(op, auth, a), check);

    it('answers 401 unauthenticated without a bearer token', async () => {
      expect(await everyRoute(undefined, refusal(401, 'unauthenticated'))).toEqual([]);
      expect(
        await everyRoute({ Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }, refusal(401, 'unauthenticated')),
      ).toEqual([]);
    });

    const member = { sub: 'member@example.org', name: 'Member', roles: ['partnership-admin' as Role, 'platform-admin' as Role] };
    const tokens: readonly { what: string; token: (partnershipId: string) => Promise<string> }[] = [
      { what: 'an expired token', token: (pid) => app.token({ ...member, partnerships: [pid], expiresInSeconds: -60 }) },
      {
        what: 'a token signed with another secret',
        token: (pid) => new TokenService('another-secret-entirely').mint({ ...member, partnerships: [pid] }),
      },
      { what: 'a garbage token', token: async () => 'not.a.jwt' },
      {
        what: 'an unsigned token',
        token: async (pid) => `${unsigned({ alg: 'none', typ: 'JWT' })}.${unsigned({ ...member, partnerships: [pid], exp: 4102444800 })}.`,
      },
    ];
    it.each(tokens)('answers 401 invalid-token to $what', async ({ token }) => {
      const auth = { Authorization: `Bearer ${await token(a.partnershipId)}` };
      expect(await everyRoute(auth, refusal(401, 'invalid-token'))).toEqual([]);
    });
  });
});

function unsigned(json: object): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}
