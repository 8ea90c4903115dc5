import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/**
 * Time travel (issue 3 items 1, 2, 4): every list and item query at `asOf` (record time) and
 * `validAt` (business time), `/changes` between two instants and `/timeline` with cursor and
 * states. The partnership is built through the API with back-dated commands; the instants between
 * commands are read back from the server (history and timeline `recordedAt`).
 */

type Auth = { Authorization: string };
type Body = Record<string, unknown>;
const DAY_MS = 86_400_000;
const START = Date.now();
/** Business time `n` days before the test started. */
const daysAgo = (n: number) => new Date(START - n * DAY_MS).toISOString();
const dateDaysAgo = (n: number) => daysAgo(n).slice(0, 10);

const SUBGROUP = 'Learning and Improvement subgroup';
const AGREED_WHY = 'Agreed at the subgroup; entered from its minutes';
const RED_WHY = 'From the subgroup minutes of last month';
const RED_TEXT = 'Launch slipped: trainers unavailable';

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(120_000);

describe('time travel', () => {
  let app: LedgerTestApp;
  let admin: Auth;
  let theirs: Seed;
  let pid: string;
  const ids = { police: '', health: '', source: '', finding: '', recommendation: '', action: '', challenge: '' };
  /** Record times read back from the server right after each step. */
  const at = {
    police: '',
    source: '',
    finding: '',
    response: '',
    proposed: '',
    agreed: '',
    started: '',
    amber: '',
    red: '',
    raised: '',
    acknowledged: '',
  };

  async function post(auth: Auth, path: string, body: object): Promise<{ id: string; version: number }> {
    const response = await app.http().post(`/api/v1${path}`).set(auth).send(body);
    if (![200, 201].includes(response.status)) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number };
  }
  const p = (path = '') => `/partnerships/${pid}${path}`;
  const get = (path: string, query: Record<string, string> = {}, auth: Auth = admin) =>
    app.http().get(`/api/v1${path}`).query(query).set(auth);
  async function ok(path: string, query: Record<string, string> = {}): Promise<Body> {
    const response = await get(path, query);
    if (response.status !== 200)
      throw new Error(`GET ${path} ${JSON.stringify(query)} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }
  const items = async (path: string, query: Record<string, string> = {}) => (await ok(path, query))['items'] as Body[];
  /** When the item's latest event was recorded, from its history. */
  async function recordedNow(collection: string, id: string): Promise<string> {
    const history = await items(p(`/${collection}/${id}/history`));
    return history[history.length - 1]!['recordedAt'] as string;
  }

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    theirs = await seedPartnership(app, 'Southfen Safeguarding Children Partnership');
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const loaded = { occurredAt: daysAgo(100), reason: 'Loaded from the partnership constitution' };
    pid = (
      await post(platform, '/partnerships', {
        name: 'Eastmoor Safeguarding Children Partnership',
        localAuthorities: ['Eastmoor Council'],
        ...loaded,
      })
    ).id;
    admin = await app.bearer({ sub: 'business-manager@eastmoor.example', roles: ['partnership-admin'], partnerships: [pid] });
    ids.police = (await post(admin, p('/agencies'), { name: 'Eastmoor Constabulary', kind: 'police', ...loaded })).id;
    at.police = (await items(p('/timeline'), { types: 'AgencyAdded' }))[0]!['recordedAt'] as string;
    ids.health = (await post(admin, p('/agencies'), { name: 'Eastmoor ICB', kind: 'health', ...loaded })).id;

    ids.source = (
      await post(admin, p('/sources'), {
        kind: 'rapid-review',
        title: 'Rapid review RR-2025-04',
        occurredAt: daysAgo(40),
        reason: 'Entered from the panel minutes',
      })
    ).id;
    at.source = await recordedNow('sources', ids.source);
    ids.finding = (
      await post(admin, p(`/sources/${ids.source}/findings`), {
        summary: 'Concerns were not escalated.',
        themes: ['escalation'],
        enablers: ['leadership-and-challenge'],
      })
    ).id;
    at.finding = await recordedNow('sources', ids.source);
    ids.recommendation = (
      await post(admin, p('/recommendations'), {
        sourceId: ids.source,
        findingIds: [ids.finding],
        text: 'Partners should adopt a shared escalation policy.',
        addresseeAgencyIds: [ids.police],
        scope: 'local',
        occurredAt: daysAgo(36),
        reason: 'Made at the panel',
      })
    ).id;
    await post(admin, p(`/recommendations/${ids.recommendation}/responses`), { decision: 'accepted' });
    at.response = await recordedNow('recommendations', ids.recommendation);

    ids.action = (
      await post(admin, p('/actions'), {
        recommendationIds: [ids.recommendation],
        description: 'Write and launch a shared escalation policy.',
        leadAgencyId: ids.police,
        targetDate: dateDaysAgo(10),
        successMeasure: 'Audit shows escalation used in 8 of 10 relevant cases.',
        occurredAt: daysAgo(32),
        reason: 'Loaded from the action plan',
      })
    ).id;
    at.proposed = await recordedNow('actions', ids.action);
    await post(admin, p(`/actions/${ids.action}/agree`), { forum: SUBGROUP, occurredAt: daysAgo(30), reason: AGREED_WHY });
    at.agreed = await recordedNow('actions', ids.action);
    await post(admin, p(`/actions/${ids.action}/start`), { occurredAt: daysAgo(25), reason: 'Started when the policy lead was appointed' });
    at.started = await recordedNow('actions', ids.action);
    await post(admin, p(`/actions/${ids.action}/progress-updates`), { narrative: 'Draft policy circulated', rag: 'amber' });
    at.amber = await recordedNow('actions', ids.action);
    await post(admin, p(`/actions/${ids.action}/progress-updates`), {
      narrative: RED_TEXT,
      rag: 'red',
      occurredAt: daysAgo(20),
      reason: RED_WHY,
    });
    at.red = await recordedNow('actions', ids.action);

    ids.challenge = (
      await post(admin, p('/challenges'), {
        toAgencyId: ids.health,
        subject: 'Health attendance at strategy discussions',
        detail: 'The board asks for attendance figures.',
        responseDueDate: dateDaysAgo(12),
        occurredAt: daysAgo(20),
        reason: 'Raised at the board; entered late',
      })
    ).id;
    at.raised = await recordedNow('challenges', ids.challenge);
    await post(admin, p(`/challenges/${ids.challenge}/acknowledge`), {});
    at.acknowledged = await recordedNow('challenges', ids.challenge);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('asOf (record time) on every list and item query', () => {
    it('shows nothing of an item before it was recorded, and 404 for it', async () => {
      const before = { asOf: at.police };
      for (const list of ['/actions', '/recommendations', '/sources', '/challenges'])
        expect({ list, items: await items(p(list), before) }).toEqual({ list, items: [] });
      expect((await ok(p('/action-plan'), before))['rows']).toEqual([]);
      for (const [collection, id] of [
        ['actions', ids.action],
        ['recommendations', ids.recommendation],
        ['sources', ids.source],
        ['challenges', ids.challenge],
      ] as const) {
        const response = await get(p(`/${collection}/${id}`), before);
        expect({ collection, status: response.status, code: response.body.code }).toEqual({ collection, status: 404, code: 'not-found' });
      }
    });

    it('answers the partnership, its agencies and the partnerships list as they were', async () => {
      expect(((await ok(p(), { asOf: at.police }))['agencies'] as Body[]).map((agency) => agency['name'])).toEqual([
        'Eastmoor Constabulary',
      ]);
      expect(((await ok(p()))['agencies'] as Body[]).map((agency) => agency['name'])).toEqual(['Eastmoor Constabulary', 'Eastmoor ICB']);
      expect(await ok(p('/agencies'), { asOf: at.police })).toMatchObject({
        asOf: at.police,
        validAt: null,
        items: [{ id: ids.police, name: 'Eastmoor Constabulary', kind: 'police' }],
      });
      expect((await items('/partnerships', { asOf: at.police })).map((item) => [item['id'], (item['agencies'] as Body[]).length])).toEqual([
        [pid, 1],
      ]);
      expect(await items('/partnerships', { validAt: daysAgo(101) })).toEqual([]);
    });

    it('answers sources as recorded: the finding only from when it was recorded', async () => {
      expect(await items(p('/sources'), { asOf: at.source })).toEqual([
        expect.objectContaining({ id: ids.source, findingCount: 0, backdated: true, backdatedEvents: 1 }),
      ]);
      expect(await ok(p(`/sources/${ids.source}`), { asOf: at.finding })).toMatchObject({
        findingIds: [ids.finding],
        version: 2,
        asOf: at.finding,
      });
      expect(await items(p('/sources'), { asOf: at.finding, status: 'closed' })).toEqual([]);
    });

    it('derives a recommendation’s status from the actions linked then', async () => {
      expect(await items(p('/recommendations'), { asOf: at.response })).toEqual([
        expect.objectContaining({ id: ids.recommendation, status: 'responded', actionIds: [] }),
      ]);
      expect(await ok(p(`/recommendations/${ids.recommendation}`), { asOf: at.proposed })).toMatchObject({
        status: 'in-delivery',
        actionIds: [ids.action],
      });
      expect(await items(p('/recommendations'), { asOf: at.response, status: 'in-delivery' })).toEqual([]);
    });

    it('steps an action and its plan row through its states, filters included', async () => {
      expect(await ok(p(`/actions/${ids.action}`), { asOf: at.proposed })).toMatchObject({ status: 'proposed', version: 1 });
      expect(await ok(p(`/actions/${ids.action}`), { asOf: at.agreed })).toMatchObject({
        status: 'agreed',
        agreedAt: daysAgo(30),
        verifyingForum: null,
      });
      expect((await items(p('/actions'), { asOf: at.agreed, status: 'agreed' })).map((item) => item['id'])).toEqual([ids.action]);
      expect(await items(p('/actions'), { asOf: at.started, status: 'agreed' })).toEqual([]);
      expect(await items(p('/actions'), { asOf: at.agreed, agencyId: ids.health })).toEqual([]);
      const plan = await ok(p('/action-plan'), { asOf: at.agreed });
      expect(plan).toMatchObject({ asOf: at.agreed, validAt: null, generatedAt: expect.any(String) });
      expect(plan['rows']).toEqual([
        expect.objectContaining({
          status: 'agreed',
          source: { id: ids.source, kind: 'rapid-review', title: 'Rapid review RR-2025-04' },
          recommendation: expect.objectContaining({ id: ids.recommendation, number: '1' }),
          leadAgency: { id: ids.police, name: 'Eastmoor Constabulary' },
          backdated: true,
          backdatedEvents: 2,
        }),
      ]);
    });

    it('steps a challenge through raised and acknowledged', async () => {
      expect(await ok(p(`/challenges/${ids.challenge}`), { asOf: at.raised })).toMatchObject({ status: 'raised', backdatedEvents: 1 });
      expect((await items(p('/challenges'), { asOf: at.acknowledged })).map((item) => item['status'])).toEqual(['acknowledged']);
    });
  });

  describe('a back-dated event: validAt from its business time, asOf only from when it was recorded', () => {
    const action = (query: Record<string, string>) => ok(p(`/actions/${ids.action}`), query);

    it('is absent as of just before it was recorded, and present after, marked back-dated', async () => {
      expect(await action({ asOf: at.amber })).toMatchObject({ updateCount: 1, ownerRag: 'amber', backdatedEvents: 3 });
      // Recorded last, but the amber update is later in business time: amber stays the latest.
      expect(await action({ asOf: at.red })).toMatchObject({ updateCount: 2, ownerRag: 'amber', backdated: true, backdatedEvents: 4 });
    });

    it('is present valid at any instant after its business time, though recorded later', async () => {
      expect(await action({ validAt: daysAgo(22) })).toMatchObject({
        status: 'in-progress',
        updateCount: 0,
        ownerRag: null,
        validAt: daysAgo(22),
        asOf: null,
      });
      expect(await action({ validAt: daysAgo(18) })).toMatchObject({
        updateCount: 1,
        ownerRag: 'red',
        latestUpdate: expect.objectContaining({ narrative: RED_TEXT }),
      });
      expect(await action({ validAt: daysAgo(31) })).toMatchObject({ status: 'proposed' });
      expect((await get(p(`/actions/${ids.action}`), { validAt: daysAgo(33) })).status).toBe(404);
    });

    it('both: valid then as the ledger knew it at asOf', async () => {
      expect(await action({ asOf: at.amber, validAt: daysAgo(18) })).toMatchObject({
        status: 'in-progress',
        updateCount: 0,
        asOf: at.amber,
        validAt: daysAgo(18),
      });
      expect(await action({ asOf: at.red, validAt: daysAgo(18) })).toMatchObject({ updateCount: 1, ownerRag: 'red' });
    });

    it('judges derived values at the instant asked for', async () => {
      expect(await action({ validAt: daysAgo(15) })).toMatchObject({ overdue: false, timeliness: 'on-track' });
      expect(await action({})).toMatchObject({ overdue: true, timeliness: 'overdue' });
      expect(((await ok(p('/action-plan'), { validAt: daysAgo(15), overdue: 'true' }))['rows'] as Body[]).length).toBe(0);
      expect((await items(p('/challenges'), { validAt: daysAgo(15), overdue: 'false' })).map((item) => item['id'])).toEqual([
        ids.challenge,
      ]);
      expect((await items(p('/challenges'), { overdue: 'true' })).map((item) => item['id'])).toEqual([ids.challenge]);
    });

    it('answers at now exactly what the live queries answer', async () => {
      const now = new Date().toISOString();
      const marks = new Set(['backdated', 'backdatedEvents', 'asOf', 'validAt']);
      const strip = (value: Body) => Object.fromEntries(Object.entries(value).filter(([key]) => !marks.has(key)));
      for (const list of ['/actions', '/recommendations', '/sources', '/challenges']) {
        const live = await items(p(list));
        for (const query of [{ asOf: now }, { validAt: now }] as Record<string, string>[])
          expect({ list, query, items: (await items(p(list), query)).map(strip) }).toEqual({ list, query, items: live });
      }
      const liveRows = (await ok(p('/action-plan')))['rows'];
      expect(((await ok(p('/action-plan'), { asOf: now }))['rows'] as Body[]).map(strip)).toEqual(liveRows);
      expect(strip(await ok(p(`/actions/${ids.action}`), { asOf: now }))).toEqual(await ok(p(`/actions/${ids.action}`)));
    });
  });

  describe('/changes', () => {
    it('lists, per item, what changed, who, when, on whose authority and why', async () => {
      const body = await ok(p('/changes'), { from: at.proposed, to: at.agreed });
      expect(body).toMatchObject({ from: at.proposed, to: at.agreed, time: 'record' });
      expect(body['items']).toEqual([
        {
          collection: 'actions',
          id: ids.action,
          title: 'Write and launch a shared escalation policy.',
          before: { status: 'proposed', version: 1 },
          after: { status: 'agreed', version: 2 },
          changedFields: ['agreedAt', 'status'],
          events: [
            expect.objectContaining({
              type: 'ActionAgreed',
              version: 2,
              actor: expect.objectContaining({ userId: 'business-manager@eastmoor.example' }),
              forum: SUBGROUP,
              reason: AGREED_WHY,
              backdated: true,
              occurredAt: daysAgo(30),
              recordedAt: at.agreed,
            }),
          ],
        },
      ]);
    });

    it('groups several items, new ones with no state before', async () => {
      const body = await ok(p('/changes'), { from: at.started });
      const changed = body['items'] as { collection: string; before: unknown; events: Body[] }[];
      expect(changed.map((item) => [item.collection, item.events.map((event) => event['type'])])).toEqual([
        ['actions', ['ProgressUpdated', 'ProgressUpdated']],
        ['challenges', ['ChallengeRaised', 'ChallengeAcknowledged']],
      ]);
      expect(changed[1]!.before).toBeNull();
      expect(changed[0]!.events[1]).toMatchObject({ backdated: true, reason: RED_WHY });
    });

    it('in business time, lists what occurred between the instants as known now', async () => {
      const body = await ok(p('/changes'), { from: daysAgo(21), to: daysAgo(19), time: 'business' });
      expect(
        (body['items'] as { collection: string; events: Body[] }[]).map((item) => [
          item.collection,
          item.events.map((event) => event['type']),
        ]),
      ).toEqual([
        ['actions', ['ProgressUpdated']],
        ['challenges', ['ChallengeRaised']],
      ]);
    });

    it('refuses from after to, naming from', async () => {
      const response = await get(p('/changes'), { from: at.red, to: at.proposed });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
    });
  });

  describe('/timeline', () => {
    it('pages every event in commit order with an opaque cursor', async () => {
      const seen: Body[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const body: Body = await ok(p('/timeline'), { limit: '4', ...(cursor ? { cursor } : {}) });
        seen.push(...(body['items'] as Body[]));
        cursor = body['nextCursor'] as string | null;
        if (cursor !== null) expect(cursor).not.toMatch(/^\d+:\d+$/);
        pages++;
      } while (cursor !== null && pages < 20);
      const { rows } = await app.db.pool.query<{ count: string }>('SELECT count(*) FROM events WHERE partnership_id = $1', [pid]);
      expect(seen.length).toBe(Number(rows[0]!.count));
      expect(pages).toBe(Math.ceil(seen.length / 4));
      const order = seen.map((event) => (event['position'] as string).split(':').map(BigInt) as [bigint, bigint]);
      for (let i = 1; i < order.length; i++)
        expect(order[i]![0] > order[i - 1]![0] || (order[i]![0] === order[i - 1]![0] && order[i]![1] > order[i - 1]![1])).toBe(true);
      expect(seen[0]).toMatchObject({ type: 'PartnershipRegistered', collection: 'partnerships', itemId: pid, backdated: true });
    });

    it('filters by types and by record time', async () => {
      const types = await items(p('/timeline'), { types: 'ActionAgreed,ProgressUpdated' });
      expect(types.map((event) => [event['type'], event['forum'], event['backdated']])).toEqual([
        ['ActionAgreed', SUBGROUP, true],
        ['ProgressUpdated', null, false],
        ['ProgressUpdated', null, true],
      ]);
      const window = await items(p('/timeline'), { from: at.started, to: at.amber });
      expect(window.map((event) => event['type'])).toEqual(['ActionStarted', 'ProgressUpdated']);
    });

    it('with includeState, gives the item’s state after each event', async () => {
      const steps = await items(p('/timeline'), {
        types: 'ActionProposed,ActionAgreed,ActionStarted,ProgressUpdated',
        includeState: 'true',
      });
      expect(
        steps.map((step) => {
          const state = step['state'] as Body;
          return [step['type'], state['status'], state['updateCount'], state['version']];
        }),
      ).toEqual([
        ['ActionProposed', 'proposed', 0, 1],
        ['ActionAgreed', 'agreed', 0, 2],
        ['ActionStarted', 'in-progress', 0, 3],
        ['ProgressUpdated', 'in-progress', 1, 4],
        ['ProgressUpdated', 'in-progress', 2, 5],
      ]);
      expect((await items(p('/timeline'), { types: 'ActionAgreed' }))[0]!['state']).toBeUndefined();
    });

    it.each([
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ types: 'ActionAgreed,NoSuchEvent' }, 'types'],
      [{ limit: '0' }, 'limit'],
      [{ from: 'yesterday' }, 'from'],
    ])('refuses %j, naming %s', async (query, field) => {
      const response = await get(p('/timeline'), query);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    });
  });

  describe('bad instants', () => {
    it.each([
      ['/actions', { asOf: 'yesterday' }, 'asOf'],
      ['/action-plan', { asOf: '2026-02-30T00:00:00Z' }, 'asOf'],
      ['/sources', { validAt: '2026-01-01T00:00:00' }, 'validAt'],
      ['/recommendations', { asOf: '2026-01-01' }, 'asOf'],
      ['/challenges', { validAt: 'now' }, 'validAt'],
      ['', { asOf: '1' }, 'asOf'],
    ])('GET %s with %j is 400 naming %s', async (path, query, field) => {
      const response = await get(p(path), query);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'validation-failed', errors: [{ field, message: expect.stringContaining('ISO-8601') }] });
    });

    it('refuses a bad instant on an item query too', async () => {
      const response = await get(p(`/actions/${ids.action}`), { asOf: '2026-13-01T00:00:00Z' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    });
  });

  describe('another partnership', () => {
    const secrets = () => [
      theirs.partnershipId,
      theirs.actionId,
      theirs.sourceId,
      theirs.challengeId,
      theirs.recommendationId,
      'Southfen',
      'Northshire',
    ];

    it('never appears in our as-of lists, changes or timeline', async () => {
      const now = new Date().toISOString();
      for (const path of [
        '/actions',
        '/recommendations',
        '/sources',
        '/challenges',
        '/action-plan',
        '/agencies',
        '',
        '/changes',
        '/timeline',
      ]) {
        for (const query of [{ asOf: now }, { validAt: now }, {}] as Record<string, string>[]) {
          const text = JSON.stringify(await ok(p(path), path === '/changes' || path === '/timeline' ? {} : query));
          expect({ path, query, leaked: secrets().filter((secret) => text.includes(secret)) }).toEqual({ path, query, leaked: [] });
        }
      }
      expect((await items('/partnerships', { asOf: now })).map((item) => item['id'])).toEqual([pid]);
    });

    it('answers 404 for their items as of any instant, and for their partnership', async () => {
      const now = new Date().toISOString();
      for (const path of [
        `/actions/${theirs.actionId}`,
        `/sources/${theirs.sourceId}`,
        `/challenges/${theirs.challengeId}`,
        `/recommendations/${theirs.recommendationId}`,
      ]) {
        const response = await get(p(path), { asOf: now });
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
      for (const path of ['/timeline', '/changes', '/actions']) {
        const response = await get(`/partnerships/${theirs.partnershipId}${path}`, { asOf: now });
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    });
  });
});
