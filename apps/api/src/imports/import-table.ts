import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { ACTION_PLAN_SHEET } from '../exports/action-plan-xlsx';
import { ImportFileRefused } from './import-errors';

/** At most this many data rows per upload: a partnership's plan is tens to hundreds of rows. */
export const MAX_IMPORT_ROWS = 2000;

export type ImportFormat = 'csv' | 'xlsx';

/** A spreadsheet as text cells: the header row and the data rows with their spreadsheet row numbers. */
export interface ImportTable {
  readonly headers: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** Reads an uploaded CSV (UTF-8, BOM allowed) or XLSX (first sheet, or the one named "Action plan"). */
export async function readImportTable(body: Buffer, format: ImportFormat): Promise<ImportTable> {
  if (body.length === 0) throw new ImportFileRefused('import-file-empty', 'The uploaded file is empty.');
  const lines = format === 'csv' ? csvLines(body) : await xlsxLines(body);
  const headerIndex = lines.findIndex((line) => line.cells.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) throw new ImportFileRefused('import-file-empty', 'The uploaded file has no header row.');
  const rows = lines.slice(headerIndex + 1).filter((line) => line.cells.some((cell) => cell.trim() !== ''));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ImportFileRefused(
      'import-too-many-rows',
      `The file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once.`,
    );
  }
  return { headers: lines[headerIndex]!.cells, rows };
}

type Line = { line: number; cells: string[] };

function csvLines(body: Buffer): Line[] {
  if (body.includes(0)) throw new ImportFileRefused('import-file-unreadable', 'The file is not CSV text (it holds binary data).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ImportFileRefused('import-file-unreadable', 'The CSV file is not UTF-8 text.');
  }
  try {
    // A row is a record, as a spreadsheet numbers it (a quoted cell may span several text lines).
    const records = parse(text, { bom: true, relax_column_count: true });
    return records.map((cells, index) => ({ line: index + 1, cells }));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new ImportFileRefused('import-file-unreadable', `The CSV file could not be read: ${detail}`);
  }
}

async function xlsxLines(body: Buffer): Promise<Line[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileRefused('import-file-unreadable', 'The XLSX file could not be read (it is not a valid workbook).');
  }
  const sheet = workbook.getWorksheet(ACTION_PLAN_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileRefused('import-file-empty', 'The workbook has no sheets.');
  const lines: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    lines.push({ line, cells });
  });
  return lines;
}

/** A cell as text: dates at midnight UTC as `YYYY-MM-DD`, other dates as ISO instants, formulas as their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result ?? null);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
