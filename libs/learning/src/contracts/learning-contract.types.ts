/** A stored event as the event store returns it (a RecordedEvent fits). */
export interface LearningContractSource {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

/** One published contract: its version, the JSON Schema properties of `data`, and why each domain field left out was. */
export interface LearningContractDefinition {
  readonly version: number;
  readonly description: string;
  readonly properties: Readonly<Record<string, object>>;
  readonly omitted: Readonly<Record<string, string>>;
}

/*
 * What the learning contracts leave out, and why: the topic fans out beyond the ledger's
 * per-partnership access control, so it carries identifiers, codes, dates, statuses and
 * controlled vocabularies only. Prose typed by practitioners (descriptions, narratives, reasons,
 * summaries) can mention a child or family however careful the guidance, and person references
 * identify staff: consumers that need either read them through the authorised HTTP API.
 */
export const PROSE = 'free text typed by practitioners, which may identify a child, family or member of staff; read it through the API';
export const PERSON = 'an opaque reference to a person, personal data';

export const id = { type: 'string', minLength: 1 } as const;
export const ids = { type: 'array', items: id } as const;
export const calendarDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
/** The schema, or null (an enum gains null too: `enum` applies to every value). */
export function nullable(schema: { readonly type: string; readonly enum?: readonly string[] }): object {
  return { ...schema, type: [schema.type, 'null'], ...(schema.enum ? { enum: [...schema.enum, null] } : {}) };
}
