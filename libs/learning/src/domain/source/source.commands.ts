import type { Command } from '@ledger/event-sourcing';
import type { SourceKind } from './source.values';

export type RecordSource = Command<
  'RecordSource',
  {
    readonly sourceId: string;
    readonly partnershipId: string;
    readonly kind: SourceKind;
    readonly title: string;
    readonly reference?: string;
  }
>;

export type RecordFinding = Command<
  'RecordFinding',
  {
    readonly sourceId: string;
    readonly findingId: string;
    readonly summary: string;
    readonly themes: readonly string[];
    /** Validated against ENABLERS by decide; typed loosely so bad input reaches the rule. */
    readonly enablers: readonly string[];
    readonly goodPractice: boolean;
  }
>;

export type RecordSourceMilestone = Command<'RecordSourceMilestone', { readonly sourceId: string; readonly milestone: string }>;

export type CloseSource = Command<'CloseSource', { readonly sourceId: string }>;

export type SourceCommand = RecordSource | RecordFinding | RecordSourceMilestone | CloseSource;
