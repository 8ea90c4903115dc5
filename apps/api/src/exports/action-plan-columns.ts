import { stringify } from 'csv-stringify/sync';
import type { ActionPlanRow } from '@ledger/learning';

/** How a column's value is typed in a spreadsheet: text, a calendar date, an instant or a whole number. */
export type ActionPlanColumnType = 'text' | 'date' | 'instant' | 'integer';

/** One exported column of the action plan: a stable key, the header users see, and how a row fills it. */
export interface ActionPlanColumn {
  readonly key: string;
  readonly header: string;
  readonly type: ActionPlanColumnType;
  /** Dates are `YYYY-MM-DD`, instants ISO-8601 UTC; null is an empty cell. */
  readonly value: (row: ActionPlanRow) => string | number | null;
}

/** A target-date revision as one exported cell: `2025-07-01 → 2025-12-31 (reason)`, several joined by `; `. */
export function formatRevisions(revisions: ActionPlanRow['targetDate']['revisions']): string | null {
  if (revisions.length === 0) return null;
  return revisions.map((revision) => `${revision.from} → ${revision.to} (${revision.reason})`).join('; ');
}

/**
 * The canonical action-plan columns (DESIGN §5 action-plan row), in export order. The id columns
 * let an exported file be imported again (the same partnership: nothing new; a fresh one: the
 * same plan). Shared by the CSV and XLSX exports, the importer and the inspection pack.
 */
export const ACTION_PLAN_COLUMNS: readonly ActionPlanColumn[] = [
  { key: 'sourceId', header: 'Source ID', type: 'text', value: (row) => row.source?.id ?? null },
  { key: 'sourceKind', header: 'Source kind', type: 'text', value: (row) => row.source?.kind ?? null },
  { key: 'sourceTitle', header: 'Source', type: 'text', value: (row) => row.source?.title ?? null },
  { key: 'recommendationId', header: 'Recommendation ID', type: 'text', value: (row) => row.recommendation.id },
  { key: 'recommendationNumber', header: 'Recommendation number', type: 'text', value: (row) => row.recommendation.number },
  { key: 'recommendationText', header: 'Recommendation', type: 'text', value: (row) => row.recommendation.text },
  { key: 'actionId', header: 'Action ID', type: 'text', value: (row) => row.action.id },
  { key: 'action', header: 'Action', type: 'text', value: (row) => row.action.description },
  { key: 'successMeasure', header: 'Success measure', type: 'text', value: (row) => row.action.successMeasure },
  { key: 'leadAgencyId', header: 'Lead agency ID', type: 'text', value: (row) => row.leadAgency.id },
  { key: 'leadAgency', header: 'Lead agency', type: 'text', value: (row) => row.leadAgency.name },
  { key: 'owner', header: 'Owner', type: 'text', value: (row) => row.owner },
  { key: 'targetDateOriginal', header: 'Original target date', type: 'date', value: (row) => row.targetDate.original },
  { key: 'targetDateCurrent', header: 'Target date', type: 'date', value: (row) => row.targetDate.current },
  { key: 'targetDateRevisions', header: 'Target date revisions', type: 'text', value: (row) => formatRevisions(row.targetDate.revisions) },
  { key: 'ownerRag', header: 'Owner RAG', type: 'text', value: (row) => row.ownerRag },
  { key: 'timeliness', header: 'Timeliness', type: 'text', value: (row) => row.timeliness },
  { key: 'status', header: 'Status', type: 'text', value: (row) => row.status },
  { key: 'latestUpdate', header: 'Latest update', type: 'text', value: (row) => row.latestUpdate?.narrative ?? null },
  { key: 'latestUpdateAt', header: 'Latest update at', type: 'instant', value: (row) => row.latestUpdate?.occurredAt ?? null },
  { key: 'evidenceCount', header: 'Evidence count', type: 'integer', value: (row) => row.evidenceCount },
  { key: 'impactStatus', header: 'Impact status', type: 'text', value: (row) => row.impactStatus },
];

/** Characters that make a spreadsheet read a cell as a formula (CSV injection); such text gets a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet; the importer strips the guard again. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The rows as cells, header first: what the CSV holds. */
export function actionPlanCells(rows: readonly ActionPlanRow[]): string[][] {
  return [
    ACTION_PLAN_COLUMNS.map((column) => column.header),
    ...rows.map((row) =>
      ACTION_PLAN_COLUMNS.map((column) => {
        const value = column.value(row);
        if (value === null) return '';
        return typeof value === 'number' ? String(value) : column.type === 'text' ? guardFormula(value) : value;
      }),
    ),
  ];
}

/** The action plan as RFC 4180 CSV: a header row, CRLF line ends, quotes where needed, UTF-8 without a BOM. */
export function actionPlanCsv(rows: readonly ActionPlanRow[]): string {
  return stringify(actionPlanCells(rows), { record_delimiter: 'windows', bom: false });
}
