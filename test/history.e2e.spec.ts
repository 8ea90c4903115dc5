import { randomUUID } from 'node:crypto';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

type Auth = { Authorization: string };
type Collection = 'sources' | 'recommendations' | 'actions' | 'challenges';

const idIn = (seed: Seed, collection: Collection): string =>
  ({ sources: seed.sourceId, recommendations: seed.recommendationId, actions: seed.actionId, challenges: seed.challengeId })[collection];

/** The event types each seeded item has once `grow` has run, in order. */
const EXPECTED: Record<Collection, readonly string[]> = {
  sources: ['SourceRecorded', 'FindingRecorded'],
  recommendations: ['RecommendationMade', 'RecommendationResponded'],
  actions: ['ActionProposed', 'ActionAgreed', 'ActionStarted', 'EvidenceAttached', 'ProgressUpdated'],
  challenges: ['ChallengeRaised', 'ChallengeAcknowledged', 'ChallengeResponded'],
};
const COLLECTIONS = Object.keys(EXPECTED) as Collection[];

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(120_000);

describe('item history', () => {
  let app: LedgerTestApp;
  let ours: Seed;
  let theirs: Seed;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
    ours = await seedPartnership(app, 'Eastmoor Safeguarding Children Partnership');
    theirs = await seedPartnership(app, 'Southfen Safeguarding Children Partnership');
    await grow(ours, 'Eastmoor');
    await grow(theirs, 'SOUTHFEN-ONLY');
  });
  afterAll(async () => {
    await app.close();
  });

  async function post(auth: Auth, path: string, body: object) {
    const response = await app.http().post(`/api/v1${path}`).set(auth).send(body);
    if (![200, 201].includes(response.status)) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  }

  /** Adds a response, a progress update and challenge steps, with text marked by `mark`. */
  async function grow(seed: Seed, mark: string) {
    const p = `/partnerships/${seed.partnershipId}`;
    await post(seed.admin, `${p}/recommendations/${seed.recommendationId}/responses`, { decision: 'accepted' });
    await post(seed.admin, `${p}/actions/${seed.actionId}/progress-updates`, { narrative: `${mark} progress narrative`, rag: 'green' });
    await post(seed.admin, `${p}/challenges/${seed.challengeId}/acknowledge`, {});
    await post(seed.admin, `${p}/challenges/${seed.challengeId}/respond`, { response: `${mark} response to the board` });
  }

  const get = (seed: Seed, path: string) => app.http().get(`/api/v1/partnerships/${seed.partnershipId}${path}`).set(seed.admin);

  describe.each(COLLECTIONS)('GET /%s/{id}/history', (collection) => {
    it('answers 200 with every event in version order', async () => {
      const id = idIn(ours, collection);
      const response = await get(ours, `/${collection}/${id}/history`).expect(200);
      const items = response.body.items as {
        type: string;
        version: number;
        position: string;
        recordedAt: string;
        actor: { userId: string };
      }[];
      expect(response.body.id).toBe(id);
      expect(items.map((event) => event.type)).toEqual(EXPECTED[collection]);
      expect(items.map((event) => event.version)).toEqual(items.map((_, index) => index + 1));
      for (const event of items)
        expect(event).toMatchObject({ position: expect.stringMatching(/^\d+:\d+$/), actor: { userId: 'partnership-admin@example.org' } });
      const recorded = items.map((event) => Date.parse(event.recordedAt));
      expect(recorded).toEqual([...recorded].sort((a, b) => a - b));
      const item = await get(ours, `/${collection}/${id}`).expect(200);
      expect(item.body.version).toBe(items.length);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      const unknown = randomUUID();
      const response = await get(ours, `/${collection}/${unknown}/history`);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 404, code: 'not-found', type: expect.any(String), title: expect.any(String) });
      expect(response.body.items).toBeUndefined();
    });

    it('answers 404 for another partnership’s id, with none of its data', async () => {
      const foreign = idIn(theirs, collection);
      for (const path of [`/${collection}/${foreign}/history`, `/${collection}/${foreign}`]) {
        const response = await get(ours, path);
        expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 404, code: 'not-found' });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Object.keys(response.body).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
        const text = JSON.stringify(response.body);
        for (const secret of [theirs.partnershipId, theirs.agencyId, theirs.otherAgencyId, 'SOUTHFEN', 'Southfen'])
          expect(text).not.toContain(secret);
      }
    });

    it('answers 404 when asking under a partnership the caller may not act in', async () => {
      const response = await app
        .http()
        .get(`/api/v1/partnerships/${theirs.partnershipId}/${collection}/${idIn(theirs, collection)}/history`)
        .set(ours.admin);
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('SOUTHFEN');
      expect(response.body.items).toBeUndefined();
    });
  });
});
