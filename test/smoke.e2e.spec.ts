import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership } from './support/seed';

describe('the all-in-one server', () => {
  let app: LedgerTestApp;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers readiness and serves the OpenAPI document', async () => {
    await app.http().get('/health/ready').expect(200);
    const docs = await app.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toContain('/api/v1/partnerships/{pid}/action-plan');
  });

  it('shows a seeded action on the action plan at once (read-your-writes)', async () => {
    const seed = await seedPartnership(app);
    const plan = await app.http().get(`/api/v1/partnerships/${seed.partnershipId}/action-plan`).set(seed.admin).expect(200);
    expect(plan.body.rows).toHaveLength(1);
    expect(plan.body.rows[0]).toMatchObject({ action: { id: seed.actionId }, status: 'in-progress', evidenceCount: 1 });
  });
});
