import ExcelJS from 'exceljs';
import type { ActionPlanRow } from '@ledger/learning';
import { ACTION_PLAN_COLUMNS, type ActionPlanColumn } from './action-plan-columns';
import { withFixedZipTimestamps } from './zip-timestamps';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ACTION_PLAN_SHEET = 'Action plan';

const NUMBER_FORMATS: Partial<Record<ActionPlanColumn['type'], string>> = {
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm:ss',
  integer: '0',
};

/** A cell value as the spreadsheet types it: dates and instants as date cells (UTC), counts as numbers. */
function cellValue(column: ActionPlanColumn, row: ActionPlanRow): string | number | Date | null {
  const value = column.value(row);
  if (value === null) return null;
  if (column.type === 'date') return new Date(`${String(value)}T00:00:00.000Z`);
  if (column.type === 'instant') return new Date(String(value));
  return value;
}

/**
 * The action plan as one XLSX sheet: a bold header row, frozen, with an autofilter; typed date and
 * number cells. The workbook's created/modified dates and every zip entry's time are `instant`, so
 * the same rows at the same instant give the same bytes.
 */
export async function actionPlanXlsx(rows: readonly ActionPlanRow[], instant: Date, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Learning Ledger';
  workbook.lastModifiedBy = 'Learning Ledger';
  workbook.title = title;
  workbook.created = instant;
  workbook.modified = instant;
  const sheet = workbook.addWorksheet(ACTION_PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ACTION_PLAN_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.type === 'text' ? 24 : 14,
    ...(NUMBER_FORMATS[column.type] ? { style: { numFmt: NUMBER_FORMATS[column.type]! } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(ACTION_PLAN_COLUMNS.map((column) => cellValue(column, row)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: ACTION_PLAN_COLUMNS.length } };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return withFixedZipTimestamps(buffer, instant);
}
