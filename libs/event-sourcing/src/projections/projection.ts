import type { RecordedEvent } from '../core/event';

/** Values a read-model column may hold besides the JSON document. */
export type ColumnValue = string | number | boolean | null | readonly string[];

/**
 * A document projection, declared as data (Marten's vocabulary): each read-model row is one JSON
 * document plus a few extracted columns for filtering. Single-stream projections map an event to
 * its own stream's document; multi-stream projections may touch documents of other streams.
 *
 * The engine loads the documents an event touches, folds the event in with `evolve` (pure),
 * and saves rows and the checkpoint in one transaction. Each row remembers the position of the
 * last event it applied, so a redelivered event is skipped.
 *
 * The table must have: `id text primary key`, `partnership_id uuid not null`, `doc jsonb not null`,
 * `last_position text not null`, plus one column per key of `columns(doc)` (snake_case names).
 */
export interface DocumentProjection<Doc = unknown> {
  readonly name: string;
  /** Bump when evolve changes meaning; a rebuild then replays into a fresh read model. */
  readonly version: number;
  readonly table: string;
  /** Event types this projection reads; all others only advance its checkpoint. */
  readonly canHandle: readonly string[];
  /** Ids of the documents the event changes. */
  readonly documentIds: (event: RecordedEvent) => readonly string[];
  /** Pure: the document before (null if none) and the event → the document after (null deletes). */
  readonly evolve: (doc: Doc | null, event: RecordedEvent, documentId: string) => Doc | null;
  /** Columns kept beside the document for filtering; keys are column names. */
  readonly columns: (doc: Doc) => Readonly<Record<string, ColumnValue>>;
  /** The partnership a document belongs to. */
  readonly partnershipIdOf: (doc: Doc) => string;
}
