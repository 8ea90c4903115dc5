import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ActionPlanRow } from '@ledger/learning';
import { runExport, runImport } from '../apps/cli/src/commands/export-import.command';
import { ACTION_PLAN_COLUMNS, actionPlanCells } from '../apps/api/src/exports/action-plan-columns';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ACTION_PLAN_COLUMNS.map((column) => column.header);
type Auth = { Authorization: string };
/** The import report, as far as these tests read it. */
interface Report {
  readonly items: readonly { readonly id: string }[];
  readonly problems: readonly { readonly row: number; readonly column: string; readonly code: string }[];
}

const csvRows = (text: string): string[][] => parse(text);
/** A column of parsed CSV rows (header first), by header. */
const columnOf = (rows: string[][], header: string) => rows.slice(1).map((row) => row[HEADERS.indexOf(header)]);
const csvOf = (rows: readonly (readonly string[])[]) =>
  rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');

jest.setTimeout(180_000);

describe('action-plan exports and imports', () => {
  let app: LedgerTestApp;
  let a: Seed;
  let other: Seed;
  let instants: { before: string; seeded: string; after: string };
  let secondActionId: string;

  const exportPath = (seed: Seed, ext: 'csv' | 'xlsx', query = '') =>
    `/api/v1/partnerships/${seed.partnershipId}/exports/action-plan.${ext}${query}`;
  const importPath = (pid: string, dryRun = false) => `/api/v1/partnerships/${pid}/imports/action-plan${dryRun ? '?dryRun=true' : ''}`;
  const upload = (pid: string, auth: Auth, body: string | Buffer, type = 'text/csv', dryRun = false) =>
    app.http().post(importPath(pid, dryRun)).set(auth).set('Content-Type', type).send(body);
  const planRows = async (pid: string, auth: Auth, query = ''): Promise<ActionPlanRow[]> =>
    ((await app.http().get(`/api/v1/partnerships/${pid}/action-plan${query}`).set(auth).expect(200)).body as { rows: ActionPlanRow[] })
      .rows;
  const post = async (auth: Auth, path: string, body: object) => {
    const response = await app.http().post(`/api/v1${path}`).set(auth).send(body);
    if (response.status >= 300) throw new Error(`${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };
  /** A fresh partnership with the same agency names as the seed (imports match agencies by name). */
  async function freshPartnership(name: string): Promise<{ pid: string; admin: Auth }> {
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const { id: pid } = await post(platform, '/partnerships', { name, localAuthorities: ['Eastshire Council'] });
    const admin = await app.bearer({ sub: 'pat.example@example.org', roles: ['partnership-admin'], partnerships: [pid] });
    await post(admin, `/partnerships/${pid}/agencies`, { name: 'Northshire Constabulary', kind: 'police' });
    await post(admin, `/partnerships/${pid}/agencies`, { name: 'Northshire ICB', kind: 'health' });
    return { pid, admin };
  }

  beforeAll(async () => {
    app = await LedgerTestApp.start();
    const before = new Date().toISOString();
    a = await seedPartnership(app);
    other = await seedPartnership(app, 'Southshire Safeguarding Children Partnership');
    const seeded = new Date().toISOString();
    const P = `/partnerships/${a.partnershipId}`;
    await post(a.admin, `${P}/actions/${a.actionId}/target-date-revisions`, {
      newTargetDate: '2027-06-30',
      reason: 'Awaiting the regional protocol',
    });
    const { id: rec2 } = await post(a.admin, `${P}/recommendations`, {
      sourceId: a.sourceId,
      findingIds: [a.findingId],
      number: '2',
      text: 'Health partners should attend every strategy discussion.',
      addresseeAgencyIds: [a.otherAgencyId],
      scope: 'local',
    });
    secondActionId = (
      await post(a.admin, `${P}/actions`, {
        recommendationIds: [a.recommendationId, rec2],
        description: '=Audit attendance, quarterly',
        leadAgencyId: a.otherAgencyId,
        owner: 'Designated nurse',
        targetDate: '2027-09-30',
        successMeasure: 'Attendance above 90% for two quarters.',
      })
    ).id;
    await post(a.admin, `${P}/actions/${secondActionId}/agree`, {});
    instants = { before, seeded, after: new Date().toISOString() };
  });
  afterAll(async () => {
    await app.close();
  });

  describe('export', () => {
    it.each(['before', 'seeded', 'after'] as const)('CSV as of %s the seed is exactly the as-of action plan', async (when) => {
      const query = `?asOf=${encodeURIComponent(instants[when])}`;
      const response = await app
        .http()
        .get(exportPath(a, 'csv', query))
        .set(a.admin)
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(response.text.endsWith('\r\n')).toBe(true);
      const rows = csvRows(response.text);
      expect(rows[0]).toEqual(HEADERS);
      expect(rows).toEqual(actionPlanCells(await planRows(a.partnershipId, a.admin, query)));
      const expected = { before: [], seeded: [a.actionId], after: [secondActionId, a.actionId, secondActionId] }[when];
      expect(new Set(columnOf(rows, 'Action ID'))).toEqual(new Set(expected));
    });

    it('shows what changed between instants: the revision and the new action only after they happened', async () => {
      const at = async (instant: string) =>
        csvRows(
          (
            await app
              .http()
              .get(exportPath(a, 'csv', `?asOf=${encodeURIComponent(instant)}`))
              .set(a.admin)
              .expect(200)
          ).text,
        );
      const seeded = await at(instants.seeded);
      const after = await at(instants.after);
      expect(columnOf(seeded, 'Target date')).toEqual(['2027-03-31']);
      const seedRow = after.find((row) => row[HEADERS.indexOf('Action ID')] === a.actionId)!;
      expect(seedRow[HEADERS.indexOf('Target date')]).toBe('2027-06-30');
      expect(seedRow[HEADERS.indexOf('Original target date')]).toBe('2027-03-31');
      expect(seedRow[HEADERS.indexOf('Target date revisions')]).toBe('2027-03-31 → 2027-06-30 (Awaiting the regional protocol)');
      // A cell a spreadsheet would run as a formula is guarded with a leading quote.
      expect(columnOf(after, 'Action')).toContain("'=Audit attendance, quarterly");
    });

    it('names the partnership and the instant in the file name, and gives the same bytes for the same instant', async () => {
      const query = `?asOf=${encodeURIComponent(instants.after)}`;
      for (const ext of ['csv', 'xlsx'] as const) {
        const first = await app
          .http()
          .get(exportPath(a, ext, query))
          .set(a.admin)
          .responseType('blob')
          .expect(200);
        const second = await app
          .http()
          .get(exportPath(a, ext, query))
          .set(a.admin)
          .responseType('blob')
          .expect(200);
        const stamp = instants.after.replace(/:/g, '');
        expect(first.headers['content-disposition']).toBe(
          `attachment; filename="action-plan-northshire-safeguarding-children-partnership-as-of-${stamp}.${ext}"`,
        );
        expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
      }
    });

    it('writes a real XLSX: frozen header row, autofilter, typed dates and counts, the same rows as the CSV', async () => {
      const query = `?asOf=${encodeURIComponent(instants.after)}`;
      const response = await app
        .http()
        .get(exportPath(a, 'xlsx', query))
        .set(a.admin)
        .responseType('blob')
        .expect(200);
      expect(response.headers['content-type']).toBe(XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      // Workbook properties keep whole seconds.
      expect(workbook.created.toISOString().slice(0, 19)).toBe(instants.after.slice(0, 19));
      const sheet = workbook.getWorksheet('Action plan')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.rowCount).toBe(4);
      const cell = (row: number, header: string) => sheet.getRow(row).getCell(HEADERS.indexOf(header) + 1).value;
      const seedRow = [2, 3, 4].find((row) => cell(row, 'Action ID') === a.actionId)!;
      expect(cell(seedRow, 'Target date')).toEqual(new Date('2027-06-30T00:00:00.000Z'));
      expect(cell(seedRow, 'Evidence count')).toBe(1);
      expect(cell(seedRow, 'Status')).toBe('in-progress');
    });

    it('takes the action-plan filters and validAt', async () => {
      const proposed = csvRows(
        (
          await app
            .http()
            .get(exportPath(a, 'csv', '?status=agreed'))
            .set(a.admin)
            .expect(200)
        ).text,
      );
      expect(new Set(columnOf(proposed, 'Action ID'))).toEqual(new Set([secondActionId]));
      const byAgency = csvRows(
        (
          await app
            .http()
            .get(exportPath(a, 'csv', `?agencyId=${a.agencyId}`))
            .set(a.admin)
            .expect(200)
        ).text,
      );
      expect(columnOf(byAgency, 'Action ID')).toEqual([a.actionId]);
      const early = await app
        .http()
        .get(exportPath(a, 'csv', `?validAt=${encodeURIComponent(instants.before)}`))
        .set(a.admin)
        .expect(200);
      expect(csvRows(early.text)).toEqual([HEADERS]);
      expect(early.headers['content-disposition']).toContain('-valid-at-');
      const bad = await app
        .http()
        .get(exportPath(a, 'csv', '?asOf=yesterday'))
        .set(a.admin);
      expect({ status: bad.status, type: bad.headers['content-type'] }).toEqual({
        status: 400,
        type: expect.stringMatching(/problem\+json/),
      });
    });
  });

  describe('import', () => {
    /** What a plan row means, without ids or anything judged at read time. */
    const meaning = (row: ActionPlanRow) => ({
      source: [row.source?.kind, row.source?.title],
      recommendation: [row.recommendation.number, row.recommendation.text],
      action: [row.action.description, row.action.successMeasure],
      leadAgency: row.leadAgency.name,
      owner: row.owner,
      targetDate: [row.targetDate.original, row.targetDate.current, row.targetDate.revisions.map((r) => [r.from, r.to, r.reason])],
      status: row.status,
    });

    it.each(['csv', 'xlsx'] as const)('round trip: a %s export imported into a fresh partnership reproduces the plan', async (ext) => {
      const file = (await app.http().get(exportPath(a, ext)).set(a.admin).responseType('blob').expect(200)).body as Buffer;
      const fresh = await freshPartnership(`Eastshire ${ext.toUpperCase()} Partnership`);
      const type = ext === 'csv' ? 'text/csv' : XLSX;
      const before = await app.eventCount();
      const dry = await upload(fresh.pid, fresh.admin, file, type, true).expect(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        valid: true,
        rows: 3,
        problems: [],
        created: { sources: 1, recommendations: 2, actions: 2 },
      });
      // The seed action is in progress with evidence: imported in progress, its evidence is not in the file.
      expect(await app.eventCount()).toBe(before);
      const real = await upload(fresh.pid, fresh.admin, file, type).expect(201);
      const idsOf = (report: { body: unknown }) => (report.body as Report).items.map((item) => item.id);
      expect(idsOf(real)).toEqual(idsOf(dry));
      const mine = (await planRows(a.partnershipId, a.admin)).map(meaning);
      const theirs = (await planRows(fresh.pid, fresh.admin)).map(meaning);
      expect(theirs).toEqual(mine);
      // Every event carries the importer as actor and one correlation id.
      const history = await app
        .http()
        .get(`/api/v1/partnerships/${fresh.pid}/actions/${idsOf(real).at(-1)!}/history`)
        .set(fresh.admin)
        .expect(200);
      const events = (history.body as { items: { actor: { userId: string }; correlationId: string }[] }).items;
      expect(new Set(events.map((event) => event.actor.userId))).toEqual(new Set(['pat.example@example.org']));
      expect(new Set(events.map((event) => event.correlationId)).size).toBe(1);

      // The same file again creates nothing.
      const count = await app.eventCount();
      const again = await upload(fresh.pid, fresh.admin, file, type).expect(200);
      expect(again.body).toMatchObject({
        valid: true,
        created: { sources: 0, recommendations: 0, actions: 0 },
        existing: { sources: 1, recommendations: 2, actions: 2 },
      });
      expect(await app.eventCount()).toBe(count);
    });

    it('an export imported into its own partnership matches every row and writes nothing', async () => {
      const file = (await app.http().get(exportPath(a, 'csv')).set(a.admin).expect(200)).text;
      const before = await app.eventCount();
      const response = await upload(a.partnershipId, a.admin, file).expect(200);
      expect(response.body).toMatchObject({
        created: { sources: 0, recommendations: 0, actions: 0 },
        existing: { sources: 1, recommendations: 2, actions: 2 },
      });
      expect(await app.eventCount()).toBe(before);
    });

    it('reads common header spellings and UK dates, and warns about columns it does not know', async () => {
      const fresh = await freshPartnership('Westshire Partnership');
      const file = csvOf([
        [
          'Source type',
          'SOURCE',
          'Rec. no',
          'Recommendation',
          'Action',
          'Measure of success',
          'Agency',
          'Due date',
          'Status RAG',
          'Action status',
          'Notes',
        ],
        [
          'Multi-agency audit',
          'Audit MACA-2026-01',
          '1',
          'Audit neglect cases yearly.',
          'Run the neglect audit',
          'Audit done',
          'northshire  icb',
          '31/03/2027',
          'Green',
          'In progress',
          'x',
        ],
      ]);
      const response = await upload(fresh.pid, fresh.admin, file).expect(201);
      expect(response.body).toMatchObject({
        valid: true,
        ignoredColumns: ['Status RAG', 'Notes'],
        created: { sources: 1, recommendations: 1, actions: 1 },
      });
      expect(response.body.warnings).toEqual([{ row: 1, column: 'Notes', code: 'unknown-column', message: expect.any(String) }]);
      const [row] = await planRows(fresh.pid, fresh.admin);
      expect(meaning(row!)).toEqual({
        source: ['multi-agency-audit', 'Audit MACA-2026-01'],
        recommendation: ['1', 'Audit neglect cases yearly.'],
        action: ['Run the neglect audit', 'Audit done'],
        leadAgency: 'Northshire ICB',
        owner: null,
        targetDate: ['2027-03-31', '2027-03-31', []],
        status: 'in-progress',
      });
    });

    it('imports a plan of a few hundred rows within the request time limit, and reads its own writes', async () => {
      const fresh = await freshPartnership('Northshire Large Plan Partnership');
      const header = [
        'Source kind',
        'Source',
        'Rec no',
        'Recommendation',
        'Action',
        'Success measure',
        'Lead agency',
        'Due date',
        'Status',
      ];
      const rows = Array.from({ length: 300 }, (_, index) => [
        'multi-agency-audit',
        `Audit MACA-2026-${String(Math.floor(index / 30)).padStart(2, '0')}`,
        String(index % 30),
        `Recommendation ${index % 30}`,
        `Action ${index}`,
        'Repeat audit',
        index % 2 === 0 ? 'Northshire ICB' : 'Northshire Constabulary',
        '2027-12-31',
        index % 3 === 0 ? 'in-progress' : 'proposed',
      ]);
      const response = await upload(fresh.pid, fresh.admin, csvOf([header, ...rows])).expect(201);
      expect(response.body).toMatchObject({ created: { sources: 10, recommendations: 300, actions: 300 } });
      const plan = await planRows(fresh.pid, fresh.admin);
      expect(plan).toHaveLength(300);
      expect(plan.filter((row) => row.status === 'in-progress')).toHaveLength(100);
    });

    const BAD = csvOf([
      ['Source type', 'Source', 'Rec no', 'Recommendation', 'Action', 'Success measure', 'Lead agency', 'Deadline', 'Status'],
      [
        'lcspr',
        'LCSPR 2026-04',
        '1',
        'Share information sooner.',
        'Refresh the protocol',
        'Audit',
        'Northshire Constabulary',
        '2027-01-31',
        'agreed',
      ],
      ['lcspr', 'LCSPR 2026-04', '2', 'Escalate sooner.', 'Train on escalation', 'Audit', 'Nowhere Police', '2027-02-30', ''],
      ['lcspr', 'LCSPR 2026-04', '3', 'Listen to children.', '', 'Audit', 'Northshire ICB', '2027-03-31', 'done'],
      ['podcast', 'Podcast 1', '1', 'Record it.', 'Record', 'Audit', 'Northshire ICB', '2027-03-31', 'proposed'],
    ]);
    const BAD_PROBLEMS = [
      { row: 3, column: 'Deadline', code: 'invalid-date', message: expect.any(String) },
      { row: 3, column: 'Lead agency', code: 'unknown-agency', message: expect.stringContaining('Nowhere Police') },
      { row: 4, column: 'Action', code: 'required', message: expect.any(String) },
      { row: 4, column: 'Status', code: 'invalid-value', message: expect.any(String) },
      { row: 5, column: 'Source type', code: 'invalid-value', message: expect.any(String) },
    ];

    it('a dry run reports every problem by row, column and code, and what the good rows would create', async () => {
      const before = await app.eventCount();
      const response = await upload(a.partnershipId, a.admin, BAD, 'text/csv', true).expect(200);
      expect(response.body).toMatchObject({ dryRun: true, valid: false, rows: 4, created: { sources: 1, recommendations: 1, actions: 1 } });
      expect(response.body.problems).toEqual(BAD_PROBLEMS);
      expect(await app.eventCount()).toBe(before);
    });

    it('a real run of a file with any bad row is refused whole: 422 with the same report, nothing written', async () => {
      const before = await app.eventCount();
      const response = await upload(a.partnershipId, a.admin, BAD).expect(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 422, code: 'import-invalid', valid: false, problems: BAD_PROBLEMS });
      expect(await app.eventCount()).toBe(before);
    });

    it('refuses rows that name the same source or recommendation differently, writing nothing', async () => {
      const file = csvOf([
        ['Source kind', 'Source', 'Recommendation number', 'Recommendation', 'Action', 'Success measure', 'Lead agency', 'Target date'],
        ['lcspr', 'LCSPR 2026-05', '1', 'First text', 'Act', 'Audit', 'Northshire ICB', '2027-01-31'],
        ['rapid-review', 'lcspr  2026-05', '1', 'Other text', 'Act 2', 'Audit', 'Northshire ICB', '2027-01-31'],
      ]);
      const before = await app.eventCount();
      const response = await upload(a.partnershipId, a.admin, file).expect(422);
      expect(response.body.problems).toEqual([
        { row: 3, column: 'Recommendation', code: 'inconsistent-value', message: expect.stringContaining('row 2') },
        { row: 3, column: 'Source kind', code: 'inconsistent-value', message: expect.stringContaining('row 2') },
      ]);
      expect(await app.eventCount()).toBe(before);
    });

    it('rehearses every command in memory first: what a decider refuses is a row problem, and nothing is written', async () => {
      const file = csvOf([
        [
          'Source kind',
          'Source',
          'Rec no',
          'Recommendation',
          'Action',
          'Success measure',
          'Lead agency',
          'Original target date',
          'Target date',
          'Target date revisions',
        ],
        [
          'lcspr',
          'LCSPR 2026-06',
          '1',
          'Text',
          'Act',
          'Audit',
          'Northshire ICB',
          '2027-01-31',
          '2027-02-28',
          '2027-01-31 → 2027-01-31 (none); 2027-01-31 → 2027-02-28 (late)',
        ],
      ]);
      const before = await app.eventCount();
      const response = await upload(a.partnershipId, a.admin, file).expect(422);
      expect(response.body.problems).toEqual([
        { row: 2, column: 'Target date revisions', code: 'target-date-unchanged', message: expect.any(String) },
      ]);
      expect(await app.eventCount()).toBe(before);
    });

    describe('access', () => {
      it("answers 404 to another partnership's admin, for import and export", async () => {
        const file = (await app.http().get(exportPath(a, 'csv')).set(a.admin).expect(200)).text;
        const before = await app.eventCount();
        const imported = await upload(a.partnershipId, other.admin, file).expect(404);
        expect(imported.body.code).toBe('not-found');
        await app.http().get(exportPath(a, 'csv')).set(other.admin).expect(404);
        await app.http().get(exportPath(a, 'xlsx')).set(other.admin).expect(404);
        expect(await app.eventCount()).toBe(before);
      });

      it.each(['auditor', 'analyst', 'agency-lead', 'board-member', 'scrutineer'] as const)(
        'refuses an import by %s (403)',
        async (role) => {
          const auth = await app.bearer({ roles: [role], partnerships: [a.partnershipId], agency: a.agencyId });
          const response = await upload(a.partnershipId, auth, BAD, 'text/csv', true);
          expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'role-not-allowed' });
        },
      );

      it('lets a read-only role export', async () => {
        const auditor = await app.bearer({ roles: ['auditor'], partnerships: [a.partnershipId] });
        await app.http().get(exportPath(a, 'csv')).set(auditor).expect(200);
        await app.http().get(exportPath(a, 'xlsx')).set(auditor).expect(200);
      });
    });

    describe('broken files', () => {
      const refused = async (body: string | Buffer, type: string, status: number, code: string) => {
        const before = await app.eventCount();
        const response = await upload(a.partnershipId, a.admin, body, type);
        expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(await app.eventCount()).toBe(before);
      };
      it('refuses binary data sent as CSV', () =>
        refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), 'text/csv', 400, 'import-file-unreadable'));
      it('refuses a CSV with an unclosed quote', () => refused('Source,Action\r\n"LCSPR,x\r\n', 'text/csv', 400, 'import-file-unreadable'));
      it('refuses a corrupt XLSX', () => refused(Buffer.from('not a workbook at all'), XLSX, 400, 'import-file-unreadable'));
      it('refuses an empty file', () => refused('', 'text/csv', 400, 'import-file-empty'));
      it('refuses a file over 5 MB (413)', () => refused(`Source\r\n${'x'.repeat(5_300_000)}\r\n`, 'text/csv', 413, 'body-too-large'));
      it('refuses more than 2000 rows', () => refused(`Source\r\n${'LCSPR\r\n'.repeat(2001)}`, 'text/csv', 400, 'import-too-many-rows'));
      it('refuses JSON (415)', async () => {
        const response = await app.http().post(importPath(a.partnershipId)).set(a.admin).send({ rows: [] });
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 415, code: 'unsupported-media-type' });
      });
      it('reports a file without the required columns (dry run, row 1)', async () => {
        const response = await upload(a.partnershipId, a.admin, 'Source,Action\r\nLCSPR,Do it\r\n', 'text/csv', true).expect(200);
        expect((response.body as Report).problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
          [1, 'Lead agency', 'missing-column'],
          [1, 'Recommendation number', 'missing-column'],
          [1, 'Success measure', 'missing-column'],
          [1, 'Target date', 'missing-column'],
        ]);
      });
    });
  });

  describe('ledger export and ledger import (the CLI, over HTTP)', () => {
    it('writes the export to a file, and imports a file: dry run, then real, then nothing new', async () => {
      await app.ledger.app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.ledger.app.getHttpServer() as { address(): AddressInfo }).address().port}`;
      const dir = await mkdtemp(join(tmpdir(), 'ledger-cli-'));
      try {
        const token = a.admin.Authorization.slice('Bearer '.length);
        const out = join(dir, 'plan.xlsx');
        expect(await runExport(a.partnershipId, { url, token, format: 'xlsx', asOf: instants.after, out })).toBe(out);
        const exported = await app
          .http()
          .get(exportPath(a, 'xlsx', `?asOf=${encodeURIComponent(instants.after)}`))
          .set(a.admin)
          .responseType('blob');
        expect(Buffer.compare(await readFile(out), exported.body as Buffer)).toBe(0);

        const fresh = await freshPartnership('Northshire CLI Partnership');
        const freshToken = fresh.admin.Authorization.slice('Bearer '.length);
        const dry = await runImport(fresh.pid, out, { url, token: freshToken, dryRun: true });
        expect(dry).toMatchObject({ status: 200, report: { dryRun: true, valid: true, created: { actions: 2 } } });
        expect(await runImport(fresh.pid, out, { url, token: freshToken })).toMatchObject({ status: 201 });
        expect(await runImport(fresh.pid, out, { url, token: freshToken })).toMatchObject({
          status: 200,
          report: { created: { actions: 0 } },
        });
        await expect(runImport(a.partnershipId, out, { url, token: freshToken })).rejects.toThrow(/^404 not-found/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
