import type { DomainEvent } from '@ledger/event-sourcing';
import type { Enabler, SourceKind } from './source.values';

export type SourceRecorded = DomainEvent<
  'SourceRecorded',
  {
    readonly sourceId: string;
    readonly partnershipId: string;
    readonly kind: SourceKind;
    readonly title: string;
    readonly reference: string | null;
  }
>;

export type FindingRecorded = DomainEvent<
  'FindingRecorded',
  {
    readonly sourceId: string;
    readonly findingId: string;
    readonly summary: string;
    readonly themes: readonly string[];
    readonly enablers: readonly Enabler[];
    readonly goodPractice: boolean;
  }
>;

export type SourceMilestoneReached = DomainEvent<'SourceMilestoneReached', { readonly sourceId: string; readonly milestone: string }>;

export type SourceClosed = DomainEvent<'SourceClosed', { readonly sourceId: string }>;

export type SourceEvent = SourceRecorded | FindingRecorded | SourceMilestoneReached | SourceClosed;

export const SOURCE_EVENT_TYPES = [
  'SourceRecorded',
  'FindingRecorded',
  'SourceMilestoneReached',
  'SourceClosed',
] as const satisfies readonly SourceEvent['type'][];
