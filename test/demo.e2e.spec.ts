import type { Server, AddressInfo } from 'node:net';
import { loadDemo } from '../apps/cli/src/demo/load-demo';
import { LedgerTestApp } from './support/ledger-test-app';

/** `npm run ledger -- demo` against the real server: the demo promises what the README says. */
describe('the demo partnership', () => {
  let app: LedgerTestApp;
  let baseUrl: string;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
    await app.ledger.app.listen(0, '127.0.0.1');
    const server = app.ledger.app.getHttpServer() as Server;
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  it('loads through the public API and shows a plan in every state, some overdue, some slipped', async () => {
    const token = await app.token({ sub: 'demo-loader', roles: ['platform-admin'] });
    const summary = await loadDemo({ baseUrl, token, log: () => undefined });
    const base = `/api/v1/partnerships/${summary.partnershipId}`;
    // An inspector reads a partnership only during a grant (docs/roles.md).
    const inspector = 'inspector@example.gov.uk';
    const window = { from: new Date(Date.now() - 60_000).toISOString(), until: new Date(Date.now() + 86_400_000).toISOString() };
    await app
      .http()
      .post(`${base}/inspector-grants`)
      .set('Authorization', `Bearer ${token}`)
      .send({ inspectorId: inspector, ...window, reason: 'Demo inspection' })
      .expect(201);
    const auth = await app.bearer({ sub: inspector, roles: ['inspector'], partnerships: [summary.partnershipId] });

    const actions = (await app.http().get(`${base}/actions`).set(auth).expect(200)).body.items as {
      status: string;
      overdue: boolean;
      slipped: boolean;
    }[];
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(actions.map((a) => a.status))).toEqual(
      new Set([
        'proposed',
        'agreed',
        'in-progress',
        'paused',
        'completion-claimed',
        'completion-verified',
        'impact-assured',
        'closed',
        'cancelled',
        'superseded',
      ]),
    );
    expect(actions.some((a) => a.overdue)).toBe(true);
    expect(actions.some((a) => a.slipped)).toBe(true);

    const sources = (await app.http().get(`${base}/sources`).set(auth).expect(200)).body.items as { kind: string }[];
    expect(sources.map((s) => s.kind)).toEqual(expect.arrayContaining(['rapid-review', 'lcspr', 'multi-agency-audit', 'inspection']));
    const recommendations = (await app.http().get(`${base}/recommendations`).set(auth).expect(200)).body.items as unknown[];
    expect(recommendations.length).toBeGreaterThanOrEqual(15);
    const challenges = (await app.http().get(`${base}/challenges`).set(auth).expect(200)).body.items as { escalations: unknown[] }[];
    expect(challenges.length).toBeGreaterThanOrEqual(6);
    expect(challenges.some((c) => c.escalations.length > 0)).toBe(true);

    // About eighteen months of back-dated history, each back-dated event with its reason.
    const { rows } = await app.db.pool.query<{ first: Date; backdated_without_reason: string }>(
      `SELECT min(occurred_at) AS first,
              count(*) FILTER (WHERE occurred_at < recorded_at - interval '1 day' AND metadata->>'backdatedReason' IS NULL) AS backdated_without_reason
         FROM events WHERE partnership_id = $1`,
      [summary.partnershipId],
    );
    const months = (Date.now() - rows[0]!.first.getTime()) / (30.4 * 24 * 3600 * 1000);
    expect(months).toBeGreaterThan(16);
    expect(months).toBeLessThan(20);
    expect(Number(rows[0]!.backdated_without_reason)).toBe(0);
  });
});
