import { mapHeaders } from './import-headers';
import { importDate, readImportRows } from './import-rows';

const POLICE = '00000000-0000-4000-8000-0000000000d1';
const HEALTH = '00000000-0000-4000-8000-0000000000d2';
const agencies = new Map([
  [POLICE, { name: 'Synthetic Constabulary' }],
  [HEALTH, { name: 'Synthetic ICB' }],
]);
const HEADER = [
  'Source kind',
  'Source',
  'Rec no',
  'Recommendation',
  'Action',
  'Success measure',
  'Agency',
  'Original target date',
  'Due date',
  'Target date revisions',
  'Status',
];
const cells = (overrides: Record<number, string> = {}) => {
  const row = [
    'LCSPR',
    'LCSPR 2026-01',
    '1',
    'Text',
    'Act',
    'Audit',
    'synthetic  constabulary',
    '2026-07-01',
    '2026-12-31',
    '',
    'In progress',
  ];
  for (const [index, value] of Object.entries(overrides)) row[Number(index)] = value;
  return row;
};
const read = (...rows: string[][]) =>
  readImportRows({ headers: HEADER, rows: rows.map((row, index) => ({ line: index + 2, cells: row })) }, mapHeaders(HEADER), agencies);

describe('mapHeaders', () => {
  it('reads canonical headers and their common spellings, ignoring case, spacing and punctuation', () => {
    const map = mapHeaders([
      'SOURCE',
      'Rec. No',
      'recommendation',
      'Description',
      'Measure of success',
      'Lead  Agency',
      'Deadline',
      'RAG',
      'Notes',
    ]);
    expect([...map.index.keys()]).toEqual([
      'sourceTitle',
      'recommendationNumber',
      'recommendationText',
      'action',
      'successMeasure',
      'leadAgency',
      'targetDateCurrent',
    ]);
    expect(map.ignored).toEqual(['RAG', 'Notes']);
    expect(map.warnings.map((warning) => [warning.column, warning.code])).toEqual([['Notes', 'unknown-column']]);
    expect(map.problems).toEqual([]);
  });

  it('names missing and duplicated columns on row 1', () => {
    const map = mapHeaders(['Source', 'Due date', 'Deadline']);
    expect(map.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [1, 'Deadline', 'duplicate-column'],
      [1, 'Recommendation number', 'missing-column'],
      [1, 'Action', 'missing-column'],
      [1, 'Success measure', 'missing-column'],
      [1, 'Lead agency', 'missing-column'],
    ]);
  });
});

describe('readImportRows', () => {
  it('normalises kinds and statuses, finds the agency by name and keeps the target-date chain', () => {
    const { rows, problems } = read(cells({ 9: '2026-07-01 → 2026-09-30 (Funding); 2026-09-30 -> 2026-12-31 (Staffing)' }));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      sourceKind: 'lcspr',
      status: 'in-progress',
      leadAgencyId: POLICE,
      targetDateOriginal: '2026-07-01',
      targetDateCurrent: '2026-12-31',
      revisions: [
        { to: '2026-09-30', reason: 'Funding' },
        { to: '2026-12-31', reason: 'Staffing' },
      ],
    });
  });

  it('revises once, with the cell as the reason, when the listed revisions do not join up', () => {
    const { rows } = read(cells({ 9: 'moved by the board' }));
    expect(rows[0]?.revisions).toEqual([{ to: '2026-12-31', reason: 'moved by the board' }]);
  });

  it('imports statuses the file cannot support at the last one it can, with a warning', () => {
    const { rows, warnings } = read(cells({ 10: 'Closed' }), cells({ 10: 'cancelled', 4: 'Other' }));
    expect(rows.map((row) => row.status)).toEqual(['in-progress', 'proposed']);
    expect(warnings.map((warning) => [warning.row, warning.column, warning.code])).toEqual([
      [2, 'Status', 'status-not-imported'],
      [3, 'Status', 'status-not-imported'],
    ]);
  });

  it('reports every bad cell of a row, by its column as the file heads it', () => {
    const { rows, problems } = read(cells({ 0: 'podcast', 6: 'Nowhere Police', 8: '31/02/2026', 10: 'done', 2: '' }));
    expect(rows).toEqual([]);
    expect(problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
      [2, 'Source kind', 'invalid-value'],
      [2, 'Status', 'invalid-value'],
      [2, 'Due date', 'invalid-date'],
      [2, 'Agency', 'unknown-agency'],
      [2, 'Rec no', 'required'],
    ]);
  });

  it("takes the export's formula guard off again", () => {
    expect(read(cells({ 4: "'=SUM(1)" })).rows[0]?.description).toBe('=SUM(1)');
  });
});

describe('importDate', () => {
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['28/02/2026', '2026-02-28'],
    ['1/3/2026', '2026-03-01'],
    ['2026-02-29', null],
    ['02/28/2026', null],
    ['tomorrow', null],
  ])('%s → %s', (text, expected) => {
    expect(importDate(text)).toBe(expected);
  });
});
