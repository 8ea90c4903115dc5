import ExcelJS from 'exceljs';
import type { ActionPlanRow } from '@ledger/learning';
import { ACTION_PLAN_COLUMNS, actionPlanCsv } from './action-plan-columns';
import { actionPlanXlsx } from './action-plan-xlsx';

const row: ActionPlanRow = {
  source: { id: '00000000-0000-4000-8000-00000000f001', kind: 'lcspr', title: 'LCSPR LR-2025-03' },
  recommendation: { id: '00000000-0000-4000-8000-00000000c001', number: '1', text: 'Refresh the protocol, "urgently"' },
  action: { id: '00000000-0000-4000-8000-00000000a001', description: '-Train staff', successMeasure: 'Audit', version: 3 },
  leadAgency: { id: '00000000-0000-4000-8000-00000000d001', name: 'Synthetic Police' },
  owner: null,
  targetDate: {
    original: '2025-07-01',
    current: '2025-09-30',
    revisions: [
      {
        from: '2025-07-01',
        to: '2025-09-30',
        reason: 'Funding',
        occurredAt: '2025-06-01T09:00:00.000Z',
        recordedAt: '2025-06-01T09:00:00.000Z',
      },
    ],
  },
  ownerRag: 'amber',
  timeliness: 'slipped',
  overdue: false,
  slipped: true,
  stale: false,
  status: 'in-progress',
  latestUpdate: { narrative: 'Half done,\nsecond line', rag: 'amber', occurredAt: '2025-06-02T09:00:00.000Z', actorUserId: 'user-1' },
  evidenceCount: 2,
  impactEvidenceCount: 0,
  impactStatus: 'not-started',
};

/** Only Date is faked: exceljs and its zip library need real timers and ticks. */
const FAKE_DATE_ONLY: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
};

describe('action-plan XLSX and CSV', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the same bytes for the same instant, whenever it is built', async () => {
    const instant = new Date('2025-08-01T12:00:00Z');
    jest.useFakeTimers({ ...FAKE_DATE_ONLY, now: new Date('2030-01-01T00:00:00Z') });
    const first = await actionPlanXlsx([row], instant, 'Action plan');
    jest.setSystemTime(new Date('2031-06-15T17:45:13Z'));
    const second = await actionPlanXlsx([row], instant, 'Action plan');
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('types dates, instants and counts, and keeps text as written', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await actionPlanXlsx([row], new Date('2025-08-01T12:00:00Z'), 'Action plan')) as unknown as ArrayBuffer);
    const cells = workbook.getWorksheet('Action plan')!.getRow(2);
    const value = (key: string) => cells.getCell(ACTION_PLAN_COLUMNS.findIndex((column) => column.key === key) + 1).value;
    expect(value('targetDateCurrent')).toEqual(new Date('2025-09-30T00:00:00.000Z'));
    expect(value('latestUpdateAt')).toEqual(new Date('2025-06-02T09:00:00.000Z'));
    expect(value('evidenceCount')).toBe(2);
    expect(value('action')).toBe('-Train staff');
    expect(value('owner')).toBeNull();
  });

  it('writes RFC 4180 CSV: CRLF, quotes where needed, formula-like text guarded', () => {
    const csv = actionPlanCsv([row]);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(ACTION_PLAN_COLUMNS.map((column) => column.header).join(','));
    expect(line).toContain('"Refresh the protocol, ""urgently"""');
    expect(line).toContain(",'-Train staff,");
    expect(line).toContain(',2025-07-01 → 2025-09-30 (Funding),');
    expect(csv).toContain('"Half done,\nsecond line"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
