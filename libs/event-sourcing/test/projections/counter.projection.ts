import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';

/**
 * A test projection: one counter document per counter stream, plus one multi-stream totals
 * document per partnership. `CounterRemoved` deletes the counter; `Noise` is not handled.
 */
export interface CounterDoc {
  readonly kind: 'counter' | 'totals';
  readonly partnershipId: string;
  readonly count: number;
  readonly total: number;
  readonly tags: readonly string[];
}

export interface CounterIncrementedData {
  readonly counterId: string;
  readonly partnershipId: string;
  readonly amount: number;
  readonly tag?: string;
  /** Kill switch for tests: evolve throws on this event. */
  readonly poison?: boolean;
}

export interface CounterHooks {
  /** Called for every evolve (to see which engine applied what). */
  readonly onEvolve?: (event: RecordedEvent, documentId: string) => void;
  readonly name?: string;
  readonly table?: string;
}

export const COUNTER_TABLE_SQL = (table: string): string => `
  CREATE TABLE ${table} (
    id text PRIMARY KEY,
    partnership_id uuid NOT NULL,
    doc jsonb NOT NULL,
    last_position text NOT NULL,
    kind text NOT NULL,
    count int NOT NULL,
    tags text[] NOT NULL
  )`;

export const totalsId = (partnershipId: string): string => `totals-${partnershipId}`;

export function counterProjection(hooks: CounterHooks = {}): DocumentProjection<CounterDoc> {
  return {
    name: hooks.name ?? 'test-counters',
    version: 1,
    table: hooks.table ?? 'rm_test_counters',
    canHandle: ['CounterIncremented', 'CounterRemoved'],
    documentIds: (event) => {
      const data = event.data as CounterIncrementedData;
      return event.type === 'CounterRemoved' ? [data.counterId] : [data.counterId, totalsId(data.partnershipId)];
    },
    evolve: (doc, event, documentId) => {
      hooks.onEvolve?.(event, documentId);
      const data = event.data as CounterIncrementedData;
      if (data.poison) throw new Error(`poisoned event at ${event.position}`);
      if (event.type === 'CounterRemoved') return null;
      const base: CounterDoc = doc ?? {
        kind: documentId.startsWith('totals-') ? 'totals' : 'counter',
        partnershipId: data.partnershipId,
        count: 0,
        total: 0,
        tags: [],
      };
      const tags = data.tag && !base.tags.includes(data.tag) ? [...base.tags, data.tag] : base.tags;
      return { ...base, count: base.count + 1, total: base.total + data.amount, tags };
    },
    columns: (doc) => ({ kind: doc.kind, count: doc.count, tags: doc.tags }),
    partnershipIdOf: (doc) => doc.partnershipId,
  };
}
