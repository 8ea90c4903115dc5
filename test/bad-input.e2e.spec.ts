import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership } from './support/seed';

describe('probe', () => {
  let app: LedgerTestApp;
  beforeAll(async () => { app = await LedgerTestApp.start(); });
  afterAll(async () => { await app.close(); });
  it('probes', async () => {
    const s = await seedPartnership(app);
    const docs = await app.http().get('/api/docs-json').expect(200);
    const out: string[] = [];
    for (const [p, ops] of Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)) out.push(`${Object.keys(ops).join(',')} ${p}`);
    const base = `/api/v1/partnerships/${s.partnershipId}`;
    const show = async (label: string, r: any) => out.push(`${label}: ${r.status} ${r.headers['content-type']} ${JSON.stringify(r.body)}`);
    await show('array', await app.http().post(`${base}/actions/${s.actionId}/agree`).set(s.admin).send([1,2]));
    await show('array-propose', await app.http().post(`${base}/actions`).set(s.admin).send([]));
    await show('string', await app.http().post(`${base}/actions/${s.actionId}/agree`).set(s.admin).set('content-type','application/json').send('"abc"'));
    await show('broken', await app.http().post(`${base}/actions/${s.actionId}/agree`).set(s.admin).set('content-type','application/json').send('{"a":'));
    await show('big', await app.http().post(`${base}/actions/${s.actionId}/agree`).set(s.admin).send({ reason: 'x'.repeat(1_100_000) }));
    await show('nouuid', await app.http().post(`${base}/actions/xyz/agree`).set(s.admin).send({}));
    await show('unknown', await app.http().post(`${base}/actions/6f1c7e0e-2b7a-4a43-9c5e-0f4bf2f0f5a1/agree`).set(s.admin).send({}));
    await show('nobody', await app.http().post(`${base}/actions/${s.actionId}/pause`).set(s.admin));
    await show('textplain', await app.http().post(`${base}/actions/${s.actionId}/pause`).set(s.admin).set('content-type','text/plain').send('hello'));
    await show('date', await app.http().post(`${base}/actions/${s.actionId}/target-date-revisions`).set(s.admin).send({ newTargetDate: '2025-02-30', reason: 'x' }));
    await show('respond', await app.http().post(`${base}/recommendations/${s.recommendationId}/responses`).set(s.admin).send({ decision: 'partially-accepted' }));
    await show('get-nouuid', await app.http().get(`${base}/actions/xyz`).set(s.admin));
    await show('pid-nouuid', await app.http().get(`/api/v1/partnerships/xyz/actions`).set(s.admin));
    console.log(out.join('\n'));
  });
});
