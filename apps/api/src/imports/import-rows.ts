import { ACTION_STATUSES, isCalendarDate, isSourceKind, type SourceKind } from '@ledger/learning';
import type { ImportProblem } from './import-errors';
import { canonicalHeader, type HeaderMap, type ImportedKey } from './import-headers';
import type { ImportTable } from './import-table';

/** The statuses an import reproduces; the others need evidence, a forum or a reason the file does not hold. */
export const IMPORTABLE_STATUSES = ['proposed', 'agreed', 'in-progress', 'paused'] as const;
export type ImportableStatus = (typeof IMPORTABLE_STATUSES)[number];

/** Statuses past in-progress are imported in progress; cancelled and superseded ones as proposed. */
function importedStatus(status: string): ImportableStatus {
  if ((IMPORTABLE_STATUSES as readonly string[]).includes(status)) return status as ImportableStatus;
  return status === 'cancelled' || status === 'superseded' ? 'proposed' : 'in-progress';
}

/** One valid data row, with the lead agency resolved to an id of this partnership. */
export interface ImportRow {
  readonly line: number;
  readonly sourceId: string | null;
  readonly sourceKind: SourceKind | null;
  readonly sourceTitle: string;
  readonly recommendationId: string | null;
  readonly recommendationNumber: string;
  readonly recommendationText: string | null;
  readonly actionId: string | null;
  readonly description: string;
  readonly successMeasure: string;
  readonly leadAgencyId: string;
  readonly owner: string | null;
  readonly targetDateOriginal: string;
  readonly targetDateCurrent: string;
  readonly revisions: readonly { readonly to: string; readonly reason: string }[];
  readonly status: ImportableStatus;
}

export type AgencyNames = ReadonlyMap<string, { readonly name: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Compared case-insensitively with spacing collapsed: "Northshire  police" is "Northshire Police". */
export const normalText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();
/** "In progress", "in_progress" → "in-progress"; "LCSPR" → "lcspr". */
const normalValue = (text: string): string => normalText(text).replace(/[\s_]+/g, '-');
const FALLBACK_REASON = 'Target date as recorded in the imported plan';

/** Cells of one row by key, with the export's formula guard (a leading `'`) taken off again. */
function cellsOf(cells: readonly string[], headers: HeaderMap): (key: ImportedKey) => string {
  return (key) => {
    const position = headers.index.get(key);
    const text = position === undefined ? '' : (cells[position] ?? '').trim();
    return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
  };
}

/** `YYYY-MM-DD`, or the UK's `DD/MM/YYYY`; null if neither is a real date. */
export function importDate(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : text;
  return isCalendarDate(iso) ? iso : null;
}

/** The export's `2025-07-01 → 2025-12-31 (reason); …`, if the cell has that shape. */
function revisionsOf(text: string): { from: string; to: string; reason: string }[] | null {
  const parts = text.split(/;\s*(?=\d{4}-\d{2}-\d{2}\s*(?:→|->))/);
  const parsed = parts.map((part) => /^(\d{4}-\d{2}-\d{2})\s*(?:→|->)\s*(\d{4}-\d{2}-\d{2})\s*\((.*)\)$/s.exec(part.trim()));
  if (parsed.some((match) => match === null)) return null;
  return parsed.map((match) => ({ from: match![1]!, to: match![2]!, reason: match![3]!.trim() || FALLBACK_REASON }));
}

/** The chain of revisions from the original to the current date: the file's, when they join up, else one. */
function revisionChain(original: string, current: string, text: string): { to: string; reason: string }[] {
  if (original === current) return [];
  const listed = revisionsOf(text);
  const joined = listed?.every((revision, index) => revision.from === (index === 0 ? original : listed[index - 1]!.to));
  if (listed && listed.length > 0 && joined && listed[listed.length - 1]!.to === current) return listed;
  return [{ to: current, reason: text.trim() || FALLBACK_REASON }];
}

/** Reads every data row; answers the valid ones and every problem, by row and column. */
export function readImportRows(table: ImportTable, headers: HeaderMap, agencies: AgencyNames) {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const byName = new Map<string, string[]>();
  for (const [id, agency] of agencies) byName.set(normalText(agency.name), [...(byName.get(normalText(agency.name)) ?? []), id]);

  for (const { line, cells } of table.rows) {
    const cell = cellsOf(cells, headers);
    const found: ImportProblem[] = [];
    const column = (key: ImportedKey) => headers.header.get(key) ?? canonicalHeader(key);
    const fail = (key: ImportedKey, code: string, message: string) => found.push({ row: line, column: column(key), code, message });
    let unusable = false;
    /** An empty cell is a problem; a missing column is the header row's problem, reported once. */
    const required = (key: ImportedKey) => {
      const text = cell(key);
      if (text === '' && headers.index.has(key)) fail(key, 'required', 'must not be empty');
      if (text === '') unusable = true;
      return text;
    };
    const id = (key: ImportedKey) => {
      const text = cell(key);
      if (text !== '' && !UUID.test(text)) fail(key, 'invalid-id', 'must be a UUID (as exported), or empty');
      return text === '' ? null : text.toLowerCase();
    };
    const date = (key: ImportedKey) => {
      const text = cell(key);
      const value = text === '' ? null : importDate(text);
      if (text !== '' && value === null) fail(key, 'invalid-date', 'must be a real date as YYYY-MM-DD or DD/MM/YYYY');
      return value;
    };

    const kindText = cell('sourceKind');
    const sourceKind = kindText === '' ? null : normalValue(kindText);
    if (sourceKind !== null && !isSourceKind(sourceKind)) fail('sourceKind', 'invalid-value', `"${kindText}" is not a source kind`);
    const statusText = cell('status');
    const status = statusText === '' ? 'proposed' : normalValue(statusText);
    if (!(ACTION_STATUSES as readonly string[]).includes(status))
      fail('status', 'invalid-value', `"${statusText}" is not an action status`);
    const original = date('targetDateOriginal');
    const current = date('targetDateCurrent') ?? (cell('targetDateCurrent') === '' ? original : null);
    const hasAny = (...keys: ImportedKey[]) => keys.some((key) => headers.index.has(key));
    if (cell('targetDateCurrent') === '' && cell('targetDateOriginal') === '' && hasAny('targetDateCurrent', 'targetDateOriginal')) {
      fail(headers.index.has('targetDateCurrent') ? 'targetDateCurrent' : 'targetDateOriginal', 'required', 'must not be empty');
    }
    const leadAgencyId = hasAny('leadAgency', 'leadAgencyId')
      ? resolveAgency(id('leadAgencyId'), cell('leadAgency'), agencies, byName, fail)
      : null;
    const row = {
      line,
      sourceId: id('sourceId'),
      sourceKind: sourceKind !== null && isSourceKind(sourceKind) ? sourceKind : null,
      sourceTitle: required('sourceTitle'),
      recommendationId: id('recommendationId'),
      recommendationNumber: required('recommendationNumber'),
      recommendationText: cell('recommendationText') || null,
      actionId: id('actionId'),
      description: required('action'),
      successMeasure: required('successMeasure'),
      owner: cell('owner') || null,
    };
    if (found.length > 0 || unusable || leadAgencyId === null || current === null) {
      problems.push(...found);
      continue;
    }
    const imported = importedStatus(status);
    if (imported !== status) {
      const message = `"${status}" is imported as ${imported}: the file does not hold the evidence, forum or reason it needs`;
      warnings.push({ row: line, column: column('status'), code: 'status-not-imported', message });
    }
    rows.push({
      ...row,
      leadAgencyId,
      targetDateOriginal: original ?? current,
      targetDateCurrent: current,
      revisions: revisionChain(original ?? current, current, cell('targetDateRevisions')),
      status: imported,
    });
  }
  return { rows, problems, warnings };
}

/** The lead agency by id (as exported) when it is this partnership's, else by name. */
function resolveAgency(
  id: string | null,
  name: string,
  agencies: AgencyNames,
  byName: ReadonlyMap<string, readonly string[]>,
  fail: (key: ImportedKey, code: string, message: string) => void,
): string | null {
  if (id !== null && agencies.has(id)) return id;
  if (name === '') {
    if (id === null) fail('leadAgency', 'required', 'must name an agency of the partnership');
    else fail('leadAgencyId', 'unknown-agency', 'is not an agency of this partnership, and no lead agency name is given');
    return null;
  }
  const matches = byName.get(normalText(name)) ?? [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) fail('leadAgency', 'ambiguous-agency', `several agencies are called "${name}"; give the lead agency ID`);
  else fail('leadAgency', 'unknown-agency', `"${name}" is not an agency of this partnership; add it first`);
  return null;
}
