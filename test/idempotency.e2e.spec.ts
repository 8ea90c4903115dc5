import { randomUUID } from 'node:crypto';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

type Auth = { Authorization: string };

/** One kind of POST under test: where it goes, a body, another body, and what it answers. */
interface Target {
  readonly path: string;
  readonly body: object;
  readonly otherBody: object;
  readonly status: number;
}

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(120_000);

describe('Idempotency-Key on POST', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  let other: Auth;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
    other = await app.bearer({ sub: 'other-admin@example.org', roles: ['partnership-admin'], partnerships: [seed.partnershipId] });
  });
  afterAll(async () => {
    await app.close();
  });

  const base = () => `/api/v1/partnerships/${seed.partnershipId}`;
  const post = (auth: Auth, path: string, body: object, key: string) =>
    app.http().post(path).set(auth).set('Idempotency-Key', key).send(body);
  const actionBody = (description: string) => ({
    recommendationIds: [seed.recommendationId],
    description,
    leadAgencyId: seed.agencyId,
    targetDate: '2027-09-30',
    successMeasure: 'Audit shows the change in practice.',
  });
  async function proposedAction(): Promise<string> {
    const response = await app.http().post(`${base()}/actions`).set(seed.admin).send(actionBody('An action to agree.')).expect(201);
    return response.body.id as string;
  }
  const history = async (aid: string) =>
    (await app.http().get(`${base()}/actions/${aid}/history`).set(seed.admin).expect(200)).body.items as { type: string }[];

  const targets: [string, () => Promise<Target>][] = [
    [
      'a create (POST /actions)',
      async () => ({
        path: `${base()}/actions`,
        body: actionBody('Train frontline staff.'),
        otherBody: actionBody('Train managers.'),
        status: 201,
      }),
    ],
    [
      'a lifecycle command (agree)',
      async () => ({
        path: `${base()}/actions/${await proposedAction()}/agree`,
        body: { forum: 'Board 2025-10-01' },
        otherBody: { forum: 'Subgroup 2025-10-02' },
        status: 200,
      }),
    ],
    [
      'a sub-resource (progress-updates)',
      async () => ({
        path: `${base()}/actions/${seed.actionId}/progress-updates`,
        body: { narrative: 'On track.', rag: 'green' },
        otherBody: { narrative: 'Behind.', rag: 'red' },
        status: 201,
      }),
    ],
  ];

  describe.each(targets)('for %s', (_name, prepare) => {
    let target: Target;
    let key: string;
    beforeEach(async () => {
      target = await prepare();
      key = `retry-${randomUUID()}`;
    });

    it('answers a retry with the first response and writes one set of events', async () => {
      const before = await app.eventCount();
      const first = await post(seed.admin, target.path, target.body, key);
      expect(first.status).toBe(target.status);
      expect(await app.eventCount()).toBe(before + 1);
      const retry = await post(seed.admin, target.path, target.body, key);
      expect(retry.status).toBe(first.status);
      expect(retry.body).toEqual(first.body);
      expect(await app.eventCount()).toBe(before + 1);
      const events = await history(first.body.id);
      expect(events).toHaveLength(first.body.version);
    });

    it('refuses the same key with another body (422 idempotency-key-reused) and writes nothing', async () => {
      const first = await post(seed.admin, target.path, target.body, key);
      expect(first.status).toBe(target.status);
      const before = await app.eventCount();
      const reused = await post(seed.admin, target.path, target.otherBody, key);
      expect(reused.status).toBe(422);
      expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reused.body.code).toBe('idempotency-key-reused');
      expect(await app.eventCount()).toBe(before);
    });

    it('treats the same key from another user as a different request', async () => {
      const first = await post(seed.admin, target.path, target.body, key);
      expect(first.status).toBe(target.status);
      const before = await app.eventCount();
      const theirs = await post(other, target.path, target.body, key);
      if (target.path.endsWith('/agree')) {
        // Not a replay of the first user's answer: their own agree meets an agreed action.
        expect(theirs.status).toBe(409);
        expect(theirs.body.code).toBe('illegal-transition');
        expect(await app.eventCount()).toBe(before);
      } else {
        expect(theirs.status).toBe(target.status);
        expect(theirs.body).not.toEqual(first.body);
        expect(await app.eventCount()).toBe(before + 1);
      }
    });

    // A try that reads the stream after the first try committed is refused by the new state
    // ("already agreed"); the executor then finds the first try's events by key and replays them.
    it('writes one event for 10 concurrent requests with one key, all answered alike', async () => {
      const before = await app.eventCount();
      const responses = await Promise.all(Array.from({ length: 10 }, () => post(seed.admin, target.path, target.body, key)));
      const outcomes = responses.map((response) =>
        response.status === target.status ? response.status : `${response.status} ${response.body.code}`,
      );
      expect(outcomes).toEqual(Array(10).fill(target.status));
      const answers = new Set(responses.map((response) => JSON.stringify({ id: response.body.id, version: response.body.version })));
      expect(answers.size).toBe(1);
      expect(await app.eventCount()).toBe(before + 1);
    });
  });
});
