import { randomUUID } from 'node:crypto';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

type Auth = { Authorization: string };

// The e2e project's testTimeout in jest.config.js is not applied by Jest 30 (jestjs/jest#9696).
jest.setTimeout(120_000);

const BACKDATED = 'Entered from the board minutes';
/** Business time 10:00 UTC on a date, back-dated with a reason. */
const on = (date: string) => ({ occurredAt: `${date}T10:00:00Z`, reason: BACKDATED });
/** The analytics below are judged on 1 Jun 2026 (business time). */
const JUNE = '2026-06-01T12:00:00Z';

interface Scenario {
  readonly pid: string;
  readonly admin: Auth;
  readonly police: string;
  readonly health: string;
  readonly source: string;
  readonly finding1: string;
  readonly finding2: string;
  readonly recommendation: string;
  readonly action1: string;
  readonly action2: string;
  readonly evidence: string;
}

/**
 * Lineage and analytics over HTTP, on a small partnership seeded with back-dated commands whose
 * figures are worked out by hand in the comments; a second partnership's data must never appear.
 */
describe('lineage and analytics', () => {
  let app: LedgerTestApp;
  let s: Scenario;
  let theirs: Seed;

  async function post(auth: Auth, path: string, body: object): Promise<{ id: string }> {
    const response = await app.http().post(`/api/v1${path}`).set(auth).send(body);
    if (![200, 201].includes(response.status)) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  }

  const get = (path: string, query: Record<string, string> = {}, auth: Auth = s.admin) =>
    app.http().get(`/api/v1/partnerships/${s.pid}${path}`).query(query).set(auth);

  async function seed(): Promise<Scenario> {
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const { id: pid } = await post(platform, '/partnerships', {
      name: 'Eastmoor Safeguarding Children Partnership',
      localAuthorities: ['Eastmoor Council'],
    });
    const admin = await app.bearer({ sub: 'business-unit@example.org', roles: ['partnership-admin'], partnerships: [pid] });
    const p = `/partnerships/${pid}`;
    const { id: police } = await post(admin, `${p}/agencies`, { name: 'Eastmoor Constabulary', kind: 'police' });
    const { id: health } = await post(admin, `${p}/agencies`, { name: 'Eastmoor ICB', kind: 'health' });
    // A rapid review notified Mon 2 Mar 2026, due 15 working days later (Mon 23 Mar), submitted Fri 20 Mar: 14 working days.
    const { id: source } = await post(admin, `${p}/sources`, {
      kind: 'rapid-review',
      title: 'Rapid review RR-2026-07',
      ...on('2026-03-02'),
    });
    await post(admin, `${p}/sources/${source}/milestones`, { milestone: 'notified', ...on('2026-03-02') });
    await post(admin, `${p}/sources/${source}/milestones`, { milestone: 'submitted-to-panel', ...on('2026-03-20') });
    const { id: finding1 } = await post(admin, `${p}/sources/${source}/findings`, {
      summary: 'Children’s views were not sought before the strategy discussion.',
      themes: ['information-sharing'],
      enablers: ['frontline-and-family-engagement'],
      ...on('2026-03-05'),
    });
    const { id: finding2 } = await post(admin, `${p}/sources/${source}/findings`, {
      summary: 'Early help was offered but not followed up.',
      themes: ['information-sharing', 'early-help'],
      enablers: ['partnership-working'],
      ...on('2026-03-06'),
    });
    // Finding 1 → recommendation: 5 → 16 Mar, 11 days.
    const { id: recommendation } = await post(admin, `${p}/recommendations`, {
      sourceId: source,
      findingIds: [finding1],
      number: '1',
      text: 'Partners should seek the child’s views before every strategy discussion.',
      addresseeAgencyIds: [police],
      scope: 'local',
      ...on('2026-03-16'),
    });
    await post(admin, `${p}/recommendations/${recommendation}/responses`, {
      decision: 'accepted',
      forum: 'Safeguarding partnership board',
      ...on('2026-03-18'),
    });
    const proposal = {
      recommendationIds: [recommendation],
      successMeasure: 'Audit finds the child’s views recorded in 9 of 10 cases.',
      ...on('2026-03-20'),
    };
    // Action 1 (police): agreed 26 Mar through a subgroup (10 days after the recommendation), verified 1 May (36 days), on time.
    const { id: action1 } = await post(admin, `${p}/actions`, {
      ...proposal,
      description: 'Add the child’s views to the strategy template.',
      leadAgencyId: police,
      targetDate: '2026-05-29',
    });
    await post(admin, `${p}/actions/${action1}/agree`, { forum: 'Learning and Improvement subgroup', ...on('2026-03-26') });
    await post(admin, `${p}/actions/${action1}/start`, on('2026-03-27'));
    await post(admin, `${p}/actions/${action1}/evidence`, {
      title: 'Strategy template v3',
      kind: 'policy',
      describesImpact: false,
      ...on('2026-04-10'),
    });
    const history = await app.http().get(`/api/v1${p}/actions/${action1}/history`).set(admin).expect(200);
    const evidence = (history.body.items as { type: string; data: { evidenceId: string } }[]).find((e) => e.type === 'EvidenceAttached')!
      .data.evidenceId;
    await post(admin, `${p}/actions/${action1}/claim-completion`, on('2026-04-20'));
    await post(admin, `${p}/actions/${action1}/verify-completion`, { forum: 'QA subgroup', ...on('2026-05-01') });
    // Action 2 (health): agreed 1 Apr by the board (16 days), target revised 30 Apr → 15 May, never completed: 17 days overdue on 1 Jun.
    const { id: action2 } = await post(admin, `${p}/actions`, {
      ...proposal,
      description: 'Brief GPs on seeking the child’s views.',
      leadAgencyId: health,
      targetDate: '2026-04-30',
    });
    await post(admin, `${p}/actions/${action2}/agree`, { forum: 'Safeguarding partnership board', ...on('2026-04-01') });
    await post(admin, `${p}/actions/${action2}/target-date-revisions`, { newTargetDate: '2026-05-15', ...on('2026-04-15') });
    // A challenge to the police raised 6 Apr, due 20 Apr, answered 24 Apr: 4 days late, still open (56 days old on 1 Jun).
    const { id: challenge } = await post(admin, `${p}/challenges`, {
      toAgencyId: police,
      subject: 'Child’s views in strategy discussions',
      detail: 'Assurance sought.',
      responseDueDate: '2026-04-20',
      ...on('2026-04-06'),
    });
    await post(admin, `${p}/challenges/${challenge}/acknowledge`, on('2026-04-07'));
    await post(admin, `${p}/challenges/${challenge}/respond`, { response: 'Template revised.', ...on('2026-04-24') });
    return { pid, admin, police, health, source, finding1, finding2, recommendation, action1, action2, evidence };
  }

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    theirs = await seedPartnership(app, 'Southfen Safeguarding Children Partnership');
    s = await seed();
  });
  afterAll(async () => {
    await app.close();
  });

  const theirIds = () => [
    theirs.partnershipId,
    theirs.agencyId,
    theirs.otherAgencyId,
    theirs.sourceId,
    theirs.findingId,
    theirs.recommendationId,
    theirs.actionId,
    theirs.challengeId,
  ];
  const nodeIds = (body: { nodes: { id: string }[] }) => body.nodes.map((n) => n.id).sort();
  const node = (body: { nodes: { id: string; why: string; status: string }[] }, id: string) => body.nodes.find((n) => n.id === id);

  describe('GET /lineage', () => {
    it('from the source: findings, recommendation, both actions, evidence and impact, with statuses and whys', async () => {
      const { body } = await get('/lineage', { sourceId: s.source, validAt: JUNE }).expect(200);
      expect(body.root).toEqual({ kind: 'source', id: s.source });
      expect(nodeIds(body)).toEqual(
        [
          s.source,
          s.finding1,
          s.finding2,
          s.recommendation,
          s.action1,
          s.action2,
          s.evidence,
          `impact:${s.action1}`,
          `impact:${s.action2}`,
        ].sort(),
      );
      expect(node(body, `impact:${s.action1}`)).toMatchObject({
        status: 'awaiting-evidence',
        why: 'Impact not yet assured: completion verified by the QA subgroup on 1 May 2026; no impact evidence attached.',
      });
      expect(node(body, s.action2)?.why).toBe(
        'Agreed by the Safeguarding partnership board on 1 Apr 2026; not yet started. Overdue: target date 15 May 2026 passed 17 days ago. Slipped: target date revised once, from 30 Apr 2026 to 15 May 2026.',
      );
      expect(node(body, s.finding2)?.why).toBe('Recorded on 6 Mar 2026; no recommendation cites it yet.');
      expect(body).toMatchObject({
        partnershipId: s.pid,
        validAt: '2026-06-01T12:00:00.000Z',
        asOf: null,
        judgedAt: '2026-06-01T12:00:00.000Z',
      });
    });

    it('from the recommendation: its source and the finding it cites, down to impact', async () => {
      const { body } = await get('/lineage', { recommendationId: s.recommendation }).expect(200);
      expect(nodeIds(body)).toEqual(
        [s.source, s.finding1, s.recommendation, s.action1, s.action2, s.evidence, `impact:${s.action1}`, `impact:${s.action2}`].sort(),
      );
      expect(node(body, s.recommendation)?.why).toBe(
        `In delivery: accepted by the Safeguarding partnership board on 18 Mar 2026 (${BACKDATED}); 2 of 2 linked actions still open.`,
      );
    });

    it('from the action: up to its source, down to its evidence and impact, with the edges between', async () => {
      const { body } = await get('/lineage', { actionId: s.action1 }).expect(200);
      expect(nodeIds(body)).toEqual([s.source, s.finding1, s.recommendation, s.action1, s.evidence, `impact:${s.action1}`].sort());
      expect(body.edges).toEqual([
        { from: s.source, to: s.finding1, kind: 'found' },
        { from: s.finding1, to: s.recommendation, kind: 'recommended' },
        { from: s.recommendation, to: s.action1, kind: 'actioned' },
        { from: s.action1, to: s.evidence, kind: 'evidenced' },
        { from: s.action1, to: `impact:${s.action1}`, kind: 'assures' },
      ]);
      expect(node(body, s.evidence)?.why).toBe('Policy “Strategy template v3” attached on 10 Apr 2026; evidences delivery, not impact.');
    });

    it('as the ledger stood when the agreement was recorded (asOf): agreed, no evidence yet', async () => {
      const history = await get(`/actions/${s.action1}/history`).expect(200);
      const agreedAt = (history.body.items as { type: string; recordedAt: string }[]).find((e) => e.type === 'ActionAgreed')!.recordedAt;
      const { body } = await get('/lineage', { actionId: s.action1, asOf: agreedAt, validAt: '2026-04-01T12:00:00Z' }).expect(200);
      expect(nodeIds(body)).toEqual([s.source, s.finding1, s.recommendation, s.action1, `impact:${s.action1}`].sort());
      expect(node(body, s.action1)).toMatchObject({
        status: 'agreed',
        why: 'Agreed by the Learning and Improvement subgroup on 26 Mar 2026; not yet started.',
      });
      const asOfOnly = await get('/lineage', { actionId: s.action1, asOf: agreedAt }).expect(200);
      expect(node(asOfOnly.body, s.action1)?.status).toBe('agreed');
    });

    it('as valid on 17 Mar (validAt): the recommendation made, no response, no actions yet', async () => {
      const { body } = await get('/lineage', { sourceId: s.source, validAt: '2026-03-17T12:00:00Z' }).expect(200);
      expect(nodeIds(body)).toEqual([s.source, s.finding1, s.finding2, s.recommendation].sort());
      expect(node(body, s.recommendation)?.why).toBe('Made on 16 Mar 2026; no response recorded yet.');
    });

    it('with no selector: the lineage of every source of the partnership, and nothing of another', async () => {
      const { body } = await get('/lineage').expect(200);
      expect(body.root).toBeNull();
      expect(nodeIds(body)).toContain(s.action2);
      const text = JSON.stringify(body);
      expect(theirIds().filter((id) => text.includes(id))).toEqual([]);
    });

    it('answers 404 for an unknown id, another partnership’s id, or an item not yet there at validAt', async () => {
      const queries: Record<string, string>[] = [
        { actionId: randomUUID() },
        { sourceId: theirs.sourceId },
        { actionId: s.action1, validAt: '2026-03-17T12:00:00Z' },
      ];
      for (const query of queries) {
        const response = await get('/lineage', query);
        expect({ query, status: response.status, code: response.body.code }).toEqual({ query, status: 404, code: 'not-found' });
      }
    });

    it('answers 400 naming the fields for two selectors, a malformed id or instant', async () => {
      const two = await get('/lineage', { sourceId: s.source, actionId: s.action1 }).expect(400);
      expect(two.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'sourceId' }, { field: 'actionId' }] });
      const cases: [Record<string, string>, string][] = [
        [{ sourceId: 'not-a-uuid' }, 'sourceId'],
        [{ asOf: '2026-03-02' }, 'asOf'],
        [{ validAt: '2026-02-30T10:00:00Z' }, 'validAt'],
        [{ colour: 'blue' }, 'colour'],
      ];
      for (const [query, field] of cases) {
        const response = await get('/lineage', query);
        expect({ query, status: response.status, fields: (response.body.errors as { field: string }[]).map((e) => e.field) }).toEqual({
          query,
          status: 400,
          fields: [field],
        });
      }
    });

    it("answers 404 to another partnership's members, 200 to a read-only role", async () => {
      await get('/lineage', {}, theirs.admin).expect(404);
      const auditor = await app.bearer({ roles: ['auditor'], partnerships: [s.pid] });
      await get('/lineage', { actionId: s.action1 }, auditor).expect(200);
    });
  });

  describe('GET /analytics/*', () => {
    it('agency-accountability: health 17 days overdue and slipped; the police challenge open 56 days', async () => {
      const { body } = await get('/analytics/agency-accountability', { validAt: JUNE }).expect(200);
      expect(body.agencies).toEqual([
        {
          agencyId: s.police,
          agencyName: 'Eastmoor Constabulary',
          agencyKind: 'police',
          actions: { led: 1, open: 1, overdue: 0, slipped: 0, late: 0, averageDaysLate: null },
          challenges: { received: 1, open: 1, responseOverdue: 0, averageOpenAgeDays: 56, oldestOpenAgeDays: 56 },
        },
        {
          agencyId: s.health,
          agencyName: 'Eastmoor ICB',
          agencyKind: 'health',
          actions: { led: 1, open: 1, overdue: 1, slipped: 1, late: 1, averageDaysLate: 17 },
          challenges: { received: 0, open: 0, responseOverdue: 0, averageOpenAgeDays: null, oldestOpenAgeDays: null },
        },
      ]);
    });

    it('cycle-times: 11 days to recommend; 10 and 16 days to agree (median 13, p90 15.4); 36 days to complete', async () => {
      const { body } = await get('/analytics/cycle-times', { validAt: JUNE }).expect(200);
      const stage = (name: string) =>
        (body.stages as { stage: string; overall: unknown; byAgency: unknown[]; bySourceKind: unknown[] }[]).find((x) => x.stage === name)!;
      expect(body.unit).toBe('calendar-days');
      expect(stage('finding-to-recommendation').overall).toEqual({ count: 1, median: 11, p90: 11 });
      expect(stage('recommendation-to-agreed').overall).toEqual({ count: 2, median: 13, p90: 15.4 });
      const byAgency = stage('recommendation-to-agreed').byAgency as { agencyId: string; agencyName: string; median: number }[];
      expect(Object.fromEntries(byAgency.map((a) => [a.agencyName, a.median]))).toEqual({
        'Eastmoor Constabulary': 10,
        'Eastmoor ICB': 16,
      });
      expect(stage('recommendation-to-agreed').bySourceKind).toEqual([{ sourceKind: 'rapid-review', count: 2, median: 13, p90: 15.4 }]);
      expect(stage('agreed-to-completed').overall).toEqual({ count: 1, median: 36, p90: 36 });
      expect(stage('completed-to-impact-assured').overall).toEqual({ count: 0, median: null, p90: null });
    });

    it('themes: information sharing found twice by one source does not recur', async () => {
      const { body } = await get('/analytics/themes').expect(200);
      expect(body.themes).toEqual([
        {
          theme: 'information-sharing',
          findings: 2,
          goodPractice: 0,
          sources: 1,
          recurring: false,
          years: [2026],
          sourceKinds: ['rapid-review'],
        },
        { theme: 'early-help', findings: 1, goodPractice: 0, sources: 1, recurring: false, years: [2026], sourceKinds: ['rapid-review'] },
      ]);
      expect(body.cells).toContainEqual({ theme: 'information-sharing', sourceKind: 'rapid-review', year: 2026, findings: 2, sources: 1 });
    });

    it('enablers: both actions trace to frontline input; 1 of 2 agreed through a subgroup; one challenge in 2026-Q2', async () => {
      const { body } = await get('/analytics/enablers').expect(200);
      expect(body.findings.total).toBe(2);
      expect(body.findings.byEnabler).toContainEqual({ enabler: 'frontline-and-family-engagement', findings: 1, share: 0.5 });
      expect(body.frontlineOrFamilyInput).toEqual({ actions: 2, withInput: 2, share: 1 });
      expect(body.agreedThroughSubgroup).toEqual({ agreed: 2, throughSubgroup: 1, share: 0.5 });
      expect(body.challengesPerQuarter).toEqual([{ quarter: '2026-Q2', raised: 1, escalations: 0 }]);
    });

    it('timeliness: the rapid review went in on working day 14 of 15; the challenge answer was 4 days late', async () => {
      const { body } = await get('/analytics/timeliness', { validAt: JUNE }).expect(200);
      expect(body.rapidReviews.items).toEqual([
        {
          sourceId: s.source,
          title: 'Rapid review RR-2026-07',
          clockStartsOn: '2026-03-02',
          clockStartsFrom: 'notified',
          dueOn: '2026-03-23',
          submittedOn: '2026-03-20',
          workingDaysTaken: 14,
          workingDaysLate: 0,
          status: 'on-time',
        },
      ]);
      expect(body.challengeResponses.summary).toEqual({
        total: 1,
        onTime: 0,
        late: 1,
        overdue: 0,
        pending: 0,
        shareOnTime: 0,
        averageLate: 4,
      });
    });

    it('recomputes as of an earlier instant: on 20 Apr nothing was overdue and the challenge answer was pending', async () => {
      const validAt = '2026-04-20T12:00:00Z';
      const accountability = await get('/analytics/agency-accountability', { validAt }).expect(200);
      expect((accountability.body.agencies as { actions: { overdue: number } }[]).map((a) => a.actions.overdue)).toEqual([0, 0]);
      const timeliness = await get('/analytics/timeliness', { validAt }).expect(200);
      expect(timeliness.body.challengeResponses.items[0]).toMatchObject({ status: 'pending', respondedOn: null });
    });

    it.each(['agency-accountability', 'cycle-times', 'themes', 'enablers', 'timeliness'])(
      '%s shows nothing of another partnership, and refuses a bad instant',
      async (name) => {
        const ours = await get(`/analytics/${name}`).expect(200);
        const text = JSON.stringify(ours.body);
        expect(theirIds().filter((id) => text.includes(id))).toEqual([]);
        const bad = await get(`/analytics/${name}`, { asOf: 'yesterday' }).expect(400);
        expect(bad.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'asOf' }] });
        await get(`/analytics/${name}`, {}, theirs.admin).expect(404);
      },
    );
  });
});
