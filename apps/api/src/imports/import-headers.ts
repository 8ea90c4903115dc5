import { ACTION_PLAN_COLUMNS } from '../exports/action-plan-columns';
import type { ImportProblem } from './import-errors';

/** The columns an import reads; the others of ACTION_PLAN_COLUMNS are derived by the ledger and ignored. */
export const IMPORTED_KEYS = [
  'sourceId',
  'sourceKind',
  'sourceTitle',
  'recommendationId',
  'recommendationNumber',
  'recommendationText',
  'actionId',
  'action',
  'successMeasure',
  'leadAgencyId',
  'leadAgency',
  'owner',
  'targetDateOriginal',
  'targetDateCurrent',
  'targetDateRevisions',
  'status',
] as const;
export type ImportedKey = (typeof IMPORTED_KEYS)[number];

/** Header spellings users write, compared lower-case without spaces or punctuation. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  sourceId: ['sourceid'],
  sourceKind: ['sourcekind', 'sourcetype', 'kindofsource', 'typeofsource'],
  sourceTitle: ['source', 'sourcetitle', 'sourcename', 'learningsource', 'review'],
  recommendationId: ['recommendationid', 'recid'],
  recommendationNumber: ['recommendationnumber', 'recommendationno', 'recommendationnum', 'recno', 'recnumber', 'recnum', 'rec'],
  recommendationText: ['recommendation', 'recommendationtext', 'rectext'],
  actionId: ['actionid'],
  action: ['action', 'actiondescription', 'description', 'actiontext'],
  successMeasure: ['successmeasure', 'measureofsuccess', 'successcriteria', 'successmeasures'],
  leadAgencyId: ['leadagencyid', 'agencyid'],
  leadAgency: ['leadagency', 'agency', 'leadagencyname', 'agencyname', 'leadorganisation', 'leadorganization'],
  owner: ['owner', 'actionowner', 'leadofficer', 'responsibleofficer'],
  targetDateOriginal: ['originaltargetdate', 'targetdateoriginal', 'originalduedate', 'originaldeadline'],
  targetDateCurrent: ['targetdate', 'duedate', 'deadline', 'currenttargetdate', 'targetdatecurrent', 'revisedtargetdate', 'date'],
  targetDateRevisions: ['targetdaterevisions', 'revisions', 'daterevisions', 'revisionhistory'],
  ownerRag: ['ownerrag', 'rag', 'statusrag', 'ragstatus', 'ragrating'],
  timeliness: ['timeliness'],
  status: ['status', 'actionstatus'],
  latestUpdate: ['latestupdate', 'update', 'progressupdate', 'lastupdate'],
  latestUpdateAt: ['latestupdateat', 'updatedat', 'lastupdated'],
  evidenceCount: ['evidencecount', 'evidence'],
  impactStatus: ['impactstatus', 'impact'],
};

/** `"Rec. no"` → `recno`. */
export const headerToken = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

const KEY_BY_TOKEN = new Map<string, string>(
  ACTION_PLAN_COLUMNS.flatMap((column) =>
    [headerToken(column.header), ...(SYNONYMS[column.key] ?? [])].map((token) => [token, column.key]),
  ),
);
const HEADER_BY_KEY = new Map(ACTION_PLAN_COLUMNS.map((column) => [column.key, column.header]));
export const canonicalHeader = (key: string): string => HEADER_BY_KEY.get(key) ?? key;

/** Which file column holds each imported key, and what the header row got wrong. */
export interface HeaderMap {
  readonly index: ReadonlyMap<ImportedKey, number>;
  /** The header as the file spells it, by key. */
  readonly header: ReadonlyMap<ImportedKey, string>;
  /** Columns read but not imported (derived by the ledger) or not recognised. */
  readonly ignored: readonly string[];
  readonly problems: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
}

/** Either column of each pair is enough. */
const REQUIRED: readonly (readonly ImportedKey[])[] = [
  ['sourceTitle'],
  ['recommendationNumber'],
  ['action'],
  ['successMeasure'],
  ['leadAgency', 'leadAgencyId'],
  ['targetDateCurrent', 'targetDateOriginal'],
];

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const index = new Map<ImportedKey, number>();
  const header = new Map<ImportedKey, string>();
  const ignored: string[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  headers.forEach((raw, position) => {
    const text = raw.trim();
    if (text === '') return;
    const key = KEY_BY_TOKEN.get(headerToken(text));
    if (key === undefined || !(IMPORTED_KEYS as readonly string[]).includes(key)) {
      ignored.push(text);
      if (key === undefined)
        warnings.push({ row: 1, column: text, code: 'unknown-column', message: 'not a column of the action plan; ignored' });
      return;
    }
    const imported = key as ImportedKey;
    if (index.has(imported)) {
      problems.push({ row: 1, column: text, code: 'duplicate-column', message: `a second "${canonicalHeader(key)}" column` });
      return;
    }
    index.set(imported, position);
    header.set(imported, text);
  });
  for (const keys of REQUIRED) {
    if (keys.some((key) => index.has(key))) continue;
    const names = keys.map(canonicalHeader).join('" or "');
    problems.push({ row: 1, column: canonicalHeader(keys[0]!), code: 'missing-column', message: `the file needs a "${names}" column` });
  }
  return { index, header, ignored, problems, warnings };
}
