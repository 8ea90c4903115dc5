import { createHash } from 'node:crypto';

/**
 * One row of `events` exactly as the chain hashes it: every column as stored, instants as UTC
 * text with microseconds (a JS Date would drop them), positions as decimal text.
 */
export interface ChainEventRow {
  readonly transaction_id: string;
  readonly global_position: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly partnership_id: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly correlation_id: string | null;
  readonly causation_id: string | null;
}

const INSTANT = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The SELECT list producing a ChainEventRow from `events` aliased `alias`. */
export function chainEventColumns(alias: string): string {
  const a = (column: string): string => `${alias}.${column}`;
  return [
    `${a('transaction_id')}::text AS transaction_id`,
    `${a('global_position')}::text AS global_position`,
    `${a('stream_id')} AS stream_id`,
    `${a('stream_version')}::text AS stream_version`,
    `${a('event_id')}::text AS event_id`,
    `${a('event_type')} AS event_type`,
    `${a('schema_version')} AS schema_version`,
    `${a('data')} AS data`,
    `${a('metadata')} AS metadata`,
    `${a('partnership_id')}::text AS partnership_id`,
    `${INSTANT(a('occurred_at'))} AS occurred_at`,
    `${INSTANT(a('recorded_at'))} AS recorded_at`,
    `${a('correlation_id')}::text AS correlation_id`,
    `${a('causation_id')}::text AS causation_id`,
  ].join(', ');
}

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, primitives as JSON.stringify
 * writes them (the shape of RFC 8785 for the strings and safe integers events carry).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The bytes an event contributes to the chain: every stored column, canonical JSON. */
export function canonicalEvent(row: ChainEventRow): string {
  return canonicalJson({
    causationId: row.causation_id,
    correlationId: row.correlation_id,
    data: row.data,
    eventId: row.event_id,
    eventType: row.event_type,
    globalPosition: row.global_position,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    partnershipId: row.partnership_id,
    recordedAt: row.recorded_at,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    transactionId: row.transaction_id,
  });
}

/** The hash before the first link of every chain: 32 zero bytes, as hex. */
export const GENESIS_HASH = '0'.repeat(64);

/** `sha256(prev_hash || canonical(event))`, hex in and out. */
export function chainHash(previousHash: string, row: ChainEventRow): string {
  return createHash('sha256').update(Buffer.from(previousHash, 'hex')).update(canonicalEvent(row), 'utf8').digest('hex');
}
