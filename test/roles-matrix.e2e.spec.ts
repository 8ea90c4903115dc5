import { Logger } from '@nestjs/common';
import type { Response } from 'supertest';
import { accessTo, OPERATIONS, ROLES, type OperationName, type Role, type Scope } from '@ledger/identity';
import { declaredOperation, OPERATION_EXTENSION, REFUSAL_LOG_PREFIX, ROUTE_OPERATIONS, type Refusal } from '../apps/api/src/auth';
import { COMMAND_CATALOGUE, fillPath, type PathIds } from './support/command-catalogue';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/**
 * The role × operation matrix (libs/identity/src/permissions.ts, docs/roles.md), walked over every
 * route of the OpenAPI document with every role: what the matrix opens is answered (no 401 or 403,
 * no refusal logged), what it closes is refused 403 with nothing written, and every refusal is logged. Agency
 * leads are checked on their own agency's items and on another agency's.
 */

interface Route {
  readonly method: 'get' | 'post';
  /** Below `/api/v1`, e.g. `/partnerships/{pid}/actions/{aid}`. */
  readonly template: string;
  readonly operation: OperationName | undefined;
}
type Auth = { Authorization: string };

jest.setTimeout(300_000);

const label = (route: Route) => `${route.method.toUpperCase()} ${route.template}`;
const window = (fromMs: number, untilMs: number) => ({
  from: new Date(Date.now() + fromMs).toISOString(),
  until: new Date(Date.now() + untilMs).toISOString(),
});

describe('the role matrix, route by route', () => {
  let app: LedgerTestApp;
  let routes: Route[];
  const refusals: Refusal[] = [];

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    const docs = await app.http().get('/api/docs-json').expect(200);
    routes = Object.entries(docs.body.paths as Record<string, Record<string, Record<string, unknown>>>)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, spec]) => {
          const template = path.slice('/api/v1'.length);
          return { method: method as Route['method'], template, operation: declaredOperation(method, template, spec[OPERATION_EXTENSION]) };
        }),
      );
    // The refusal log is the Nest logger's warn line with a stable prefix: capture it as it is written.
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(function (message: unknown) {
      if (typeof message === 'string' && message.startsWith(`${REFUSAL_LOG_PREFIX} `)) {
        refusals.push(JSON.parse(message.slice(REFUSAL_LOG_PREFIX.length + 1)) as Refusal);
      }
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
  });

  it('names an operation of the matrix for every route of the OpenAPI document (declare yours: docs/roles.md)', () => {
    expect(routes.filter((route) => route.operation === undefined).map(label)).toEqual([]);
    const documented = new Set(routes.map((route) => `${route.method.toUpperCase()} ${route.template}`));
    expect(Object.keys(ROUTE_OPERATIONS).filter((key) => !documented.has(key))).toEqual([]);
    const used = new Set(routes.map((route) => route.operation));
    expect(Object.keys(OPERATIONS).filter((operation) => !used.has(operation as OperationName))).toEqual([]);
  });

  async function grant(seed: Seed, inspectorId: string, span = window(-60_000, 86_400_000)): Promise<string> {
    const response = await app
      .http()
      .post(`/api/v1/partnerships/${seed.partnershipId}/inspector-grants`)
      .set(seed.admin)
      .send({ inspectorId, ...span, reason: 'Joint targeted area inspection' });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  /** Sends one route (with the command catalogue's body for a POST); answers the response and whether events were written. */
  async function send(route: Route, auth: Auth, seed: Seed, ids: PathIds = {}): Promise<{ response: Response; wrote: boolean }> {
    const before = await app.eventCount();
    const url = `/api/v1${fillPath(route.template, seed, ids)}`;
    const body = COMMAND_CATALOGUE.find((command) => command.template === route.template)?.body(seed) ?? {};
    const response = await (route.method === 'get' ? app.http().get(url) : app.http().post(url).send(body)).set(auth);
    return { response, wrote: (await app.eventCount()) !== before };
  }

  /** 'allowed', or the 403 code the matrix expects, for a role whose agency holds the scopes in `inScope`. */
  function expected(
    route: Route,
    roles: readonly Role[],
    inScope: (scope: Scope) => boolean,
  ): 'allowed' | 'role-not-allowed' | 'outside-agency-scope' {
    const access = accessTo(route.operation!, roles);
    if (access.reach === 'any') return 'allowed';
    if (access.reach === 'none') return 'role-not-allowed';
    return access.scopes.some(inScope) ? 'allowed' : 'outside-agency-scope';
  }

  /** Walks the routes; answers each difference from the expectation, a refusal that wrote, or a refusal not logged. */
  async function walk(auth: Auth, roles: readonly Role[], seed: Seed, ids: PathIds, inScope: (scope: Scope) => boolean): Promise<string[]> {
    const problems: string[] = [];
    for (const route of routes.filter((candidate) => candidate.template.startsWith('/partnerships'))) {
      const expectation = expected(route, roles, inScope);
      const logged = refusals.length;
      const { response, wrote } = await send(route, auth, seed, ids);
      const got = `${response.status} ${response.body?.code ?? ''}`.trim();
      if (expectation === 'allowed') {
        // A handler may still answer 404 for an item the body names; the guard's refusals are logged.
        const refused = [401, 403].includes(response.status) || response.status >= 500 || refusals.length !== logged;
        if (refused) problems.push(`${label(route)}: expected allowed, got ${got}`);
        continue;
      }
      if (response.status !== 403 || response.body?.code !== expectation)
        problems.push(`${label(route)}: expected 403 ${expectation}, got ${got}`);
      if (wrote) problems.push(`${label(route)}: refused but wrote events`);
      const line = refusals.slice(logged).find((refusal) => refusal.status === 403 && refusal.reason === expectation);
      if (!line || line.operation !== route.operation || line.method !== route.method.toUpperCase())
        problems.push(`${label(route)}: refusal not logged`);
    }
    return problems;
  }

  const everyRouteCovered = () => expect(routes.filter((route) => route.operation === undefined)).toEqual([]);

  it.each(ROLES)('%s: every route answers as the matrix says', async (role) => {
    everyRouteCovered();
    const seed = await seedPartnership(app, `Matrix partnership for ${role}`);
    const sub = `${role}@example.org`;
    if (role === 'inspector') await grant(seed, sub);
    const gid = await grant(seed, 'someone-else@example.gov.uk');
    // The seed's action is led by, its recommendation and challenge addressed to, seed.agencyId; the
    // catalogue's proposal names seed.otherAgencyId as lead.
    const auth = await app.bearer({ sub, roles: [role], partnerships: [seed.partnershipId], agency: seed.agencyId });
    const ownAgency = (scope: Scope) => scope !== 'own-agency-proposal';
    expect(await walk(auth, [role], seed, { gid }, ownAgency)).toEqual([]);
  });

  describe('agency leads', () => {
    let seed: Seed;
    beforeAll(async () => {
      seed = await seedPartnership(app, 'Agency scope partnership');
    });

    it("of another agency: 403 outside-agency-scope on the seed's action, recommendation and challenge; may propose for their own", async () => {
      everyRouteCovered();
      const auth = await app.bearer({
        sub: 'lead@icb.example',
        roles: ['agency-lead'],
        partnerships: [seed.partnershipId],
        agency: seed.otherAgencyId,
      });
      const otherAgency = (scope: Scope) => scope === 'own-agency-proposal';
      expect(await walk(auth, ['agency-lead'], seed, {}, otherAgency)).toEqual([]);
    });

    it('on their own action: 2xx; on the same action as lead of another agency: 403, nothing written', async () => {
      const p = `/api/v1/partnerships/${seed.partnershipId}`;
      const own = await app.bearer({
        sub: 'lead@police.example',
        roles: ['agency-lead'],
        partnerships: [seed.partnershipId],
        agency: seed.agencyId,
      });
      const other = await app.bearer({
        sub: 'lead@icb.example',
        roles: ['agency-lead'],
        partnerships: [seed.partnershipId],
        agency: seed.otherAgencyId,
      });
      const update = { narrative: 'Protocol signed off by all partners.', rag: 'green' };
      await app.http().post(`${p}/actions/${seed.actionId}/progress-updates`).set(own).send(update).expect(201);
      const before = await app.eventCount();
      const refused = await app.http().post(`${p}/actions/${seed.actionId}/progress-updates`).set(other).send(update);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'outside-agency-scope' });
      expect(await app.eventCount()).toBe(before);
      await app.http().post(`${p}/challenges/${seed.challengeId}/acknowledge`).set(own).send({}).expect(200);
      const proposal = {
        recommendationIds: [seed.recommendationId],
        description: 'Audit the protocol.',
        targetDate: '2027-09-30',
        successMeasure: 'Audit done.',
      };
      await app
        .http()
        .post(`${p}/actions`)
        .set(other)
        .send({ ...proposal, leadAgencyId: seed.otherAgencyId })
        .expect(201);
      const foreign = await app
        .http()
        .post(`${p}/actions`)
        .set(other)
        .send({ ...proposal, leadAgencyId: seed.agencyId });
      expect(foreign.status).toBe(403);
    });

    it('without an agency claim: 403 agency-claim-required; on an unknown action: 404', async () => {
      const p = `/api/v1/partnerships/${seed.partnershipId}`;
      const noAgency = await app.bearer({ sub: 'lead@nowhere.example', roles: ['agency-lead'], partnerships: [seed.partnershipId] });
      const response = await app.http().post(`${p}/actions/${seed.actionId}/start`).set(noAgency).send({});
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'agency-claim-required' });
      const lead = await app.bearer({
        sub: 'lead@police.example',
        roles: ['agency-lead'],
        partnerships: [seed.partnershipId],
        agency: seed.agencyId,
      });
      const unknown = await app.http().post(`${p}/actions/3f0b1c9e-6a55-4c0e-9d8a-2f1f4b7c8d9e/start`).set(lead).send({});
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'not-found' });
    });
  });
});
