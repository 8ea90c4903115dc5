import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/** A conditional command on one item, and where to read that item back. */
interface Conditional {
  readonly item: string;
  readonly command: string;
  readonly body: object;
}

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(120_000);

describe('conditional requests (If-Match / ETag)', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const base = () => `/api/v1/partnerships/${seed.partnershipId}`;
  const read = (path: string) => app.http().get(path).set(seed.admin).expect(200);
  const send = (target: Conditional, ifMatch?: string) => {
    const request = app.http().post(`${target.item}/${target.command}`).set(seed.admin);
    return (ifMatch === undefined ? request : request.set('If-Match', ifMatch)).send(target.body);
  };

  async function freshAction(): Promise<string> {
    const response = await app
      .http()
      .post(`${base()}/actions`)
      .set(seed.admin)
      .send({
        recommendationIds: [seed.recommendationId],
        description: 'Conditional action.',
        leadAgencyId: seed.agencyId,
        targetDate: '2027-06-30',
        successMeasure: 'Done.',
      })
      .expect(201);
    return response.body.id as string;
  }

  async function freshChallenge(): Promise<string> {
    const response = await app
      .http()
      .post(`${base()}/challenges`)
      .set(seed.admin)
      .send({
        toAgencyId: seed.otherAgencyId,
        subject: 'Conditional challenge',
        detail: 'Please assure the board.',
        responseDueDate: '2027-02-28',
      })
      .expect(201);
    return response.body.id as string;
  }

  it('answers GET items with an ETag equal to their version', async () => {
    for (const path of [
      `actions/${seed.actionId}`,
      `recommendations/${seed.recommendationId}`,
      `sources/${seed.sourceId}`,
      `challenges/${seed.challengeId}`,
    ]) {
      const response = await read(`${base()}/${path}`);
      expect(response.body.version).toEqual(expect.any(Number));
      expect({ path, etag: response.headers['etag'] }).toEqual({ path, etag: `"${response.body.version}"` });
    }
  });

  const targets: [string, () => Promise<Conditional>][] = [
    [
      'an action progress update',
      async () => ({
        item: `${base()}/actions/${seed.actionId}`,
        command: 'progress-updates',
        body: { narrative: 'Conditional update.', rag: 'green' },
      }),
    ],
    [
      'an action lifecycle command (agree)',
      async () => ({ item: `${base()}/actions/${await freshAction()}`, command: 'agree', body: { forum: 'Board' } }),
    ],
    [
      'a challenge command (acknowledge)',
      async () => ({ item: `${base()}/challenges/${await freshChallenge()}`, command: 'acknowledge', body: {} }),
    ],
  ];

  describe.each(targets)('on %s', (_name, prepare) => {
    let target: Conditional;
    beforeEach(async () => {
      target = await prepare();
    });

    it('succeeds with If-Match naming the current version (the ETag sent back)', async () => {
      const before = await read(target.item);
      const response = await send(target, before.headers['etag']);
      expect([200, 201]).toContain(response.status);
      expect(response.body.version).toBe(before.body.version + 1);
      const after = await read(target.item);
      expect(after.headers['etag']).toBe(`"${before.body.version + 1}"`);
    });

    it('refuses a stale version with 412 version-mismatch and writes nothing', async () => {
      const { body } = await read(target.item);
      const events = await app.eventCount();
      for (const stale of [`"${body.version - 1}"`, `"${body.version + 1}"`]) {
        const response = await send(target, stale);
        expect({ stale, status: response.status, code: response.body.code }).toEqual({ stale, status: 412, code: 'version-mismatch' });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(await app.eventCount()).toBe(events);
      expect((await read(target.item)).body.version).toBe(body.version);
    });

    it('refuses a malformed If-Match with 400 naming the header, and writes nothing', async () => {
      const events = await app.eventCount();
      for (const malformed of ['"abc"', 'version 3', '"-1"', '*x', '"3", "4"']) {
        const response = await send(target, malformed);
        expect({ malformed, status: response.status }).toEqual({ malformed, status: 400 });
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
      }
      expect(await app.eventCount()).toBe(events);
    });
  });

  it('lets only one of two writers holding the same ETag through', async () => {
    const item = `${base()}/actions/${seed.actionId}`;
    const etag = (await read(item)).headers['etag'] as string;
    const update = (narrative: string) =>
      app.http().post(`${item}/progress-updates`).set(seed.admin).set('If-Match', etag).send({ narrative, rag: 'amber' });
    const first = await update('First writer.');
    const second = await update('Second writer, same ETag.');
    expect(first.status).toBe(201);
    expect(second.status).toBe(412);
    expect(second.body.code).toBe('version-mismatch');
  });
});
