import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import { upcastSourceEvent } from '../../domain/source/schemas/source.schemas';
import { SOURCE_EVENT_TYPES } from '../../domain/source/source.events';
import type { Enabler, SourceKind, SourceStatus } from '../../domain/source/source.values';

export interface SourceMilestoneEntry {
  readonly milestone: string;
  readonly occurredAt: string;
}

export interface FindingEntry {
  readonly findingId: string;
  readonly summary: string;
  readonly themes: readonly string[];
  readonly enablers: readonly Enabler[];
  readonly goodPractice: boolean;
  readonly occurredAt: string;
}

/** One learning source with its milestones and findings (table rm_sources). */
export interface SourceDocument {
  readonly id: string;
  readonly partnershipId: string;
  readonly kind: SourceKind;
  readonly title: string;
  readonly reference: string | null;
  /** Business time of SourceRecorded; `recordedAt` is when the ledger learnt of it. */
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly status: SourceStatus;
  readonly milestones: readonly SourceMilestoneEntry[];
  readonly findings: readonly FindingEntry[];
  readonly version: number;
}

function evolve(doc: SourceDocument | null, recorded: RecordedEvent): SourceDocument | null {
  const event = upcastSourceEvent(recorded);
  const occurredAt = recorded.metadata.occurredAt;
  const version = Number(recorded.streamVersion);
  if (event.type === 'SourceRecorded') {
    const { sourceId, partnershipId, kind, title, reference } = event.data;
    const recordedAt = recorded.recordedAt.toISOString();
    return {
      id: sourceId,
      partnershipId,
      kind,
      title,
      reference,
      occurredAt,
      recordedAt,
      status: 'open',
      milestones: [],
      findings: [],
      version,
    };
  }
  if (doc === null) return null;
  switch (event.type) {
    case 'FindingRecorded': {
      const { findingId, summary, themes, enablers, goodPractice } = event.data;
      return { ...doc, findings: [...doc.findings, { findingId, summary, themes, enablers, goodPractice, occurredAt }], version };
    }
    case 'SourceMilestoneReached':
      return { ...doc, milestones: [...doc.milestones, { milestone: event.data.milestone, occurredAt }], version };
    case 'SourceClosed':
      return { ...doc, status: 'closed', version };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Single-stream projection of `source-<id>` streams. */
export const sourcesProjection: DocumentProjection<SourceDocument> = {
  name: 'sources',
  version: 1,
  table: 'rm_sources',
  canHandle: SOURCE_EVENT_TYPES,
  documentIds: (event) => [(event.data as { sourceId: string }).sourceId],
  evolve,
  columns: (doc) => ({ kind: doc.kind, title: doc.title, status: doc.status, version: doc.version }),
  partnershipIdOf: (doc) => doc.partnershipId,
};
