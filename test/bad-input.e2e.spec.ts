import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { COMMAND_CATALOGUE, pathParams, WRONG_VALUES, type CommandRoute, type PathParam } from './support/command-catalogue';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/** Anything that would show a stack trace or where the code lives. */
const INTERNALS = /\n\s+at |node_modules|\/work\/|\/apps\/|\/libs\/|\.[jt]s:\d+|stack|QueryFailedError|TypeError/i;

type Auth = { Authorization: string };

function fieldsOf(response: Response): string[] {
  return ((response.body as { errors?: { field: string }[] }).errors ?? []).map((error) => error.field);
}

/** problem+json with the RFC 9457 members and the stable code, and nothing internal. */
function expectProblem(response: Response, status: number, code: string | RegExp): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code: expect.stringMatching(code) });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  expect(JSON.stringify(response.body)).not.toMatch(INTERNALS);
}

// The e2e project's `testTimeout` in jest.config.js is not applied by Jest 30 (it reads the global one).
jest.setTimeout(120_000);

describe('bad input: every command route refuses it, names the field and writes nothing', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  let platform: Auth;

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
    platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
  });
  afterAll(async () => {
    await app.close();
  });

  const authFor = (route: CommandRoute, s: Seed = seed): Auth => (route.audience === 'platform' ? platform : s.admin);
  const post = (path: string, auth: Auth = seed.admin): Test => app.http().post(`/api/v1${path}`).set(auth);
  const send = (route: CommandRoute, body: unknown, s: Seed = seed): Test => post(route.path(s), authFor(route, s)).send(body as object);
  const raw = (route: CommandRoute, text: string): Test => send(route, text).set('Content-Type', 'application/json');

  /** Sends the request, checks the refusal, and that the ledger holds no new event. */
  async function refused(request: Test, status: number, code: string | RegExp): Promise<Response> {
    const before = await app.eventCount();
    const response = await request;
    expectProblem(response, status, code);
    expect(await app.eventCount()).toBe(before);
    return response;
  }

  function without(body: Record<string, unknown>, field: string): Record<string, unknown> {
    const { [field]: _removed, ...rest } = body;
    return rest;
  }

  describe('body shape (a–c)', () => {
    const missing = COMMAND_CATALOGUE.flatMap((route) => route.requiredFields.map((field) => ({ name: route.name, field, route })));
    it.each(missing)('$name without $field → 400 validation-failed naming it', async ({ route, field }) => {
      const response = await refused(send(route, without(route.body(seed), field)), 400, 'validation-failed');
      expect(new Set(fieldsOf(response))).toEqual(new Set([field]));
    });

    it.each(COMMAND_CATALOGUE.map((route) => ({ name: route.name, route })))(
      '$name with an unknown field → 400 naming it',
      async ({ route }) => {
        const response = await refused(send(route, { ...route.body(seed), unexpectedField: 'x' }), 400, 'validation-failed');
        expect(new Set(fieldsOf(response))).toEqual(new Set(['unexpectedField']));
      },
    );

    const wrong = COMMAND_CATALOGUE.flatMap((route) =>
      Object.entries(route.fieldTypes).flatMap(([field, kind]) =>
        WRONG_VALUES[kind].map((value) => ({ name: route.name, field, label: value.label, route, value })),
      ),
    );
    it.each(wrong)('$name with $field as $label → 400 naming it', async ({ route, field, value }) => {
      const body = { ...route.body(seed), ...value.patch, [field]: value.value };
      const response = await refused(send(route, body), 400, /^(validation-failed|invalid-input)$/);
      expect(new Set(fieldsOf(response))).toEqual(new Set([field]));
    });

    // Found by test/fuzzing.e2e.spec.ts: `constructor` and `toString` resolve on the prototype, so the whitelist let them through.
    it.each(['constructor', 'toString', 'valueOf', '__proto__', 'prototype'])(
      'refuses a body carrying a %s key, naming it, writing nothing',
      async (key) => {
        const route = COMMAND_CATALOGUE.find((candidate) => candidate.name === 'sources')!;
        const text = `${JSON.stringify(route.body(seed)).slice(0, -1)},${JSON.stringify(key)}:{"polluted":true}}`;
        const response = await refused(raw(route, text), 400, 'validation-failed');
        expect(fieldsOf(response)).toContain(key);
      },
    );

    it('names occurredAt (not reason) when a zone-less business time comes without a reason', async () => {
      // The command context reads occurredAt before the DTO is validated; it must still blame occurredAt.
      const route = COMMAND_CATALOGUE.find((candidate) => candidate.name === 'actions/evidence')!;
      const response = await refused(
        send(route, { ...route.body(seed), occurredAt: '2025-03-02T10:00:00' }),
        400,
        /^(validation-failed|invalid-input)$/,
      );
      expect(fieldsOf(response)).toEqual(['occurredAt']);
    });
  });

  describe('unreadable bodies (d)', () => {
    const routes = COMMAND_CATALOGUE.map((route) => ({ name: route.name, route }));
    // Nest would turn body-parser's SyntaxError into a generic BadRequestException; the body-parsing
    // middleware answers first, with its own code.
    it.each(routes)('$name with broken JSON → 400 malformed-json', async ({ route }) => {
      await refused(raw(route, '{"a":'), 400, 'malformed-json');
    });

    it.each(routes)('$name with a JSON array or a JSON string → 400', async ({ route }) => {
      await refused(send(route, [route.body(seed)]), 400, /.+/);
      await refused(send(route, []), 400, /.+/);
      await refused(raw(route, '"a string"'), 400, /.+/);
    });

    it.each(routes)('$name with a body over 1 MB → 413', async ({ route }) => {
      await refused(send(route, { ...route.body(seed), reason: 'x'.repeat(1_100_000) }), 413, 'body-too-large');
    });
  });

  describe('path ids (e)', () => {
    const itemParams = COMMAND_CATALOGUE.flatMap((route) =>
      pathParams(route.template).map((param) => ({ name: route.name, param, route })),
    );
    it.each(itemParams)('$name with an unknown {$param} → 404 not-found', async ({ route, param }) => {
      // A platform admin may act in any partnership, so an unknown {pid} is refused for not existing.
      const auth = param === 'pid' ? platform : authFor(route);
      await refused(post(route.path(seed, { [param]: randomUUID() }), auth).send(route.body(seed)), 404, 'not-found');
    });

    const itemOnly = itemParams.filter(({ param }) => param !== 'pid');
    it.each(itemOnly)('$name with a non-uuid {$param} → 400', async ({ route, param }) => {
      await refused(post(route.path(seed, { [param]: 'not-a-uuid' })).send(route.body(seed)), 400, /.+/);
    });

    it('refuses a non-uuid partnership id (400 or 404: not settled by DESIGN §5) and writes nothing', async () => {
      const before = await app.eventCount();
      const response = await post('/partnerships/not-a-uuid/sources', platform).send({ kind: 'lcspr', title: 'LCSPR 2025-02' });
      expectProblem(response, response.status === 400 ? 400 : 404, /.+/);
      expect(await app.eventCount()).toBe(before);
    });
  });

  /*
   * Transitions and rules depend on state: each case builds its own item on a partnership of its
   * own, so a refusal the product wrongly accepts above cannot change what these start from.
   */
  let fresh: Seed;
  type Kind = 'actions' | 'challenges' | 'sources';
  const CREATE: Record<Kind, (s: Seed) => object> = {
    actions: (s) => ({
      recommendationIds: [s.recommendationId],
      description: 'Audit escalation',
      leadAgencyId: s.agencyId,
      targetDate: '2027-06-30',
      successMeasure: 'Audit shows use.',
    }),
    challenges: (s) => ({
      toAgencyId: s.agencyId,
      subject: 'Attendance',
      detail: 'Assurance on attendance.',
      responseDueDate: '2027-01-31',
    }),
    sources: () => ({ kind: 'rapid-review', title: 'Rapid review RR-2025-09' }),
  };
  /** The body each step needs to succeed. */
  const stepBody = (verb: string, s: Seed): object =>
    ({
      evidence: { title: 'Audit report', kind: 'audit-result', describesImpact: false },
      'verify-completion': { forum: 'QA subgroup' },
      cancel: { reason: 'Duplicate.' },
      respond: { response: 'We will report monthly.' },
      escalate: { level: 'lead-partner', reason: 'No response.' },
      'linked-actions': { actionId: s.actionId },
      milestones: { milestone: 'notified' },
    })[verb] ?? {};

  /** A new item of `kind`, taken through `steps` (setup: each must succeed); answers its path. */
  async function itemAfter(kind: Kind, steps: readonly string[]): Promise<string> {
    const base = `/partnerships/${fresh.partnershipId}/${kind}`;
    const created = await post(base, fresh.admin).send(CREATE[kind](fresh));
    const path = `${base}/${(created.body as { id: string }).id}`;
    for (const verb of ['create', ...steps]) {
      const response = verb === 'create' ? created : await post(`${path}/${verb}`, fresh.admin).send(stepBody(verb, fresh));
      if (response.status >= 300) throw new Error(`setup ${verb} on ${kind} → ${response.status} ${JSON.stringify(response.body)}`);
    }
    return path;
  }

  type Body = object | ((s: Seed) => object);
  interface Scenario {
    readonly kind: Kind;
    readonly steps: readonly string[];
    readonly verb: string;
    readonly body: Body;
  }
  /** On a new item of `kind` taken through `steps`, POST `verb` with `body`. */
  const on = (kind: Kind, steps: readonly string[], verb: string, body: Body = {}): Scenario => ({ kind, steps, verb, body });
  /** Builds the scenario's item (setup), then expects the command on it to be refused. */
  async function refusedAfter({ kind, steps, verb, body }: Scenario, status: number, code: string): Promise<Response> {
    const path = await itemAfter(kind, steps);
    return refused(post(`${path}/${verb}`, fresh.admin).send(typeof body === 'function' ? body(fresh) : body), status, code);
  }
  const IN_PROGRESS = ['agree', 'start'];
  const CLAIMED = [...IN_PROGRESS, 'evidence', 'claim-completion'];

  describe('on a partnership of their own', () => {
    beforeAll(async () => {
      fresh = await seedPartnership(app, 'Eastshire Safeguarding Children Partnership');
    });

    const transitions: readonly (readonly [string, Scenario])[] = [
      ['close an in-progress action', on('actions', IN_PROGRESS, 'close')],
      ['start a proposed action', on('actions', [], 'start')],
      ['agree an in-progress action', on('actions', IN_PROGRESS, 'agree')],
      ['resume an in-progress action', on('actions', IN_PROGRESS, 'resume')],
      ['verify an unclaimed completion', on('actions', IN_PROGRESS, 'verify-completion', { forum: 'QA subgroup' })],
      ['reopen an open action', on('actions', IN_PROGRESS, 'reopen', { reason: 'Repeat audit.' })],
      ['update progress on a proposed action', on('actions', [], 'progress-updates', { narrative: 'n', rag: 'red' })],
      ['cancel a cancelled action', on('actions', ['cancel'], 'cancel', { reason: 'Again.' })],
      [
        'attach evidence to a cancelled action',
        on('actions', ['cancel'], 'evidence', { title: 't', kind: 'other', describesImpact: false }),
      ],
      ['resolve a raised challenge', on('challenges', [], 'resolve', { outcome: 'Done.' })],
      ['accept a response never given', on('challenges', ['acknowledge'], 'accept-response')],
      ['respond before acknowledging', on('challenges', [], 'respond', { response: 'r' })],
      ['close a raised challenge', on('challenges', [], 'close')],
      ['acknowledge twice', on('challenges', ['acknowledge'], 'acknowledge')],
      ['escalate a responded challenge', on('challenges', ['acknowledge', 'respond'], 'escalate', { level: 'external', reason: 'r' })],
      ['close a source twice', on('sources', ['close'], 'close')],
      ['record a finding on a closed source', on('sources', ['close'], 'findings', { summary: 's', themes: [], enablers: [] })],
      ['reach a milestone twice', on('sources', ['milestones'], 'milestones', { milestone: 'notified' })],
    ];
    it.each(transitions)('(f) %s → 409 illegal-transition', async (_, scenario) => {
      await refusedAfter(scenario, 409, 'illegal-transition');
    });

    const rules: readonly (readonly [string, string, string | null, Scenario])[] = [
      ['claim, no evidence', 'completion-needs-evidence', null, on('actions', IN_PROGRESS, 'claim-completion')],
      ['assure, no impact evidence', 'impact-needs-evidence', null, on('actions', [...CLAIMED, 'verify-completion'], 'assure-impact')],
      ['verify, no forum', 'forum-required', null, on('actions', CLAIMED, 'verify-completion')],
      ['cancel, blank reason', 'reason-required', null, on('actions', [], 'cancel', { reason: '   ' })],
      [
        'same target date',
        'target-date-unchanged',
        null,
        on('actions', [], 'target-date-revisions', { newTargetDate: '2027-06-30', reason: 'r' }),
      ],
      [
        'escalate lower',
        'escalation-must-rise',
        'level',
        on('challenges', ['escalate'], 'escalate', { level: 'delegated-partner', reason: 'r' }),
      ],
      [
        'escalate level again',
        'escalation-must-rise',
        'level',
        on('challenges', ['escalate'], 'escalate', { level: 'lead-partner', reason: 'r' }),
      ],
      ['blank response', 'response-required', 'response', on('challenges', ['acknowledge'], 'respond', { response: '  ' })],
      [
        'link twice',
        'action-already-linked',
        'actionId',
        on('challenges', ['linked-actions'], 'linked-actions', (s) => ({ actionId: s.actionId })),
      ],
      [
        'milestone of another kind',
        'milestone-not-valid-for-kind',
        'milestone',
        on('sources', [], 'milestones', { milestone: 'published' }),
      ],
    ];
    it.each(rules)('(g) %s → 422 %s', async (_, code, field, scenario) => {
      const response = await refusedAfter(scenario, 422, code);
      if (field) expect(fieldsOf(response)).toContain(field);
    });

    const unknown = randomUUID();
    // [route, field at fault, status, code, what replaces the valid body's fields]
    const creations: readonly (readonly [string, string, number, string, (s: Seed) => object])[] = [
      ['actions', 'leadAgencyId', 422, 'unknown-reference', () => ({ leadAgencyId: unknown })],
      ['actions', 'recommendationIds', 422, 'unknown-reference', (s) => ({ recommendationIds: [s.recommendationId, unknown] })],
      ['recommendations', 'sourceId', 422, 'unknown-reference', () => ({ sourceId: unknown })],
      ['recommendations', 'findingIds', 422, 'unknown-reference', () => ({ findingIds: [unknown] })],
      ['recommendations', 'addresseeAgencyIds', 422, 'unknown-reference', (s) => ({ addresseeAgencyIds: [s.agencyId, unknown] })],
      ['challenges', 'toAgencyId', 422, 'unknown-reference', () => ({ toAgencyId: unknown })],
      ['challenges/linked-actions', 'actionId', 422, 'unknown-reference', () => ({ actionId: unknown })],
      ['actions/supersede', 'successorActionId', 422, 'unknown-reference', () => ({ successorActionId: unknown })],
      ['challenges', 'responseDueDate', 422, 'response-due-before-raised', () => ({ responseDueDate: '2020-01-31' })],
      ['recommendations/responses', 'reason', 422, 'reason-required', () => ({ reason: '  ' })],
      // The DTO requires a reason unless the decision is "accepted": refused before the domain.
      ['recommendations/responses', 'reason', 400, 'validation-failed', () => ({ reason: undefined })],
      ['recommendations/responses', 'reason', 400, 'validation-failed', () => ({ decision: 'not-accepted', reason: undefined })],
    ];
    it.each(creations)('(g) %s with a bad %s → %i %s', async (name, field, status, code, patch) => {
      const route = COMMAND_CATALOGUE.find((candidate) => candidate.name === name)!;
      const response = await refused(send(route, { ...route.body(fresh), ...patch(fresh) }, fresh), status, code);
      expect(new Set(fieldsOf(response))).toEqual(new Set([field]));
    });
  });

  it('covers every command route with every kind of refusal', () => {
    const params = new Set<PathParam>(COMMAND_CATALOGUE.flatMap((route) => pathParams(route.template)));
    expect([...params].sort()).toEqual(['aid', 'cid', 'gid', 'personId', 'pid', 'rid', 'sid']);
    expect(COMMAND_CATALOGUE.length).toBeGreaterThanOrEqual(35);
  });
});
