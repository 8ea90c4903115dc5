import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

interface HistoryItem {
  readonly type: string;
  readonly version: number;
  readonly data: { readonly narrative?: string };
}

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(120_000);

describe('concurrent commands on one action', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const actionPath = (aid: string) => `/api/v1/partnerships/${seed.partnershipId}/actions/${aid}`;
  const history = async (aid: string) =>
    (
      await app
        .http()
        .get(`${actionPath(aid)}/history`)
        .set(seed.admin)
        .expect(200)
    ).body.items as HistoryItem[];
  const versionOf = async (aid: string) => (await app.http().get(actionPath(aid)).set(seed.admin).expect(200)).body.version as number;

  it('loses no progress update and duplicates none among 50 concurrent ones', async () => {
    const aid = seed.actionId;
    const initial = await versionOf(aid);
    const eventsBefore = await app.eventCount();

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        app
          .http()
          .post(`${actionPath(aid)}/progress-updates`)
          .set(seed.admin)
          .send({ narrative: `Concurrent update ${index}`, rag: 'amber' }),
      ),
    );

    const unexpected = responses.filter(
      (response) => ![200, 201, 409].includes(response.status) || (response.status === 409 && response.body.code !== 'stale-version'),
    );
    expect(unexpected.map((response) => ({ status: response.status, body: response.body }))).toEqual([]);
    const successes = responses.map((response, index) => ({ response, index })).filter(({ response }) => response.status < 300);
    expect(successes.length).toBeGreaterThan(0);

    const written = (await history(aid)).filter((event) => event.version > initial);
    expect(written.every((event) => event.type === 'ProgressUpdated')).toBe(true);
    expect(written).toHaveLength(successes.length);
    expect(await app.eventCount()).toBe(eventsBefore + successes.length);

    const answered = successes.map(({ response }) => response.body.version as number);
    expect(new Set(answered).size).toBe(answered.length);
    expect([...answered].sort((a, b) => a - b)).toEqual(written.map((event) => event.version));
    // Each success answered the version of its own update.
    const narrativeAt = new Map(written.map((event) => [event.version, event.data.narrative]));
    for (const { response, index } of successes) expect(narrativeAt.get(response.body.version)).toBe(`Concurrent update ${index}`);

    expect(await versionOf(aid)).toBe(initial + successes.length);
  });

  it('lets exactly one of 20 concurrent agrees through; the rest get 409', async () => {
    const proposed = await app
      .http()
      .post(`/api/v1/partnerships/${seed.partnershipId}/actions`)
      .set(seed.admin)
      .send({
        recommendationIds: [seed.recommendationId],
        description: 'Agree me once.',
        leadAgencyId: seed.agencyId,
        targetDate: '2027-12-31',
        successMeasure: 'Agreed once.',
      })
      .expect(201);
    const aid = proposed.body.id as string;
    const eventsBefore = await app.eventCount();

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        app
          .http()
          .post(`${actionPath(aid)}/agree`)
          .set(seed.admin)
          .send({ forum: 'Board' }),
      ),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(['illegal-transition', 'stale-version']).toContain(response.body.code);
    }
    const winner = responses.find((response) => response.status === 200)!;
    expect(winner.body).toMatchObject({ id: aid, version: 2 });
    expect((await history(aid)).map((event) => event.type)).toEqual(['ActionProposed', 'ActionAgreed']);
    expect(await app.eventCount()).toBe(eventsBefore + 1);
    expect(await versionOf(aid)).toBe(2);
  });
});
