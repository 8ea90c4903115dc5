import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

/**
 * Files the disclosure interceptor cannot rewrite (ADR 0013, 0011): the XLSX export and the
 * inspection pack (a zip holding a PDF, CSVs and lineage JSON/text) disclose before rendering, so a
 * forgotten owner reads `[erased]` and redacted text `[redacted]` in every file, and not one byte of
 * the name, the person's id or the withdrawn text is left, even in a pack of an instant before the
 * forgetting. All names and texts are synthetic.
 */

jest.setTimeout(180_000);

type Body = Record<string, unknown>;

const NAME = 'Quinn Example';
const DESCRIPTION = 'Rewrite the Marigold referral checklist for night staff.';
const RECOMMENDATION = 'The partnership should review the Larkspur escalation route with every partner.';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest parser that keeps the body as bytes. */
function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Everything a PDF says, readable: its raw bytes, each inflated content stream, and the text of
 * each `TJ` line with its hex runs joined (pdfkit splits words at kerning, never inside a line).
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([^]*?)\r?\nendstream/g)].map((match) => {
    try {
      return inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      return match[1]!;
    }
  });
  const lines = streams.flatMap((content) =>
    [...content.matchAll(/\[([^\]]*)\] TJ/g)].map((tj) =>
      [...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''),
    ),
  );
  return [raw, ...streams, ...lines].join('\n');
}

/** Every entry of a zip (an XLSX, the pack) as text; a PDF entry as pdfText. */
async function zipTexts(zip: Buffer): Promise<Map<string, string>> {
  const archive = await JSZip.loadAsync(zip);
  const texts = new Map<string, string>();
  for (const entry of Object.values(archive.files)) {
    const bytes = await entry.async('nodebuffer');
    texts.set(entry.name, entry.name.endsWith('.pdf') ? pdfText(bytes) : bytes.toString('utf8'));
  }
  return texts;
}

describe('disclosure in files: the XLSX export and the inspection pack', () => {
  let app: LedgerTestApp;
  let seed: Seed;
  let personId: string;
  let actionId: string;
  let recommendationId: string;
  /** An instant after the action was proposed, before the redactions and the forgetting. */
  let before: string;

  const p = (path: string) => `/api/v1/partnerships/${seed.partnershipId}${path}`;
  async function post(path: string, body: object, status = 201): Promise<Body> {
    const response = await app.http().post(p(path)).set(seed.admin).send(body);
    expect({ path, status: response.status }).toEqual({ path, status });
    return response.body as Body;
  }
  async function eventId(item: string, type: string): Promise<string> {
    const history = await app
      .http()
      .get(p(`${item}/history`))
      .set(seed.admin)
      .expect(200);
    return (history.body as { items: { type: string; eventId: string }[] }).items.find((entry) => entry.type === type)!.eventId;
  }
  const download = async (path: string, asOf: string): Promise<Buffer> => {
    const response = await app.http().get(p(path)).query({ asOf }).set(seed.admin).buffer(true).parse(binary).expect(200);
    return response.body as Buffer;
  };
  const secrets = () => [NAME, 'Quinn', 'quinn.example@example.org', DESCRIPTION, 'Marigold', RECOMMENDATION, 'Larkspur', personId];
  const leaks = (texts: Map<string, string>) =>
    [...texts].flatMap(([path, text]) => secrets().flatMap((secret) => (text.includes(secret) ? [`${path}: ${secret}`] : [])));

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    seed = await seedPartnership(app);
    personId = (await post('/people', { name: NAME, email: 'quinn.example@example.org', agencyId: seed.agencyId }))['id'] as string;
    recommendationId = (
      await post('/recommendations', {
        sourceId: seed.sourceId,
        findingIds: [seed.findingId],
        text: RECOMMENDATION,
        addresseeAgencyIds: [seed.agencyId],
        scope: 'local',
      })
    )['id'] as string;
    actionId = (
      await post('/actions', {
        recommendationIds: [recommendationId],
        description: DESCRIPTION,
        leadAgencyId: seed.agencyId,
        owner: personId,
        targetDate: '2027-06-30',
        successMeasure: 'An audit of ten night referrals finds the checklist used.',
      })
    )['id'] as string;
    before = new Date().toISOString();
    // Before anything is withdrawn the files do show the text and the name: the checks below are not vacuous.
    const shown = await zipTexts(await download('/inspection-pack', before));
    expect(shown.get('action-plan.csv')).toContain(DESCRIPTION);
    expect(shown.get('action-plan.csv')).toContain(NAME);
    expect(shown.get('summary.pdf')).toContain('Larkspur');

    await post('/redactions', {
      itemKind: 'action',
      itemId: actionId,
      eventId: await eventId(`/actions/${actionId}`, 'ActionProposed'),
      field: 'description',
      reason: 'Named a service that identifies a family.',
    });
    await post('/redactions', {
      itemKind: 'recommendation',
      itemId: recommendationId,
      eventId: await eventId(`/recommendations/${recommendationId}`, 'RecommendationMade'),
      field: 'text',
      reason: 'Named a service that identifies a family.',
    });
    await post(`/people/${personId}/forget`, { reason: 'Asked to be forgotten.' }, 200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('the XLSX export shows [erased] and [redacted], and no entry of the workbook holds the name, id or text', async () => {
    for (const asOf of [before, new Date().toISOString()]) {
      const response = await app
        .http()
        .get(p('/exports/action-plan.xlsx'))
        .query({ asOf })
        .set(seed.admin)
        .responseType('blob')
        .expect(200);
      expect(response.headers['content-type']).toBe(XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      const sheet = workbook.getWorksheet('Action plan')!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      const cell = (row: number, header: string) => sheet.getRow(row).getCell(headers.indexOf(header) + 1).value;
      const row = [...Array(sheet.rowCount).keys()].map((index) => index + 1).find((index) => cell(index, 'Action ID') === actionId)!;
      expect([cell(row, 'Owner'), cell(row, 'Action'), cell(row, 'Recommendation')]).toEqual(['[erased]', '[redacted]', '[redacted]']);
      expect(leaks(await zipTexts(response.body as Buffer))).toEqual([]);
    }
  });

  it('the pack of an instant before the forgetting shows [erased] and [redacted] in every file, and nothing of the originals', async () => {
    const zip = await download('/inspection-pack', before);
    const texts = await zipTexts(zip);
    expect(leaks(texts)).toEqual([]);

    const plan = parse<Record<string, string>>(texts.get('action-plan.csv')!, { columns: true });
    expect(plan.find((row) => row['Action ID'] === actionId)).toMatchObject({
      Owner: '[erased]',
      Action: '[redacted]',
      Recommendation: '[redacted]',
    });
    const lineagePath = [...texts.keys()].find((path) => path.endsWith('.json') && texts.get(path)!.includes(recommendationId))!;
    const lineage = JSON.parse(texts.get(lineagePath)!) as { nodes: { id: string; label: string }[] };
    expect(lineage.nodes.filter((node) => [actionId, recommendationId].includes(node.id)).map((node) => node.label)).toEqual([
      '[redacted]',
      '[redacted]',
    ]);
    expect(texts.get(lineagePath.replace(/\.json$/, '.txt'))).toContain('[redacted]');
    expect(texts.get('summary.pdf')).toContain('[redacted]');

    // Deterministic for the instant: the same download gives the same bytes.
    expect((await download('/inspection-pack', before)).equals(zip)).toBe(true);
  });
});
