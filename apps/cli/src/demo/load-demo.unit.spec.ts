import { ApiClient, ApiError } from './api-client';
import { loadDemo } from './load-demo';
import { NORTHSHIRE } from './scenario';
import { FakeLedgerApi, problem } from './test/fake-ledger-api';

const NOW = new Date('2026-06-01T12:00:00Z');
const BASE = 'http://ledger.test/';

async function load(api: FakeLedgerApi, lines: string[] = []) {
  return loadDemo({ baseUrl: BASE, token: 'demo-token', log: (line) => lines.push(line), now: NOW, fetch: api.fetch });
}

describe('loadDemo against a strict in-memory API', () => {
  const api = new FakeLedgerApi();
  const lines: string[] = [];
  let summary: Awaited<ReturnType<typeof loadDemo>>;
  beforeAll(async () => {
    summary = await load(api, lines);
  });

  it('registers one partnership and loads every item of the scenario', () => {
    expect(api.items.get(summary.partnershipId)?.kind).toBe('partnership');
    expect(api.agencies.map((agency) => agency.name)).toEqual(NORTHSHIRE.agencies.map((agency) => agency.name));
    const count = (kind: string) => [...api.items.values()].filter((item) => item.kind === kind).length;
    expect(count('source')).toBe(summary.counts.sources);
    expect(count('recommendation')).toBe(summary.counts.recommendations);
    expect(count('action')).toBe(summary.counts.actions);
    expect(count('challenge')).toBe(summary.counts.challenges);
    expect(summary.counts.commands).toBe(api.commands.length);
  });

  it('reports the action statuses the API ended up with, every status reached', () => {
    const byStatus: Record<string, number> = {};
    for (const item of api.items.values()) if (item.kind === 'action') byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
    expect(summary.actionsByStatus).toEqual(byStatus);
    Object.values(summary.actionsByStatus).forEach((count) => expect(count).toBeGreaterThan(0));
  });

  it("sends each item's commands in business-time order, back-dated with a reason", () => {
    for (const item of api.items.values()) expect(item.times).toEqual([...item.times].sort());
    expect(api.commands.every((command) => typeof command.body['reason'] === 'string')).toBe(true);
  });

  it('sends a distinct Idempotency-Key derived from the scenario on every POST', () => {
    const keys = api.commands.map((command) => command.key);
    expect(new Set(keys).size).toBe(keys.length);
    keys.forEach((key) => expect(key).toMatch(/^demo-[a-z0-9-]+$/));
    expect(keys).toContain('demo-action-rr1-a1-10-close');
  });

  it('resolves finding ids from the source and dates forums with the meeting day', () => {
    const rec = api.commands.find((command) => command.key === 'demo-recommendation-rr2-r1')!;
    expect(rec.body['findingIds']).toHaveLength(3);
    const verify = api.commands.find((command) => command.key.endsWith('-verify-completion'))!;
    expect(verify.body['forum']).toMatch(/^[A-Z].+, \d{4}-\d{2}-\d{2}$/);
  });

  it('attaches evidence with the SHA-256 of synthetic content and puts some targets in the past', () => {
    const evidence = api.commands.filter((command) => command.path.endsWith('/evidence'));
    evidence.forEach((command) => expect(command.body['sha256']).toMatch(/^[0-9a-f]{64}$/));
    expect(evidence.some((command) => command.body['describesImpact'] === true)).toBe(true);
    const targets = api.commands
      .filter((command) => command.key.match(/^demo-action-[a-z0-9]+-a\d+$/))
      .map((c) => c.body['targetDate'] as string);
    expect(targets.some((date) => date < '2026-06-01')).toBe(true);
    expect(targets.some((date) => date > '2026-06-01')).toBe(true);
  });

  it('logs its progress', () => {
    expect(lines[0]).toContain('Northshire Safeguarding Children Partnership');
    expect(lines.some((line) => line.includes(`${NORTHSHIRE.actions.length}/${NORTHSHIRE.actions.length}`))).toBe(true);
  });
});

describe('loadDemo when the API refuses a command', () => {
  it('throws with the method, path, status and problem body', async () => {
    const api = new FakeLedgerApi();
    api.intercept = (method, path) =>
      path.endsWith('/claim-completion') ? problem(422, 'completion-needs-evidence', 'no evidence') : undefined;
    await expect(load(api)).rejects.toThrow(
      /POST \/partnerships\/[0-9a-f-]+\/actions\/[0-9a-f-]+\/claim-completion failed with 422: .*completion-needs-evidence/,
    );
  });
});

describe('ApiClient', () => {
  it('retries a 503 with the same Idempotency-Key, then answers', async () => {
    const api = new FakeLedgerApi();
    let failures = 1;
    const keys: string[] = [];
    const client = new ApiClient({
      baseUrl: BASE,
      token: 'demo-token',
      backoff: () => 0,
      fetch: (url, init) => {
        keys.push(init.headers['idempotency-key'] ?? '');
        return failures-- > 0 ? Promise.resolve({ ok: false, status: 503, text: async () => '{}' }) : api.fetch(url, init);
      },
    });
    const result = await client.post(
      '/partnerships',
      { name: 'N', localAuthorities: ['N'], occurredAt: '2026-01-01T09:00:00Z', reason: 'test' },
      'demo-key',
    );
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys).toEqual(['demo-key', 'demo-key']);
  });

  it('exposes the problem of a refused request', async () => {
    const api = new FakeLedgerApi();
    const client = new ApiClient({ baseUrl: BASE, token: 'demo-token', fetch: api.fetch });
    const error = await client.post('/partnerships', { name: 'N', unknown: true }, 'demo-key').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ method: 'POST', path: '/partnerships', status: 400, problem: { code: 'validation' } });
  });
});
