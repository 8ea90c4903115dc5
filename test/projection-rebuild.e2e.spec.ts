import { PassThrough } from 'node:stream';
import { PostgresEventStore, PostgresProjectionEngine, silentProjectionLogger } from '@ledger/event-sourcing';
import { createPool } from '@ledger/platform';
import { loadConfig } from '../apps/api/src/config/ledger-config';
import { ledgerProjections } from '../apps/api/src/composition/ledger-projections';
import { runCheckProjections } from '../apps/cli/src/commands/check-projections.command';
import { runRebuild } from '../apps/cli/src/commands/rebuild.command';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(300_000);

const WORKERS = 3;

/** Polls a condition (never a sleep standing in for one). */
async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Proposed {
  readonly actionId: string;
  readonly description: string;
  updates: number;
}

/**
 * Commands issued concurrently through the API for as long as it runs: each worker proposes an
 * action, reads it back, records a progress update, reads it back. Every answer must be 2xx and
 * every read must show the command's effect at once (read-your-writes), whatever the rebuild does.
 */
class CommandLoad {
  readonly proposed: Proposed[] = [];
  readonly failures: string[] = [];
  /** Commands answered so far. */
  commands = 0;
  /** Loop iterations finished so far. */
  done = 0;
  private stopping = false;
  private readonly workers: Promise<void>[];

  constructor(
    private readonly app: LedgerTestApp,
    private readonly seed: Seed,
  ) {
    this.workers = Array.from({ length: WORKERS }, (_, worker) => this.work(worker));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers);
  }

  private async work(worker: number): Promise<void> {
    const base = `/api/v1/partnerships/${this.seed.partnershipId}/actions`;
    for (let i = 0; !this.stopping; i++) {
      const description = `Worker ${worker} action ${i}: refresh the escalation leaflet.`;
      const created = await this.app
        .http()
        .post(base)
        .set(this.seed.admin)
        .send({
          recommendationIds: [this.seed.recommendationId],
          description,
          leadAgencyId: this.seed.agencyId,
          targetDate: '2027-06-30',
          successMeasure: 'Leaflet in use in 9 of 10 audited cases.',
        });
      if (created.status !== 201) {
        this.failures.push(`propose → ${created.status}`);
        continue;
      }
      this.commands++;
      const action: Proposed = { actionId: (created.body as { id: string }).id, description, updates: 0 };
      this.proposed.push(action);
      await this.expectRead(action);
      const steps: [string, object][] = [
        ['agree', { forum: 'Learning and Improvement subgroup' }],
        ['start', {}],
        ['progress-updates', { narrative: `Update ${i} from worker ${worker}.`, rag: 'green' }],
      ];
      for (const [verb, body] of steps) {
        const answer = await this.app.http().post(`${base}/${action.actionId}/${verb}`).set(this.seed.admin).send(body);
        if (answer.status !== 201 && answer.status !== 200) this.failures.push(`${verb} → ${answer.status}`);
        this.commands++;
      }
      action.updates++;
      await this.expectRead(action);
      this.done++;
    }
  }

  private async expectRead(action: Proposed): Promise<void> {
    const read = await this.app
      .http()
      .get(`/api/v1/partnerships/${this.seed.partnershipId}/actions/${action.actionId}`)
      .set(this.seed.admin);
    const body = read.body as { description?: string; updateCount?: number };
    if (read.status !== 200 || body.description !== action.description || body.updateCount !== action.updates)
      this.failures.push(`read of ${action.actionId} after its command → ${read.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
}

function capture(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
}

describe('ledger rebuild under concurrent command load', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('switches every read model to a new generation losing nothing, and check-projections finds a tampered row', async () => {
    const config = loadConfig({ DATABASE_URL: app.db.url, LOG_LEVEL: 'error' });
    const load = new CommandLoad(app, seed);
    const pool = createPool(app.db.url);
    try {
      await until(() => load.done >= 4);
      // Another process rebuilding, in small pages, with commands landing between its pages.
      const rebuilder = new PostgresProjectionEngine({
        pool,
        store: new PostgresEventStore(pool),
        projections: ledgerProjections,
        rebuildBatchSize: 8,
        logger: silentProjectionLogger,
      });
      let pages = 0;
      const all = await rebuilder.rebuild(undefined, {
        onProgress: async () => {
          const seen = load.commands;
          pages++;
          await until(() => load.commands > seen || load.failures.length > 0);
        },
      });
      expect(pages).toBeGreaterThan(3);
      expect(all.switched.map(({ name, generation }) => ({ name, generation }))).toEqual(
        ledgerProjections.map(({ name }) => ({ name, generation: 2 })),
      );

      // The CLI, once more for the action plan's actions, still under load.
      const rebuildOutput = capture();
      await runRebuild('actions', { config, out: rebuildOutput.out });
      expect(rebuildOutput.text()).toMatch(/actions: generation 3 \(version \d+\) is live at \d+:\d+/);
      expect(rebuildOutput.text()).toMatch(/actions: \d+\/\d+ events \(\d+%\), \d+ events\/s, ETA \d+ s/);
      const after = load.commands;
      await until(() => load.commands >= after + 3);
    } finally {
      await load.stop();
      await pool.end();
    }

    expect(load.failures.slice(0, 5)).toEqual([]);
    const head = (await app.ledger.runtime.store.head())!;
    await app.ledger.runtime.progress.waitFor(head);
    const listed = await app.http().get(`/api/v1/partnerships/${seed.partnershipId}/actions`).set(seed.admin);
    const byId = new Map(
      (listed.body as { items: { id: string; updateCount: number }[] }).items.map((action) => [action.id, action.updateCount]),
    );
    for (const action of load.proposed)
      expect({ id: action.actionId, updates: byId.get(action.actionId) }).toEqual({ id: action.actionId, updates: action.updates });

    const clean = capture();
    expect(await runCheckProjections(undefined, { config, out: clean.out })).toBe(0);
    for (const { name } of ledgerProjections)
      expect(clean.text()).toMatch(new RegExp(`^${name} +ok \\(\\d+ document\\(s\\) at \\d+:\\d+\\)$`, 'm'));

    const tampered = load.proposed[0]!;
    await app.db.pool.query(`UPDATE rm_actions SET doc = jsonb_set(doc, '{description}', '"Tampered in SQL"') WHERE id = $1`, [
      tampered.actionId,
    ]);
    const dirty = capture();
    expect(await runCheckProjections('actions', { config, out: dirty.out })).toBe(1);
    expect(dirty.text()).toContain(
      `actions ${tampered.actionId} doc.description: live "Tampered in SQL" vs refolded ${JSON.stringify(tampered.description)}`,
    );
  });
});
