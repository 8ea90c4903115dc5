import { randomUUID } from 'node:crypto';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership } from './support/seed';

type Auth = { Authorization: string };
interface Answer {
  readonly id: string;
  readonly version: number;
  readonly position: string;
}

const YEAR_MS = 365 * 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PARTNERSHIP = { name: 'Westvale Safeguarding Children Partnership', localAuthorities: ['Westvale Council'] };
const SOURCE = { kind: 'rapid-review', title: 'Rapid review RR-2025-07', reference: 'RR-2025-07' };
const FINDING = {
  summary: 'Escalation between agencies was slow when concerns were not acted on.',
  themes: ['escalation'],
  enablers: ['leadership-and-challenge'],
};
const RECOMMENDATION = { number: '1', text: 'Partners should adopt a shared escalation policy.', scope: 'local' };
const ACTION = {
  description: 'Write and launch a shared escalation policy.',
  owner: 'person-ref-0042',
  targetDate: '2027-03-31',
  successMeasure: 'Audit shows escalation used in 8 of 10 relevant cases.',
};
const COMPLETION_EVIDENCE = {
  title: 'Escalation policy v1.0',
  kind: 'policy',
  uri: 'https://intranet.example/escalation-v1.pdf',
  sha256: 'a'.repeat(64),
  describesImpact: false,
};
const IMPACT_EVIDENCE = { title: 'Repeat multi-agency audit', kind: 'audit-result', describesImpact: true, effectiveFrom: '2026-05-01' };

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(120_000);

describe('the whole learning chain over HTTP', () => {
  let app: LedgerTestApp;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  /** POST a command, expect `status`, and check the `{id, version, position}` answer. */
  async function command(auth: Auth, path: string, body: object, status: number, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await app.http().post(`/api/v1${path}`).set(auth).set(headers).send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status });
    expect(response.body).toMatchObject({
      id: expect.stringMatching(UUID),
      version: expect.any(Number),
      position: expect.stringMatching(/^\d+:\d+$/),
    });
    return response.body as Answer;
  }

  /** POST a command that must be refused, and check nothing was written. */
  async function refused(auth: Auth, path: string, body: object, status: number, code: string) {
    const before = await app.eventCount();
    const response = await app.http().post(`/api/v1${path}`).set(auth).send(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await app.eventCount()).toBe(before);
    return response.body as { errors?: { field: string }[] };
  }

  it('walks register → … → close, answering each step and showing the result everywhere', async () => {
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const partnership = await command(platform, '/partnerships', PARTNERSHIP, 201);
    expect(partnership.version).toBe(1);
    const pid = partnership.id;
    const admin = await app.bearer({ sub: 'business-unit@westvale.example', roles: ['partnership-admin'], partnerships: [pid] });
    const p = `/partnerships/${pid}`;

    const police = await command(admin, `${p}/agencies`, { name: 'Westvale Police', kind: 'police' }, 201);
    const health = await command(admin, `${p}/agencies`, { name: 'Westvale ICB', kind: 'health' }, 201);
    expect([police.version, health.version]).toEqual([2, 3]);
    expect(police.id).not.toBe(health.id);
    const lead = await app.bearer({ sub: 'lead@police.example', roles: ['agency-lead'], partnerships: [pid], agency: police.id });

    const source = await command(admin, `${p}/sources`, SOURCE, 201);
    expect(source.version).toBe(1);
    const finding = await command(admin, `${p}/sources/${source.id}/findings`, FINDING, 201);
    expect(finding.version).toBe(2);

    const addressees = [police.id, health.id];
    const recommendation = await command(
      admin,
      `${p}/recommendations`,
      { ...RECOMMENDATION, sourceId: source.id, findingIds: [finding.id], addresseeAgencyIds: addressees },
      201,
    );
    expect(recommendation.version).toBe(1);
    const rid = recommendation.id;
    expect((await command(admin, `${p}/recommendations/${rid}/responses`, { decision: 'accepted' }, 200)).version).toBe(2);

    const proposed = await command(admin, `${p}/actions`, { ...ACTION, recommendationIds: [rid], leadAgencyId: police.id }, 201);
    const aid = proposed.id;
    const a = `${p}/actions/${aid}`;
    const answers: Answer[] = [proposed];
    const step = async (auth: Auth, path: string, body: object, status: number, headers: Record<string, string> = {}) => {
      const answer = await command(auth, `${a}${path}`, body, status, headers);
      expect(answer.id).toBe(aid);
      expect(answer.version).toBe(answers.length + 1);
      expect(answer.position).not.toBe(answers[answers.length - 1]!.position);
      answers.push(answer);
    };
    const correlationId = randomUUID();

    await step(admin, '/agree', { forum: 'Learning and Improvement subgroup 2025-09-01' }, 200, { 'X-Correlation-Id': correlationId });
    await step(lead, '/start', {}, 200);
    await step(lead, '/progress-updates', { narrative: 'Draft policy circulated; health comments awaited.', rag: 'amber' }, 201);
    await step(lead, '/progress-updates', { narrative: 'All partners have signed the policy off.', rag: 'green' }, 201);
    await step(lead, '/target-date-revisions', { newTargetDate: '2027-06-30', reason: 'Launch moved to align with training.' }, 201);
    await refused(lead, `${a}/claim-completion`, {}, 422, 'completion-needs-evidence');
    await step(lead, '/evidence', COMPLETION_EVIDENCE, 201);
    await step(lead, '/claim-completion', {}, 200);
    await refused(admin, `${a}/verify-completion`, {}, 422, 'forum-required');
    await step(admin, '/verify-completion', { forum: 'Quality Assurance subgroup 2026-01-15' }, 200);
    await refused(admin, `${a}/assure-impact`, {}, 422, 'impact-needs-evidence');
    await refused(admin, `${a}/close`, {}, 409, 'illegal-transition');
    await step(lead, '/evidence', IMPACT_EVIDENCE, 201);
    await refused(admin, `${a}/close`, {}, 409, 'illegal-transition');
    await step(admin, '/assure-impact', { forum: 'Safeguarding board 2026-06-10' }, 200);
    await step(admin, '/close', {}, 200);
    const last = answers[answers.length - 1]!;
    expect(last.version).toBe(12);

    const plan = await app.http().get(`/api/v1${p}/action-plan`).set(admin).expect(200);
    expect(plan.body.rows).toHaveLength(1);
    expect(plan.body.rows[0]).toMatchObject({
      source: { id: source.id, kind: 'rapid-review', title: 'Rapid review RR-2025-07' },
      recommendation: { id: rid, number: '1', text: 'Partners should adopt a shared escalation policy.' },
      action: { id: aid, version: 12 },
      leadAgency: { id: police.id, name: 'Westvale Police' },
      owner: 'person-ref-0042',
      targetDate: {
        original: '2027-03-31',
        current: '2027-06-30',
        revisions: [{ from: '2027-03-31', to: '2027-06-30', reason: 'Launch moved to align with training.' }],
      },
      ownerRag: 'green',
      timeliness: 'slipped',
      slipped: true,
      overdue: false,
      status: 'closed',
      latestUpdate: { narrative: 'All partners have signed the policy off.', rag: 'green', actorUserId: 'lead@police.example' },
      evidenceCount: 2,
      impactStatus: 'assured',
    });

    const item = await app.http().get(`/api/v1${a}`).set(admin).expect(200);
    expect(item.body).toMatchObject({ id: aid, version: last.version, status: 'closed' });
    expect(item.headers['etag']).toBe(`"${last.version}"`);

    const history = await app.http().get(`/api/v1${a}/history`).set(admin).expect(200);
    const items = history.body.items as Record<string, unknown>[];
    expect(items.map((event) => event['type'])).toEqual([
      'ActionProposed',
      'ActionAgreed',
      'ActionStarted',
      'ProgressUpdated',
      'ProgressUpdated',
      'TargetDateRevised',
      'EvidenceAttached',
      'CompletionClaimed',
      'CompletionVerified',
      'EvidenceAttached',
      'ImpactAssured',
      'ActionClosed',
    ]);
    items.forEach((event, index) => {
      expect(event).toMatchObject({
        version: index + 1,
        position: answers[index]!.position,
        actor: { userId: expect.any(String), role: expect.any(String) },
        correlationId: expect.stringMatching(UUID),
        causationId: expect.stringMatching(UUID),
        backdated: false,
      });
      expect(Math.abs(Date.parse(event['occurredAt'] as string) - Date.parse(event['recordedAt'] as string))).toBeLessThan(60_000);
    });
    expect(items[0]!['actor']).toMatchObject({ userId: 'business-unit@westvale.example', role: 'partnership-admin' });
    expect(items[3]!['actor']).toMatchObject({ userId: 'lead@police.example', role: 'agency-lead', agencyId: police.id });
    expect(items[1]).toMatchObject({ correlationId, forum: 'Learning and Improvement subgroup 2025-09-01' });
    expect(items[8]).toMatchObject({ forum: 'Quality Assurance subgroup 2026-01-15' });
    expect(new Set(items.map((event) => event['causationId'])).size).toBe(items.length);

    const rec = await app.http().get(`/api/v1${p}/recommendations/${rid}`).set(admin).expect(200);
    expect(rec.body).toMatchObject({ id: rid, status: 'closed', actionIds: [aid], response: { decision: 'accepted' } });
    const src = await app.http().get(`/api/v1${p}/sources/${source.id}`).set(admin).expect(200);
    expect(src.body).toMatchObject({ id: source.id, version: 2, findingIds: [finding.id] });
    expect(src.body.findings).toEqual([
      expect.objectContaining({ findingId: finding.id, summary: 'Escalation between agencies was slow when concerns were not acted on.' }),
    ]);
  });

  describe('back-dating', () => {
    it('refuses a back-dated command without a reason, naming `reason`, and writes nothing', async () => {
      const seed = await seedPartnership(app, 'Back-dating partnership A');
      const occurredAt = new Date(Date.now() - YEAR_MS).toISOString();
      const body = await refused(
        seed.admin,
        `/partnerships/${seed.partnershipId}/actions/${seed.actionId}/progress-updates`,
        { narrative: 'Late entry.', rag: 'amber', occurredAt },
        400,
        'invalid-input',
      );
      expect(body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    });

    it('accepts it with a reason: history keeps business time as sent, record time now, and the reason', async () => {
      const seed = await seedPartnership(app, 'Back-dating partnership B');
      const occurredAt = new Date(Date.now() - YEAR_MS).toISOString();
      const reason = 'Minutes of the March meeting were found late.';
      const path = `/partnerships/${seed.partnershipId}/actions/${seed.actionId}`;
      const before = Date.now();
      const answer = await command(
        seed.admin,
        `${path}/progress-updates`,
        { narrative: 'Late entry.', rag: 'amber', occurredAt, reason },
        201,
      );
      const history = await app.http().get(`/api/v1${path}/history`).set(seed.admin).expect(200);
      const items = history.body.items as { version: number; recordedAt: string }[];
      const event = items.find((entry) => entry.version === answer.version)!;
      expect(event).toMatchObject({
        type: 'ProgressUpdated',
        occurredAt,
        backdated: true,
        backdatedReason: reason,
        position: answer.position,
      });
      expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
      expect(Date.parse(event.recordedAt)).toBeLessThanOrEqual(Date.now() + 5_000);
    });
  });
});
