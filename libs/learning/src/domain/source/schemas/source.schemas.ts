import type { DomainEvent } from '@ledger/event-sourcing';
import type { SourceEvent } from '../source.events';

/**
 * The JSON of each source event as stored, by version. Stored shapes are never rewritten: when an
 * event's shape changes, add `.v2` here, bump SOURCE_SCHEMA_VERSIONS and teach `upcastSourceEvent`
 * to map v1 → current.
 */
export interface SourceRecordedV1 {
  readonly sourceId: string;
  readonly partnershipId: string;
  readonly kind: string;
  readonly title: string;
  readonly reference: string | null;
}

export interface FindingRecordedV1 {
  readonly sourceId: string;
  readonly findingId: string;
  readonly summary: string;
  readonly themes: readonly string[];
  readonly enablers: readonly string[];
  readonly goodPractice: boolean;
}

export interface SourceMilestoneReachedV1 {
  readonly sourceId: string;
  readonly milestone: string;
}

export interface SourceClosedV1 {
  readonly sourceId: string;
}

/** The version written today for each event type (NewEvent.schemaVersion). */
export const SOURCE_SCHEMA_VERSIONS = {
  SourceRecorded: 1,
  FindingRecorded: 1,
  SourceMilestoneReached: 1,
  SourceClosed: 1,
} as const satisfies Record<SourceEvent['type'], number>;

/** What the store hands back: a type name, the version of its stored shape, and that JSON. */
export interface StoredSourceEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

export class UnknownSourceEventSchema extends Error {
  constructor(type: string, schemaVersion: number) {
    super(`no upcaster for stored event ${type}.v${schemaVersion}`);
    this.name = 'UnknownSourceEventSchema';
  }
}

/** Stored (type, schemaVersion, data) → the current in-memory event. */
export function upcastSourceEvent(stored: StoredSourceEvent): SourceEvent {
  const key = `${stored.type}.v${stored.schemaVersion}`;
  switch (key) {
    case 'SourceRecorded.v1':
      return { type: 'SourceRecorded', data: stored.data as SourceRecordedV1 } as SourceEvent;
    case 'FindingRecorded.v1':
      return { type: 'FindingRecorded', data: stored.data as FindingRecordedV1 } as SourceEvent;
    case 'SourceMilestoneReached.v1':
      return { type: 'SourceMilestoneReached', data: stored.data as SourceMilestoneReachedV1 };
    case 'SourceClosed.v1':
      return { type: 'SourceClosed', data: stored.data as SourceClosedV1 };
    default:
      throw new UnknownSourceEventSchema(stored.type, stored.schemaVersion);
  }
}

/** True for the event types this aggregate owns (a projection may see others). */
export function isSourceEvent(event: DomainEvent): boolean {
  return event.type in SOURCE_SCHEMA_VERSIONS;
}
