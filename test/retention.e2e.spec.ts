import { EvidenceRetention, EvidenceRetentionQueries, RETENTION_ACTOR } from '@ledger/learning';
import { CommandExecutor } from '@ledger/event-sourcing';
import { EvidenceRetentionJob } from '../apps/api/src/retention/evidence-retention.job';
import { runRetention } from '../apps/cli/src/commands/retention.command';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

jest.setTimeout(120_000);

interface EvidenceView {
  evidenceId: string;
  title: string;
  uri: string | null;
  sha256: string | null;
  retentionClass: string;
  retentionFrom: string | null;
  disposalDueOn: string | null;
  disposedAt: string | null;
}

/*
 * Retention with a clock the test controls: the job takes `now`; the evidence is recorded today,
 * so the effective dates below place it in the past. On 2030-01-01 (UTC) the working papers of
 * 2020 (due 2022-01-15) and the standard audit of 2019 (due 2025-06-01) are past retention; the
 * permanent report, the review record and the seed's evidence (recorded today) are not.
 */
describe('evidence retention: classes, the disposal job and what an auditor sees after', () => {
  const NOW = new Date('2030-01-01T03:00:00.000Z');
  const sha256 = 'c0ffee'.padEnd(64, '0');
  let app: LedgerTestApp;
  let seed: Seed;
  let ids: Record<'papers' | 'audit' | 'report' | 'review', string>;

  const api = (path: string): string => `/api/v1/partnerships/${seed.partnershipId}${path}`;
  const attach = async (body: object): Promise<string> => {
    const before = await app
      .http()
      .get(api(`/actions/${seed.actionId}`))
      .set(seed.admin);
    const response = await app
      .http()
      .post(api(`/actions/${seed.actionId}/evidence`))
      .set(seed.admin)
      .send(body);
    expect(response.status).toBe(201);
    const after = await app
      .http()
      .get(api(`/actions/${seed.actionId}`))
      .set(seed.admin);
    const known = new Set((before.body as { evidence: EvidenceView[] }).evidence.map((e) => e.evidenceId));
    return (after.body as { evidence: EvidenceView[] }).evidence.find((e) => !known.has(e.evidenceId))!.evidenceId;
  };
  const evidence = async (): Promise<Map<string, EvidenceView>> => {
    const response = await app
      .http()
      .get(api(`/actions/${seed.actionId}`))
      .set(seed.admin);
    return new Map((response.body as { evidence: EvidenceView[] }).evidence.map((e) => [e.evidenceId, e]));
  };
  const disposals = async (): Promise<{ event_id: string; evidence_id: string }[]> =>
    (
      await app.db.pool.query<{ event_id: string; evidence_id: string }>(
        `SELECT event_id, data->>'evidenceId' AS evidence_id FROM events WHERE event_type = 'EvidenceDisposed' ORDER BY global_position`,
      )
    ).rows;
  const caughtUp = async (positions: readonly string[]): Promise<void> => {
    for (const position of positions) await app.ledger.runtime.progress.waitFor(position);
  };

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
    ids = {
      papers: await attach({
        title: 'Audit working notes',
        kind: 'other',
        describesImpact: false,
        retentionClass: 'working-papers',
        effectiveFrom: '2020-01-15',
      }),
      audit: await attach({
        title: 'Repeat audit results',
        kind: 'audit-result',
        describesImpact: true,
        uri: 'https://docs.example.org/audits/repeat-2019.pdf',
        sha256,
        effectiveFrom: '2019-06-01',
      }),
      report: await attach({
        title: 'Published practice review',
        kind: 'other',
        describesImpact: false,
        retentionClass: 'permanent',
        effectiveFrom: '2000-01-01',
      }),
      review: await attach({
        title: 'Review panel chronology (anonymised)',
        kind: 'other',
        describesImpact: false,
        retentionClass: 'review-record',
      }),
    };
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores the class in EvidenceAttached v2 and shows class, start and due day on the action', async () => {
    const { rows } = await app.db.pool.query<{ schema_version: number; retention_class: string }>(
      `SELECT schema_version, data->>'retentionClass' AS retention_class FROM events WHERE event_type = 'EvidenceAttached' AND data->>'evidenceId' = $1`,
      [ids.papers],
    );
    expect(rows).toEqual([{ schema_version: 2, retention_class: 'working-papers' }]);
    const items = await evidence();
    const today = new Date().toISOString().slice(0, 10);
    expect(items.get(ids.papers)).toMatchObject({
      retentionClass: 'working-papers',
      retentionFrom: '2020-01-15',
      disposalDueOn: '2022-01-15',
      disposedAt: null,
    });
    expect(items.get(ids.audit)).toMatchObject({ retentionClass: 'standard', disposalDueOn: '2025-06-01', sha256 });
    expect(items.get(ids.report)).toMatchObject({ retentionClass: 'permanent', disposalDueOn: null });
    expect(items.get(ids.review)).toMatchObject({ retentionClass: 'review-record', retentionFrom: today });
  });

  it('refuses an unknown retention class with problem+json naming the field, writing nothing', async () => {
    const before = await app.eventCount();
    const response = await app
      .http()
      .post(api(`/actions/${seed.actionId}/evidence`))
      .set(seed.admin)
      .send({ title: 'Minutes', kind: 'minutes', describesImpact: false, retentionClass: 'forever' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((response.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('retentionClass');
    expect(await app.eventCount()).toBe(before);
  });

  it('a dry run lists what is due and writes nothing', async () => {
    const before = await app.eventCount();
    const report = await app.ledger.runtime.retention.runOnce(NOW, { dryRun: true });
    expect(report?.disposed.map((d) => d.evidenceId).sort()).toEqual([ids.papers, ids.audit].sort());
    expect(await app.eventCount()).toBe(before);
  });

  it('skips the run while another process holds the retention lock', async () => {
    const holder = await app.db.pool.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('ledger:evidence-retention'))`);
      const before = await app.eventCount();
      expect(await app.ledger.runtime.retention.runOnce(NOW)).toBeNull();
      expect(await app.eventCount()).toBe(before);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext('ledger:evidence-retention'))`);
      holder.release();
    }
  });

  it('disposes of exactly the evidence past retention, once, even when two instances race and the job re-runs', async () => {
    // Two instances without the lock (the worst case): deterministic event ids keep it to one event each.
    const executor = new CommandExecutor(app.ledger.runtime.store, { waitFor: () => Promise.resolve() });
    const finder = new EvidenceRetentionQueries(app.ledger.runtime.dataSource);
    const [first, second] = await Promise.all([
      new EvidenceRetention(executor, finder).run(NOW),
      new EvidenceRetention(executor, finder).run(NOW),
    ]);
    expect([...first.refused, ...second.refused]).toEqual([]);
    const written = await disposals();
    expect(written.map((d) => d.evidence_id).sort()).toEqual([ids.papers, ids.audit].sort());
    await caughtUp([...first.disposed, ...second.disposed].map((d) => d.position));

    const before = await app.eventCount();
    const rerun = await app.ledger.runtime.retention.runOnce(NOW);
    expect(rerun).toEqual({ today: '2030-01-01', disposed: [], refused: [] });
    expect(await app.eventCount()).toBe(before);
    expect(await disposals()).toEqual(written);
  });

  it('after disposal the action keeps the record, class and disposal time, without uri or sha256, and counts stand', async () => {
    const items = await evidence();
    expect(items.get(ids.audit)).toMatchObject({
      title: 'Repeat audit results',
      retentionClass: 'standard',
      uri: null,
      sha256: null,
      disposedAt: NOW.toISOString(),
    });
    expect(items.get(ids.papers)).toMatchObject({ disposedAt: NOW.toISOString(), title: 'Audit working notes' });
    expect(items.get(ids.report)).toMatchObject({ disposedAt: null });
    const action = await app
      .http()
      .get(api(`/actions/${seed.actionId}`))
      .set(seed.admin);
    expect(action.body).toMatchObject({ evidenceCount: 5, impactEvidenceCount: 1, impactStatus: 'evidence-attached' });
  });

  it('shows the disposal in the action history, by the retention job', async () => {
    const response = await app
      .http()
      .get(api(`/actions/${seed.actionId}/history`))
      .set(seed.admin);
    const disposed = (response.body as { items: { type: string; data: Record<string, unknown>; actor: unknown }[] }).items.filter(
      (item) => item.type === 'EvidenceDisposed',
    );
    expect(disposed.map((item) => item.data.evidenceId).sort()).toEqual([ids.papers, ids.audit].sort());
    expect(disposed[0]).toMatchObject({
      actor: RETENTION_ACTOR,
      data: { actionId: seed.actionId, disposedAt: NOW.toISOString(), reason: 'retention-expired' },
    });
  });

  it('ledger retention --now lists what would be due then (a dry run), writing nothing', async () => {
    const settings = { DATABASE_URL: app.db.url, LEDGER_RETENTION_INTERVAL_MINUTES: 'off', LOG_LEVEL: 'error' };
    const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const before = await app.eventCount();
    try {
      Object.assign(process.env, settings);
      await runRetention({ now: '2057-01-01T00:00:00Z', json: true });
    } finally {
      log.mockRestore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const report = JSON.parse(printed.join('\n')) as { today: string; disposed: { evidenceId: string }[] };
    expect(report.today).toBe('2057-01-01');
    expect(report.disposed.map((d) => d.evidenceId)).toContain(ids.review);
    expect(report.disposed).toHaveLength(2);
    expect(await app.eventCount()).toBe(before);
  });

  it('runs on a schedule with the clock it is given, and stops cleanly', async () => {
    const later = new Date('2057-01-01T00:00:00.000Z');
    const job = new EvidenceRetentionJob({
      pool: app.db.pool,
      dataSource: app.ledger.runtime.dataSource,
      store: app.ledger.runtime.store,
      intervalMs: 50,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      clock: () => later,
    });
    job.start();
    try {
      const deadline = Date.now() + 20_000;
      while ((await disposals()).length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await job.stop();
    }
    // By 2057 the review record (30 years) and the seed's standard evidence are due; the permanent report never is.
    const disposedIds = (await disposals()).map((d) => d.evidence_id);
    expect(disposedIds).toHaveLength(4);
    expect(disposedIds).toContain(ids.review);
    expect(disposedIds).not.toContain(ids.report);
  });
});
