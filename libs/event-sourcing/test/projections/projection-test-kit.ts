import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { EventStore, NewEvent } from '@ledger/event-sourcing';
import { COUNTER_TABLE_SQL, type CounterIncrementedData } from './counter.projection';

export const PARTNERSHIP = '7d1f3c52-2d0e-4b8a-9a51-3c7e0f5b9a10';

export function newEvent(type: string, data: object): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      partnershipId: PARTNERSHIP,
      actor: { userId: 'person-ref-1', role: 'auditor' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2025-03-01T09:00:00.000Z',
    },
  };
}

export function increment(counterId: string, amount = 1, extra: Partial<CounterIncrementedData> = {}): NewEvent {
  return newEvent('CounterIncremented', { counterId, partnershipId: PARTNERSHIP, amount, ...extra } satisfies CounterIncrementedData);
}

/** Appends one event to `counter-<id>`; the position of the append. */
export async function append(store: EventStore, counterId: string, event: NewEvent): Promise<string> {
  return (await store.appendToStream(`counter-${counterId}`, 'any', [event])).position;
}

export async function resetDatabase(pool: Pool, table: string): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${table}`);
  await pool.query(COUNTER_TABLE_SQL(table));
  await pool.query('TRUNCATE events, streams, projection_checkpoints');
}

export interface CounterRow {
  readonly id: string;
  readonly doc: { count: number; total: number; tags: string[]; kind: string };
  readonly last_position: string;
  readonly kind: string;
  readonly count: number;
  readonly tags: string[];
  readonly partnership_id: string;
}

export async function rows(pool: Pool, table: string): Promise<CounterRow[]> {
  return (await pool.query<CounterRow>(`SELECT id, partnership_id, doc, last_position, kind, count, tags FROM ${table} ORDER BY id`)).rows;
}

export async function checkpointOf(pool: Pool, name: string): Promise<{ checkpoint: string; version: number } | null> {
  const result = await pool.query<{ checkpoint: string; version: number }>(
    'SELECT checkpoint, version FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  return result.rows[0] ?? null;
}

/** Polls `check` until it holds (a condition to observe, not a sleep standing in for one). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
