import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import type { ActionPlanRow } from '@ledger/learning';
import { actionPlanCsv } from '../apps/api/src/exports/action-plan-columns';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/**
 * The inspection pack (issue 3 item 6): one zip per instant with summary.pdf, action-plan.csv,
 * challenge-log.csv, lineage per recommendation and manifest.json, deterministic per instant and
 * exact as of it. Instants are read back from the server's timeline (`recordedAt`).
 */

type Auth = { Authorization: string };
type Body = Record<string, unknown>;
interface Manifest {
  readonly format: string;
  readonly partnershipId: string;
  readonly partnershipName: string;
  readonly asOf: string;
  readonly basis: string;
  readonly ledger: { events: number; position: string | null; lastRecordedAt: string | null; chainHash: string };
  readonly files: readonly { path: string; bytes: number; sha256: string }[];
}
interface Pack {
  readonly zip: Buffer;
  readonly files: Map<string, Buffer>;
  /** Each entry's modification time (jszip reads the DOS fields as UTC). */
  readonly dates: Map<string, Date>;
  readonly manifest: Manifest;
  readonly response: Response;
}

const NAME = 'Northshire Safeguarding Children Partnership';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const basicIso = (instant: string) => instant.replace(/[-:]/g, '');

/** supertest parser that keeps the body as bytes. */
function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the raw response stream.
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A value of the PDF's info dictionary, which pdfkit writes as indirect objects: `/Title 20 0 R` … `20 0 obj\n(…)\nendobj`. */
function infoValue(pdf: string, key: string): string | undefined {
  const info = /\/Info (\d+) 0 R/.exec(pdf)?.[1];
  const dictionary = info ? new RegExp(`\n${info} 0 obj\n<<\n([^]*?)>>`).exec(pdf)?.[1] : undefined;
  const ref = dictionary ? new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary)?.[1] : undefined;
  return ref ? new RegExp(`\n${ref} 0 obj\n(.*)\nendobj`).exec(pdf)?.[1] : undefined;
}

// jest.config.js sets testTimeout per project, which Jest ignores (jestjs/jest#9696); set it here.
jest.setTimeout(120_000);

describe('the inspection pack', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  let theirs: Seed;
  let pid: string;
  /** Record time of the last event before the pack of the first instant. */
  let first: string;
  let firstPack: Pack;

  const p = (path = '') => `/api/v1/partnerships/${pid}${path}`;
  async function post(path: string, body: object): Promise<Body> {
    const response = await app.http().post(p(path)).set(seed.admin).send(body);
    if (![200, 201].includes(response.status)) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }
  async function ok(path: string, query: Record<string, string> = {}): Promise<Body> {
    const response = await app.http().get(p(path)).query(query).set(seed.admin);
    if (response.status !== 200) throw new Error(`GET ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }
  const timeline = async (query: Record<string, string> = {}) => (await ok('/timeline', { limit: '500', ...query }))['items'] as Body[];
  const lastRecordedAt = async () => (await timeline()).at(-1)!['recordedAt'] as string;

  async function download(query: Record<string, string> = {}, auth: Auth = seed.admin): Promise<Pack> {
    const response = await app.http().get(p('/inspection-pack')).query(query).set(auth).buffer(true).parse(binary);
    if (response.status !== 200) throw new Error(`pack → ${response.status} ${(response.body as Buffer).toString('utf8')}`);
    const zip = response.body as Buffer;
    const archive = await JSZip.loadAsync(zip);
    const files = new Map<string, Buffer>();
    const dates = new Map<string, Date>();
    for (const entry of Object.values(archive.files)) {
      files.set(entry.name, await entry.async('nodebuffer'));
      dates.set(entry.name, entry.date);
    }
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    return { zip, files, dates, manifest, response };
  }
  const text = (pack: Pack, path: string) => pack.files.get(path)!.toString('utf8');

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app, NAME);
    theirs = await seedPartnership(app, 'Southfen Safeguarding Children Partnership');
    pid = seed.partnershipId;
    await post(`/recommendations/${seed.recommendationId}/responses`, { decision: 'accepted' });
    await post(`/actions/${seed.actionId}/target-date-revisions`, { newTargetDate: '2027-06-30', reason: 'Trainers unavailable' });
    await post(`/challenges/${seed.challengeId}/linked-actions`, { actionId: seed.actionId });
    first = await lastRecordedAt();
    firstPack = await download({ asOf: first });
  });
  afterAll(async () => {
    await app.close();
  });

  it('is one zip of the summary, the action plan, the challenge log, each lineage and the manifest, in a fixed order', async () => {
    expect(firstPack.response.headers['content-type']).toMatch(/^application\/zip/);
    expect(firstPack.response.headers['content-disposition']).toBe(
      `attachment; filename="inspection-pack-${pid}-${basicIso(new Date(first).toISOString())}.zip"`,
    );
    const number = (await ok(`/recommendations/${seed.recommendationId}`))['number'] as string;
    expect([...firstPack.files.keys()]).toEqual([
      'summary.pdf',
      'action-plan.csv',
      'challenge-log.csv',
      `lineage/${number}.json`,
      `lineage/${number}.txt`,
      'manifest.json',
    ]);
    // DOS timestamps keep even seconds.
    const stamp = Math.floor(Date.parse(first) / 2000) * 2000;
    expect([...firstPack.dates.values()].map((date) => date.getTime())).toEqual([...firstPack.files.keys()].map(() => stamp));
  });

  it('has a manifest naming the instant, the partnership, the ledger position and every other file’s SHA-256', async () => {
    const { manifest, files } = firstPack;
    expect(manifest).toMatchObject({ partnershipId: pid, partnershipName: NAME, asOf: new Date(first).toISOString() });
    expect(manifest.basis).toContain(`as recorded at ${new Date(first).toISOString()}`);
    expect(manifest.files.map((file) => file.path)).toEqual([...files.keys()].filter((path) => path !== 'manifest.json'));
    for (const file of manifest.files) {
      expect({ path: file.path, sha256: file.sha256, bytes: file.bytes }).toEqual({
        path: file.path,
        sha256: sha256(files.get(file.path)!),
        bytes: files.get(file.path)!.length,
      });
    }
    const events = await timeline({ to: first });
    expect(manifest.ledger).toMatchObject({ events: events.length, position: events.at(-1)!['position'], lastRecordedAt: first });
  });

  it('names the partnership chain’s link for the last event it reflects (once the sealer has sealed it)', async () => {
    const { events, chainHash } = firstPack.manifest.ledger;
    const sealed = async () =>
      (
        await app.db.pool.query<{ hash: string }>(
          `SELECT encode(partnership_hash, 'hex') AS hash FROM event_chain WHERE partnership_id = $1 AND partnership_seq = $2`,
          [pid, events],
        )
      ).rows[0]?.hash;
    for (let tries = 0; tries < 600 && (await sealed()) === undefined; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await sealed()).toBe(chainHash);
  });

  it('holds the canonical action-plan CSV of the instant', async () => {
    const rows = (await ok('/action-plan', { asOf: first }))['rows'] as ActionPlanRow[];
    expect(text(firstPack, 'action-plan.csv')).toBe(actionPlanCsv(rows));
    const records = parse<Record<string, string>>(text(firstPack, 'action-plan.csv'), { columns: true });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      'Action ID': seed.actionId,
      Status: 'in-progress',
      'Target date': '2027-06-30',
      'Original target date': '2027-03-31',
      Timeliness: 'slipped',
    });
  });

  it('holds the challenge log without personal data', async () => {
    const csv = text(firstPack, 'challenge-log.csv');
    const records = parse<Record<string, string>>(csv, { columns: true });
    expect(records).toEqual([
      expect.objectContaining({
        'Challenge ID': seed.challengeId,
        Subject: 'Attendance at strategy discussions',
        'To agency': 'Northshire Constabulary',
        'Response due': '2027-01-31',
        Status: 'raised',
        'Escalation level': '',
        'First response at': '',
        'Linked action IDs': seed.actionId,
      }),
    ]);
    expect(csv).not.toContain('The board asks for assurance');
    expect(csv).not.toContain('partnership-admin@example.org');
  });

  it('holds each recommendation’s lineage as the lineage query answers it at the instant, and readably', async () => {
    const number = (await ok(`/recommendations/${seed.recommendationId}`))['number'] as string;
    const lineage = JSON.parse(text(firstPack, `lineage/${number}.json`)) as Body;
    const live = await ok('/lineage', { recommendationId: seed.recommendationId, asOf: first });
    expect(lineage).toMatchObject({ partnershipId: pid, asOf: new Date(first).toISOString(), recommendationId: seed.recommendationId });
    expect({ root: lineage['root'], nodes: lineage['nodes'], edges: lineage['edges'] }).toEqual({
      root: live['root'],
      nodes: live['nodes'],
      edges: live['edges'],
    });
    const readable = text(firstPack, `lineage/${number}.txt`);
    expect(readable).toContain('Source: Rapid review RR-2025-01');
    expect(readable).toContain(`Recommendation ${number}: The partnership should refresh its information-sharing protocol. [in-delivery]`);
    expect(readable).toContain('Action: Refresh and relaunch the information-sharing protocol.');
  });

  it('holds a PDF summary stamped with the instant', async () => {
    const pdf = firstPack.files.get('summary.pdf')!.toString('latin1');
    const instant = new Date(first);
    const stamp = `D:${instant.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(infoValue(pdf, 'Title')).toBe(`(Inspection pack: ${NAME}, as recorded at ${instant.toISOString()})`);
    expect(infoValue(pdf, 'CreationDate')).toBe(`(${stamp})`);
    expect(infoValue(pdf, 'ModDate')).toBe(`(${stamp})`);
  });

  it('gives the same bytes for the same instant, and a later event — even back-dated — changes only later packs', async () => {
    const again = await download({ asOf: first });
    expect(sha256(again.zip)).toBe(sha256(firstPack.zip));

    await post(`/actions/${seed.actionId}/progress-updates`, {
      narrative: 'Protocol launch slipped',
      rag: 'red',
      occurredAt: new Date(Date.parse(first) - 1).toISOString(),
      reason: 'Entered from the subgroup minutes',
    });
    const later = await lastRecordedAt();
    const after = await download({ asOf: later });
    const before = await download({ asOf: first });
    expect(sha256(before.zip)).toBe(sha256(firstPack.zip));
    expect(sha256(after.zip)).not.toBe(sha256(firstPack.zip));
    expect(after.manifest.ledger.events).toBe(firstPack.manifest.ledger.events + 1);
    const row = (csv: string) => parse<Record<string, string>>(csv, { columns: true })[0]!;
    expect(row(text(after, 'action-plan.csv'))['Owner RAG']).toBe('red');
    expect(row(text(before, 'action-plan.csv'))['Owner RAG']).toBe('');
  });

  it('is of now when asOf is absent, and names the instant it used', async () => {
    const from = Date.now();
    const pack = await download();
    const asOf = Date.parse(pack.manifest.asOf);
    expect(asOf).toBeGreaterThanOrEqual(from);
    expect(asOf).toBeLessThanOrEqual(Date.now());
    expect(pack.response.headers['content-disposition']).toContain(basicIso(pack.manifest.asOf));
  });

  it('refuses a malformed or future asOf (400 naming asOf) and an instant before the partnership existed (404)', async () => {
    for (const asOf of ['yesterday', new Date(Date.now() + 86_400_000).toISOString()]) {
      const response = await app.http().get(p('/inspection-pack')).query({ asOf }).set(seed.admin);
      expect({ asOf, status: response.status, fields: (response.body.errors as { field: string }[]).map((e) => e.field) }).toEqual({
        asOf,
        status: 400,
        fields: ['asOf'],
      });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const registered = (await timeline()).at(0)!['recordedAt'] as string;
    const before = new Date(Date.parse(registered) - 60_000).toISOString();
    const response = await app.http().get(p('/inspection-pack')).query({ asOf: before }).set(seed.admin);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'not-found' });
  });

  it.each(['auditor', 'analyst'] as const)('may be downloaded by a read-only %s', async (role) => {
    const pack = await download({ asOf: first }, await app.bearer({ roles: [role], partnerships: [pid] }));
    expect(sha256(pack.zip)).toBe(sha256(firstPack.zip));
  });

  it('may be downloaded by an inspector during a grant, and not without one', async () => {
    const inspector = await app.bearer({ sub: 'inspector-0001@example.gov.uk', roles: ['inspector'], partnerships: [pid] });
    const refused = await app.http().get(p('/inspection-pack')).query({ asOf: first }).set(inspector);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 404, code: 'not-found' });
    await post('/inspector-grants', {
      inspectorId: 'inspector-0001@example.gov.uk',
      from: new Date(Date.now() - 3_600_000).toISOString(),
      until: new Date(Date.now() + 86_400_000).toISOString(),
      reason: 'JTAI fieldwork',
    });
    const pack = await download({ asOf: first }, inspector);
    expect(sha256(pack.zip)).toBe(sha256(firstPack.zip));
  });

  it("answers 404 to another partnership's token, disclosing nothing", async () => {
    const response = await app.http().get(p('/inspection-pack')).set(theirs.admin);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'not-found' });
    expect(JSON.stringify(response.body)).not.toContain(NAME);
  });
});
