/*
 * Where the time goes: measured beside the figures so a miss comes with its explanation.
 * - waits: what the benchmark database's active backends wait on, sampled every 10 ms;
 * - round trips: every query any pg client in this process sends, by kind;
 * - CPU: this process's CPU time (server, projections and the load worker together);
 * - stages: wall time inside the event store and the read-your-writes wait, per call.
 */
import { Client } from 'pg';
import { PostgresEventStore, PostgresProjectionProgress } from '@ledger/event-sourcing';

const SAMPLE = `SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS wait, count(*)::int AS n
  FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' GROUP BY 1`;

/** Share of sampled active backends per wait event (e.g. `Lock:object` = the NOTIFY queue lock). */
export async function sampleWaits(url: string): Promise<{ stop(): Promise<Record<string, number>> }> {
  const client = new Client({ connectionString: url, application_name: 'ledger-bench-sampler' });
  await client.connect();
  const counts: Record<string, number> = {};
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ wait: string; n: number }>(SAMPLE);
      for (const { wait, n } of rows) counts[wait] = (counts[wait] ?? 0) + n;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
      const shares = Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5);
      return Object.fromEntries(shares.map(([wait, n]) => [wait, Number((n / total).toFixed(3))]));
    },
  };
}

const KINDS: readonly [string, RegExp][] = [
  ['append (ledger_append)', /ledger_append\(/],
  ['load stream', /FROM events\s+WHERE stream_id/],
  ['projection: read page', /FROM events\s+WHERE \(transaction_id/],
  ['projection: BEGIN', /^BEGIN/],
  ['projection: COMMIT', /^COMMIT/],
  ['projection: load documents', /FOR UPDATE/],
  ['projection: upsert documents', /jsonb_populate_recordset/],
  ['projection: save checkpoint', /INSERT INTO projection_checkpoints/],
  ['read checkpoints', /FROM projection_checkpoints/],
  ['agency directory / other reads', /^\s*SELECT/],
];

type QueryFn = (this: Client, ...args: unknown[]) => unknown;

/** Counts queries sent by every pg Client in this process until `stop()`. */
export function countQueries(): { stop(): Record<string, number> } {
  const proto = Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const counts: Record<string, number> = {};
  proto.query = function counted(this: Client, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === 'string' ? config : ((config as { text?: string } | undefined)?.text ?? '');
    if (!text.includes('pg_stat_activity')) {
      const kind = KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? text.trim().slice(0, 40);
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return original.apply(this, args);
  };
  return {
    stop() {
      proto.query = original;
      return counts;
    },
  };
}

/** CPU milliseconds this process used from now until `stop()` (all threads). */
export function cpuTime(): { stop(): number } {
  const start = process.cpuUsage();
  return {
    stop() {
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    },
  };
}

type Method = (...args: unknown[]) => Promise<unknown>;
const STAGES: readonly [string, { prototype: object }, string][] = [
  ['load stream (readStream)', PostgresEventStore, 'readStream'],
  ['append (appendToStream)', PostgresEventStore, 'appendToStream'],
  ['wait for projections (waitFor)', PostgresProjectionProgress, 'waitFor'],
];

/** Mean wall milliseconds per call of the event store's and read-your-writes' methods, until `stop()`. */
export function timeStages(): { stop(): Record<string, { calls: number; meanMs: number }> } {
  const totals = new Map<string, { calls: number; ms: number }>();
  const restore = STAGES.map(([stage, type, name]) => {
    const proto = type.prototype as Record<string, Method>;
    const original = proto[name]!;
    proto[name] = async function timed(this: unknown, ...args: unknown[]) {
      const begin = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        const total = totals.get(stage) ?? { calls: 0, ms: 0 };
        totals.set(stage, { calls: total.calls + 1, ms: total.ms + performance.now() - begin });
      }
    };
    return () => (proto[name] = original);
  });
  return {
    stop() {
      for (const undo of restore) undo();
      return Object.fromEntries([...totals].map(([stage, t]) => [stage, { calls: t.calls, meanMs: Number((t.ms / t.calls).toFixed(2)) }]));
    },
  };
}

/** Divides every count by `per` (e.g. round trips per command). */
export function perUnit(counts: Record<string, number>, per: number): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, Number((n / per).toFixed(2))]));
}
