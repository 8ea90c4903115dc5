import { containsNhsNumber } from './nhs-number';

/** What a screen found; never the text itself. */
export type PersonalDataKind = 'nhs-number' | 'date-of-birth' | 'address';

export interface PersonalDataWarning {
  readonly field: string;
  readonly kind: PersonalDataKind;
  readonly message: string;
}

const MONTH = '(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)[a-z]*';
/** Day-first and ISO dates, and "3rd March 2015". */
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4})`;
const DAY_FIRST_DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4})`;

/** "DOB 01/02/2015", "d.o.b: 2015-02-01", "date of birth 1 Feb 2015", "born on 3rd March 2015", "born in 2014". */
const DOB_MARKER = new RegExp(
  `\\b(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth|born(?:\\s+on)?)\\s*[:\\-–]?\\s*(?:${DATE}|(?:in\\s+)?(?:19|20)\\d{2}\\b)`,
  'i',
);

/** Words that start capitalised phrases which are not people ("Review (12/03/2025)"). */
const NOT_NAMES = new Set(
  [
    'review',
    'report',
    'audit',
    'board',
    'meeting',
    'panel',
    'partnership',
    'council',
    'subgroup',
    'inspection',
    'protocol',
    'policy',
    'plan',
    'training',
    'minutes',
    'conference',
    'strategy',
    'version',
    'draft',
    'update',
    'agency',
    'police',
    'health',
    'education',
    'service',
    'services',
    'team',
    'forum',
    'group',
    'committee',
    'rapid',
    'lcspr',
    'jtai',
    'ilacs',
    'section',
    'constabulary',
    'trust',
    'school',
    'academy',
    'county',
    'city',
    'borough',
    'safeguarding',
    'children',
    'partners',
    'hospital',
    'foundation',
    'authority',
    'department',
    'unit',
    'office',
    'centre',
    'center',
    'week',
    'month',
    'quarter',
    'term',
  ].map((word) => word.toLowerCase()),
);

/** "Pat Example (01/02/2015)", "Pat Example, 1 Feb 2015": a two-or-more-word name next to a day-first date. */
const NAME_THEN_DATE = new RegExp(`\\b([A-Z][a-z]+(?:[ '-][A-Z][a-z]+)+)\\s*(?:\\(|,|-|–)\\s*${DAY_FIRST_DATE}`, 'g');

/** A UK postcode ("AB1 2CD", "SW1A 1AA", "M1 1AE"). */
const POSTCODE = /\b(?:[A-Z]{1,2}\d{1,2}[A-Z]?)\s?\d[A-Z]{2}\b/;
const STREET =
  '(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Crescent|Place|Gardens|Terrace|Grove|Row|Walk|Mews|Square|Hill|View)';
/** A house number and a street: "12 Acacia Avenue", "4a, Station Road". */
const HOUSE_AND_STREET = new RegExp(`\\b\\d{1,4}[a-zA-Z]?,?\\s+(?:[A-Z][a-z]+\\s+){1,3}${STREET}\\b`);

function looksLikeName(phrase: string): boolean {
  return !phrase.split(/[ '-]/).some((word) => NOT_NAMES.has(word.toLowerCase()));
}

function nameNextToDate(text: string): boolean {
  for (const match of text.matchAll(NAME_THEN_DATE)) if (looksLikeName(match[1]!)) return true;
  return false;
}

const MESSAGES: Readonly<Record<PersonalDataKind, string>> = {
  'nhs-number': 'looks like it contains an NHS number; the ledger must hold no personal data about children',
  'date-of-birth': 'looks like it contains a date of birth or a name with a date; the ledger must hold no personal data about children',
  address: 'looks like it contains a home address or postcode; the ledger must hold no personal data about children',
};

/**
 * Screens one free-text field for likely personal data about children. Pure and cheap; it warns,
 * it never refuses (a false positive must not stop a partnership recording its work).
 */
export function screenText(field: string, text: string): PersonalDataWarning[] {
  const kinds: PersonalDataKind[] = [];
  if (containsNhsNumber(text)) kinds.push('nhs-number');
  if (DOB_MARKER.test(text) || nameNextToDate(text)) kinds.push('date-of-birth');
  if (POSTCODE.test(text) || HOUSE_AND_STREET.test(text)) kinds.push('address');
  return kinds.map((kind) => ({ field, kind, message: `${field} ${MESSAGES[kind]}` }));
}

/** The free-text fields of command bodies that are screened. */
export const SCREENED_FIELDS: readonly string[] = [
  'description',
  'narrative',
  'summary',
  'detail',
  'response',
  'reason',
  'outcome',
  'successMeasure',
  'text',
  'subject',
  'title',
];

/** Screens the free-text fields of a command body (top-level strings named in SCREENED_FIELDS). */
export function screenCommandBody(body: unknown): PersonalDataWarning[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const record = body as Record<string, unknown>;
  return SCREENED_FIELDS.flatMap((field) => {
    const value = record[field];
    return typeof value === 'string' ? screenText(field, value) : [];
  });
}
