import { Logger } from '@nestjs/common';
import { REFUSAL_LOG_PREFIX, type Refusal } from '../apps/api/src/auth';
import { Clock } from '../apps/api/src/core/clock';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/**
 * Inspectors reach a partnership only during a grant made by its admin, recorded as events; and
 * every refusal of the guard is one structured log line saying who tried what and why.
 */

jest.setTimeout(120_000);

const INSPECTOR = 'inspector-0001@example.gov.uk';
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('inspector grants and the refusal log', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  let other: Seed;
  let base: string;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app, 'Northshire Safeguarding Children Partnership');
    other = await seedPartnership(app, 'Southshire Safeguarding Children Partnership');
    base = `/api/v1/partnerships/${seed.partnershipId}`;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      if (typeof message === 'string' && message.startsWith(`${REFUSAL_LOG_PREFIX} `)) lines.push(message);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
  });

  const inspector = (sub = INSPECTOR, partnerships = [seed.partnershipId]) => app.bearer({ sub, roles: ['inspector'], partnerships });
  const grant = (body: Record<string, unknown>, auth = seed.admin) =>
    app
      .http()
      .post(`${base}/inspector-grants`)
      .set(auth)
      .send({ inspectorId: INSPECTOR, reason: 'JTAI fieldwork', ...body });
  const reads = async (auth: { Authorization: string }) => (await app.http().get(base).set(auth)).status;
  /** The refusal lines written while `run` ran. */
  async function logged(run: () => Promise<unknown>): Promise<Refusal[]> {
    const before = lines.length;
    await run();
    return lines.slice(before).map((line) => JSON.parse(line.slice(REFUSAL_LOG_PREFIX.length + 1)) as Refusal);
  }

  it('keeps an inspector out until a grant is active, lets them in during it, and out again after revocation', async () => {
    const auth = await inspector();
    expect(await reads(auth)).toBe(404);
    const pending = await grant({ from: at(HOUR), until: at(48 * HOUR) }).expect(201);
    expect(await reads(auth)).toBe(404);

    const active = await grant({ from: at(-HOUR), until: at(24 * HOUR) }).expect(201);
    expect(await reads(auth)).toBe(200);
    const mine = await app.http().get('/api/v1/partnerships').set(auth).expect(200);
    expect((mine.body.items as { id: string }[]).map((item) => item.id)).toEqual([seed.partnershipId]);
    // The claim is needed as well as the grant; the grant is needed as well as the claim.
    expect(await reads(await inspector(INSPECTOR, []))).toBe(404);
    expect(await reads(await inspector('another-inspector@example.gov.uk'))).toBe(404);

    const list = await app.http().get(`${base}/inspector-grants`).set(seed.admin).expect(200);
    const statuses = Object.fromEntries((list.body.items as { id: string; status: string }[]).map((item) => [item.id, item.status]));
    expect(statuses).toEqual({ [pending.body.id]: 'pending', [active.body.id]: 'active' });

    await app
      .http()
      .post(`${base}/inspector-grants/${active.body.id}/revoke`)
      .set(seed.admin)
      .send({ reason: 'Fieldwork over' })
      .expect(200);
    expect(await reads(auth)).toBe(404);
    const again = await app.http().post(`${base}/inspector-grants/${active.body.id}/revoke`).set(seed.admin).send({ reason: 'Twice' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'illegal-transition' });

    const timeline = await app.http().get(`${base}/timeline`).query({ limit: '500' }).set(seed.admin).expect(200);
    const types = (timeline.body.items as { type: string }[]).map((event) => event.type);
    expect(types.filter((type) => type.startsWith('InspectorAccess'))).toEqual([
      'InspectorAccessGranted',
      'InspectorAccessGranted',
      'InspectorAccessRevoked',
    ]);
  });

  it('ends access when the window ends, by the clock', async () => {
    const sub = 'inspector-0002@example.gov.uk';
    await grant({ inspectorId: sub, from: at(-HOUR), until: at(2 * HOUR) }).expect(201);
    const auth = await inspector(sub);
    expect(await reads(auth)).toBe(200);
    const clock = app.ledger.app.get(Clock);
    const later = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 3 * HOUR));
    try {
      expect(await reads(auth)).toBe(404);
    } finally {
      later.mockRestore();
    }
  });

  it('refuses grants that are not time-boxed, and grants by anyone but an admin', async () => {
    const codeOf = async (body: Record<string, unknown>) => (await grant(body)).body.code as string;
    expect(await codeOf({ from: at(HOUR), until: at(-HOUR) })).toBe('grant-window-empty');
    expect(await codeOf({ from: at(-48 * HOUR), until: at(-HOUR) })).toBe('grant-window-over');
    expect(await codeOf({ from: at(0), until: at(100 * 24 * HOUR) })).toBe('grant-window-too-long');
    expect(await codeOf({ from: 'tomorrow', until: at(HOUR) })).toBe('validation-failed');
    const board = await app.bearer({ roles: ['board-member'], partnerships: [seed.partnershipId] });
    const response = await grant({ from: at(0), until: at(HOUR) }, board);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'role-not-allowed' });
    const stranger = await grant({ from: at(0), until: at(HOUR) }, other.admin);
    expect(stranger.status).toBe(404);
  });

  it('logs every kind of refusal as one line: who, what, which operation and why — never the token', async () => {
    const token = await app.token({ sub: 'mallory@example.org', roles: ['board-member'], partnerships: [other.partnershipId] });
    const lead = await app.bearer({
      sub: 'lead@icb.example',
      roles: ['agency-lead'],
      partnerships: [seed.partnershipId],
      agency: seed.otherAgencyId,
    });
    const refusals = await logged(async () => {
      await app.http().get(`${base}/actions`).expect(401);
      await app.http().get(`${base}/actions`).set('Authorization', 'Bearer not.a.jwt').expect(401);
      await app.http().get(`${base}/actions`).set('Authorization', `Bearer ${token}`).expect(404);
      await app
        .http()
        .get(base)
        .set(await inspector('nobody@example.gov.uk'))
        .expect(404);
      await app
        .http()
        .post(`${base}/agencies`)
        .set(await app.bearer({ roles: ['auditor'], partnerships: [seed.partnershipId] }))
        .send({})
        .expect(403);
      await app.http().post(`${base}/actions/${seed.actionId}/start`).set(lead).send({}).expect(403);
    });
    const what = { method: expect.any(String), path: expect.stringMatching(/^\/api\/v1\/partnerships\//) };
    expect(refusals).toEqual([
      { status: 401, reason: 'no-token', sub: null, roles: [], agency: null, operation: 'partnership.read', ...what },
      { status: 401, reason: 'invalid-token', sub: null, roles: [], agency: null, operation: 'partnership.read', ...what },
      {
        status: 404,
        reason: 'not-a-member',
        sub: 'mallory@example.org',
        roles: ['board-member'],
        agency: null,
        operation: 'partnership.read',
        ...what,
      },
      {
        status: 404,
        reason: 'no-active-grant',
        sub: 'nobody@example.gov.uk',
        roles: ['inspector'],
        agency: null,
        operation: 'partnership.read',
        ...what,
      },
      {
        status: 403,
        reason: 'role-not-allowed',
        sub: 'user-auditor',
        roles: ['auditor'],
        agency: null,
        operation: 'partnership.configure',
        ...what,
      },
      {
        status: 403,
        reason: 'outside-agency-scope',
        sub: 'lead@icb.example',
        roles: ['agency-lead'],
        agency: seed.otherAgencyId,
        operation: 'action.deliver',
        method: 'POST',
        path: `${base}/actions/${seed.actionId}/start`,
      },
    ]);
    expect(lines.join('\n')).not.toContain(token);
  });
});
