import type { Response } from 'supertest';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';
import { runForget } from '../apps/cli/src/commands/forget.command';

/**
 * Personal data that can be forgotten (ADR 0013): people are referenced by id and stored as
 * ciphertext under their own key; forgetting destroys the key and every view shows `[erased]`;
 * redaction withdraws a field's text from every view; PII-looking input is warned about. The
 * event rows never change and the hash chain still verifies. All values are synthetic.
 */

jest.setTimeout(180_000);

type Auth = { Authorization: string };
type Body = Record<string, unknown>;

describe('people, forgetting, redaction and screening', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  let other: Seed;
  let base: string;

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
    other = await seedPartnership(app, 'Southfen Safeguarding Children Partnership');
    base = `/api/v1/partnerships/${seed.partnershipId}`;
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async (path: string, auth: Auth = seed.admin, query: Record<string, string> = {}): Promise<Response> => {
    const response = await app.http().get(`${base}${path}`).query(query).set(auth);
    if (response.status !== 200) throw new Error(`GET ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };
  const post = (path: string, body: object, auth: Auth = seed.admin) => app.http().post(`${base}${path}`).set(auth).send(body);
  /** Each view fetched, with its label. */
  const fetchAll = async (views: readonly (readonly [string, Record<string, string>?])[]) =>
    Promise.all(
      views.map(async ([path, query]) => ({
        url: `${path} ${JSON.stringify(query ?? {})}`,
        response: await get(path, seed.admin, query ?? {}),
      })),
    );
  const text = (response: Response) =>
    typeof response.body === 'object' && Object.keys(response.body as object).length ? JSON.stringify(response.body) : response.text;

  /** Every row of the events table as text, in order: the bytes a forget or a redaction must not change. */
  async function eventRows(): Promise<string[]> {
    const { rows } = await app.db.pool.query<{ row: string }>('SELECT row_to_json(e)::text AS row FROM events e ORDER BY global_position');
    return rows.map((r) => r.row);
  }

  async function integrityOk(): Promise<Body> {
    // The in-process sealer links new events shortly after commit; poll until it has.
    for (let attempt = 0; attempt < 100; attempt++) {
      const report = (await get('/integrity')).body as Body;
      if (report['unsealed'] === 0) return report;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the sealer never caught up');
  }

  async function proposeAction(body: Body): Promise<Response> {
    return post('/actions', {
      recommendationIds: [seed.recommendationId],
      leadAgencyId: seed.agencyId,
      targetDate: '2027-06-30',
      successMeasure: 'Audit shows the change.',
      ...body,
    });
  }

  describe('the registry and forgetting', () => {
    let samId: string;
    let actionId: string;
    const SECRETS = ['Sam Example', 'sam.example@example.org', '020 7946 0991'];

    it('registers a person with only ciphertext in the log, and reads them decrypted', async () => {
      const created = await post('/people', {
        name: 'Sam Example',
        email: 'sam.example@example.org',
        phone: '020 7946 0991',
        role: 'Designated nurse',
      });
      expect(created.status).toBe(201);
      samId = (created.body as { id: string }).id;
      const { rows } = await app.db.pool.query<{ data: string }>('SELECT data::text FROM events WHERE stream_id = $1', [`person-${samId}`]);
      for (const secret of SECRETS) expect(rows[0]!.data).not.toContain(secret);
      expect((await get(`/people/${samId}`)).body).toEqual({
        id: samId,
        erased: false,
        name: 'Sam Example',
        email: 'sam.example@example.org',
        phone: '020 7946 0991',
        role: 'Designated nurse',
        agencyId: null,
      });
      const listed = (await get('/people')).body as { items: Body[] };
      expect(listed.items.map((person) => person['name'])).toEqual(['Pat Example', 'Sam Example']);
    });

    it('registers once under a retried Idempotency-Key: same id, one event, one key', async () => {
      const send = () => post('/people', { name: 'Robin Example' }).set('Idempotency-Key', 'register-robin');
      const first = await send();
      const retry = await send();
      expect(retry.body).toEqual(first.body);
      const id = (first.body as { id: string }).id;
      const events = await app.db.pool.query('SELECT 1 FROM events WHERE stream_id = $1', [`person-${id}`]);
      const keys = await app.db.pool.query('SELECT 1 FROM person_keys WHERE person_id = $1', [id]);
      expect([events.rowCount, keys.rowCount]).toEqual([1, 1]);
      expect((await get(`/people/${id}`)).body).toMatchObject({ name: 'Robin Example', erased: false });
    });

    it('resolves an action owner that is a person', async () => {
      const proposed = await proposeAction({ description: 'Relaunch the escalation protocol.', owner: samId });
      expect(proposed.status).toBe(201);
      actionId = (proposed.body as { id: string }).id;
      expect((await get(`/actions/${actionId}`)).body).toMatchObject({
        owner: samId,
        ownerPerson: { id: samId, name: 'Sam Example', erased: false },
      });
    });

    it('forgets: every view, export and history shows [erased]; no event row changed; the chain verifies', async () => {
      const before = await eventRows();
      const asOfBefore = new Date().toISOString();
      const forgotten = await post(`/people/${samId}/forget`, { reason: 'Left the partnership and asked to be forgotten.' });
      expect(forgotten.status).toBe(200);

      const after = await eventRows();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length).map((row) => (JSON.parse(row) as { event_type: string }).event_type)).toEqual(['PersonForgotten']);
      for (const secret of SECRETS) expect(after.join('\n')).not.toContain(secret);

      expect((await get(`/people/${samId}`)).body).toEqual({ id: samId, erased: true, name: '[erased]', agencyId: null });
      const views = await fetchAll([
        ['/people'],
        [`/people/${samId}`],
        [`/people/${samId}/history`],
        [`/actions/${actionId}`],
        ['/actions'],
        ['/action-plan'],
        [`/actions/${actionId}/history`],
        ['/timeline', { limit: '500' }],
        ['/actions', { asOf: asOfBefore }],
        [`/actions/${actionId}`, { asOf: asOfBefore }],
        ['/lineage', { actionId }],
        ['/exports/action-plan.csv'],
      ]);
      for (const { url, response } of views) {
        const body = text(response);
        expect({ url, leaks: SECRETS.filter((secret) => body.includes(secret)), ciphertext: body.includes('ciphertext') }).toEqual({
          url,
          leaks: [],
          ciphertext: false,
        });
      }
      expect((await get(`/actions/${actionId}`)).body).toMatchObject({ ownerPerson: { id: samId, name: '[erased]', erased: true } });
      const csv = text(views.find((view) => view.url.startsWith('/exports/'))!.response);
      expect(csv).toContain('[erased]');
      expect(csv).not.toContain(samId);
      const timeline = (views.find((view) => view.url.startsWith('/timeline'))!.response.body as { items: { type: string; data: Body }[] })
        .items;
      expect(timeline.filter((entry) => entry.data['personId'] === samId).map((entry) => [entry.type, entry.data['name'] ?? null])).toEqual(
        [
          ['PersonRegistered', '[erased]'],
          ['PersonForgotten', null],
        ],
      );
      const history = (await get(`/people/${samId}/history`)).body as { items: { type: string; data: Body }[] };
      expect(history.items.map((item) => [item.type, item.data['personId'], item.data['name'] ?? null])).toEqual([
        ['PersonRegistered', samId, '[erased]'],
        ['PersonForgotten', samId, null],
      ]);
      expect((await integrityOk())['ok'] as boolean).toBe(true);
    });

    it('refuses to forget twice (409), and forgetting needs a reason (400)', async () => {
      const again = await post(`/people/${samId}/forget`, { reason: 'Again.' });
      expect({ status: again.status, code: (again.body as Body)['code'] }).toEqual({ status: 409, code: 'person-already-forgotten' });
      const noReason = await post(`/people/${seed.personId}/forget`, {});
      expect(noReason.status).toBe(400);
    });

    it('`ledger forget <personId> --reason` forgets from the command line', async () => {
      const created = await post('/people', { name: 'Alex Example' });
      const alexId = (created.body as { id: string }).id;
      const saved = { url: process.env.DATABASE_URL, log: console.log };
      const lines: string[] = [];
      process.env.DATABASE_URL = app.db.url;
      console.log = (line: string) => lines.push(line);
      try {
        await runForget(alexId, { reason: 'Asked to be forgotten (ticket DP-12).' });
      } finally {
        process.env.DATABASE_URL = saved.url;
        console.log = saved.log;
      }
      expect(lines.join('\n')).toMatch(/PersonForgotten recorded .* key destroyed now/);
      expect((await get(`/people/${alexId}`)).body).toMatchObject({ erased: true, name: '[erased]' });
      expect((await integrityOk())['ok'] as boolean).toBe(true);
    });
  });

  describe('redaction', () => {
    const ORIGINAL = 'Weekly visits by Pat Example to the family home were missed.';
    let actionId: string;
    let eventId: string;

    it('redacts a field: every view shows [redacted] with redacted: true; the event row is unchanged', async () => {
      const proposed = await proposeAction({ description: ORIGINAL });
      actionId = (proposed.body as { id: string }).id;
      await post(`/actions/${actionId}/agree`, { forum: 'Learning and Improvement subgroup' }).expect(200);
      const history = (await get(`/actions/${actionId}/history`)).body as { items: { type: string; eventId: string }[] };
      eventId = history.items.find((item) => item.type === 'ActionProposed')!.eventId;
      const asOfBefore = new Date().toISOString();
      const before = await eventRows();

      const redacted = await post('/redactions', {
        itemKind: 'action',
        itemId: actionId,
        eventId,
        field: 'description',
        reason: 'Named a member of staff.',
      });
      expect(redacted.status).toBe(201);

      const after = await eventRows();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length).map((row) => (JSON.parse(row) as { event_type: string }).event_type)).toEqual(['FieldRedacted']);

      expect((await get(`/actions/${actionId}`)).body).toMatchObject({ description: '[redacted]', redacted: true });
      const entry = ((await get(`/actions/${actionId}/history`)).body as { items: { eventId: string; data: Body }[] }).items.find(
        (item) => item.eventId === eventId,
      )!;
      expect(entry.data).toMatchObject({ description: '[redacted]', redacted: true, redactedFields: ['description'] });
      const views = await fetchAll([
        ['/actions'],
        ['/action-plan'],
        ['/timeline', { limit: '500' }],
        ['/actions', { asOf: asOfBefore }],
        [`/actions/${actionId}`, { asOf: asOfBefore }],
        ['/lineage', { actionId }],
        ['/changes', { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString() }],
        ['/exports/action-plan.csv'],
      ]);
      for (const { url, response } of views) expect({ url, leaks: text(response).includes(ORIGINAL) }).toEqual({ url, leaks: false });
      expect(text(views.find((view) => view.url.startsWith('/exports/'))!.response)).toContain('[redacted]');
      const plan = (views.find((view) => view.url.startsWith('/action-plan'))!.response.body as { rows: Body[] }).rows;
      expect(plan.find((row) => JSON.stringify(row).includes(actionId))).toMatchObject({
        action: { description: '[redacted]', redacted: true },
      });
      const listing = (await get('/redactions')).body as { items: Body[] };
      expect(listing.items).toEqual([expect.objectContaining({ eventId, field: 'description', reason: 'Named a member of staff.' })]);
      expect(JSON.stringify(listing)).not.toContain(ORIGINAL);
      expect((await integrityOk())['ok'] as boolean).toBe(true);
    });

    it('refuses to redact twice (409), a field that is not text (422), the wrong item (422) and another partnership’s event (404)', async () => {
      const cases: [object, number, string][] = [
        [{ eventId, field: 'description', reason: 'Again.' }, 409, 'field-already-redacted'],
        [{ eventId, field: 'targetDate', reason: 'A date.' }, 422, 'field-not-redactable'],
        [
          { itemKind: 'challenge', itemId: seed.challengeId, eventId, field: 'successMeasure', reason: 'Wrong item.' },
          422,
          'event-not-in-item',
        ],
      ];
      for (const [body, status, code] of cases) {
        const before = await app.eventCount();
        const response = await post('/redactions', body);
        expect({ status: response.status, code: (response.body as Body)['code'] }).toEqual({ status, code });
        expect(await app.eventCount()).toBe(before);
      }
      const foreign = await app
        .http()
        .post(`/api/v1/partnerships/${other.partnershipId}/redactions`)
        .set(other.admin)
        .send({ eventId, field: 'description', reason: 'Not ours.' });
      expect({ status: foreign.status, code: (foreign.body as Body)['code'] }).toEqual({ status: 404, code: 'not-found' });
    });
  });

  describe('screening free text for personal data about children', () => {
    it('warns, naming field and kind, and still records the command', async () => {
      const progress = await post(`/actions/${seed.actionId}/progress-updates`, {
        narrative: 'Case 999 007 9196 discussed at panel.',
        rag: 'amber',
      });
      expect(progress.status).toBe(201);
      expect((progress.body as Body)['warnings']).toEqual([{ field: 'narrative', kind: 'nhs-number', message: expect.any(String) }]);
      const challenge = await post('/challenges', {
        toAgencyId: seed.agencyId,
        subject: 'Attendance',
        detail: 'The child (DOB 01/02/2015) living at 12 Acacia Avenue was not seen.',
        responseDueDate: '2027-01-31',
      });
      expect(challenge.status).toBe(201);
      expect(((challenge.body as Body)['warnings'] as Body[]).map((w) => [w['field'], w['kind']])).toEqual([
        ['detail', 'date-of-birth'],
        ['detail', 'address'],
      ]);
      expect(JSON.stringify(challenge.body)).not.toContain('Acacia');
    });

    it('answers plain { id, version, position } for ordinary text', async () => {
      const progress = await post(`/actions/${seed.actionId}/progress-updates`, {
        narrative: 'Protocol signed off by all partners.',
        rag: 'green',
      });
      expect(Object.keys(progress.body as Body).sort()).toEqual(['id', 'position', 'version']);
    });
  });

  describe('tenancy and roles of the new routes', () => {
    it('hides one partnership’s people from another (404, nothing disclosed)', async () => {
      const theirs = await app.http().get(`${base}/people/${seed.personId}`).set(other.admin);
      expect(theirs.status).toBe(404);
      const named = await app.http().get(`/api/v1/partnerships/${other.partnershipId}/people/${seed.personId}`).set(other.admin);
      expect({ status: named.status, leaks: JSON.stringify(named.body).includes('Pat Example') }).toEqual({ status: 404, leaks: false });
      const forget = await app
        .http()
        .post(`/api/v1/partnerships/${other.partnershipId}/people/${seed.personId}/forget`)
        .set(other.admin)
        .send({ reason: 'Not ours.' });
      expect(forget.status).toBe(404);
      expect((await get(`/people/${seed.personId}`)).body).toMatchObject({ erased: false, name: 'Pat Example' });
    });

    it.each(['auditor', 'analyst', 'agency-lead', 'board-member'] as const)(
      'refuses %s the people and redaction commands (403), nothing written',
      async (role) => {
        const auth = await app.bearer({ roles: [role], partnerships: [seed.partnershipId], agency: seed.agencyId });
        const before = await app.eventCount();
        for (const [path, body] of [
          ['/people', { name: 'Kim Example' }],
          [`/people/${seed.personId}/forget`, { reason: 'No.' }],
          ['/redactions', { eventId: seed.actionId, field: 'description', reason: 'No.' }],
        ] as const) {
          const response = await post(path, body, auth);
          expect({ path, status: response.status }).toEqual({ path, status: 403 });
        }
        expect(await app.eventCount()).toBe(before);
        expect((await get('/people', auth)).status).toBe(200);
      },
    );
  });
});
