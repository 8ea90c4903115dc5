import type { SourceEvent } from '../domain/source/source.events';
import type { Enabler, SourceKind } from '../domain/source/source.values';
import { ALL_SOURCE_MILESTONES, ENABLERS, SOURCE_KINDS } from '../domain/source/source.values';
import { PROSE, id, nullable, type LearningContractDefinition } from './learning-contract.types';

/** Learning-source integration events: what was reviewed, what it found (themes, not prose). */

export interface SourceRecordedContract {
  readonly sourceId: string;
  readonly partnershipId: string;
  readonly kind: SourceKind;
  /** The partnership's internal reference (e.g. `RR-2025-04`), when it has one. */
  readonly reference: string | null;
}
export interface FindingRecordedContract {
  readonly sourceId: string;
  readonly findingId: string;
  readonly themes: readonly string[];
  readonly enablers: readonly Enabler[];
  readonly goodPractice: boolean;
}
export interface SourceMilestoneReachedContract {
  readonly sourceId: string;
  readonly milestone: string;
}
export interface SourceClosedContract {
  readonly sourceId: string;
}

export type SourceContract =
  | { readonly type: 'SourceRecorded'; readonly version: 1; readonly data: SourceRecordedContract }
  | { readonly type: 'FindingRecorded'; readonly version: 1; readonly data: FindingRecordedContract }
  | { readonly type: 'SourceMilestoneReached'; readonly version: 1; readonly data: SourceMilestoneReachedContract }
  | { readonly type: 'SourceClosed'; readonly version: 1; readonly data: SourceClosedContract };

export const SOURCE_CONTRACTS: { readonly [T in SourceEvent['type']]: LearningContractDefinition } = {
  SourceRecorded: {
    version: 1,
    description: 'A learning source (review, audit, inspection, feedback...) was recorded.',
    properties: { sourceId: id, partnershipId: id, kind: { type: 'string', enum: SOURCE_KINDS }, reference: nullable({ type: 'string' }) },
    omitted: { title: `${PROSE}; until a review is published its working title can name the child it concerns` },
  },
  FindingRecorded: {
    version: 1,
    description: 'A finding of the source was recorded, tagged with themes and enablers.',
    properties: {
      sourceId: id,
      findingId: id,
      themes: { type: 'array', items: { type: 'string' } },
      enablers: { type: 'array', items: { type: 'string', enum: ENABLERS } },
      goodPractice: { type: 'boolean' },
    },
    omitted: { summary: PROSE },
  },
  SourceMilestoneReached: {
    version: 1,
    description: 'The source reached a lifecycle milestone of its kind.',
    properties: { sourceId: id, milestone: { type: 'string', enum: ALL_SOURCE_MILESTONES } },
    omitted: {},
  },
  SourceClosed: {
    version: 1,
    description: 'The source was closed.',
    properties: { sourceId: id },
    omitted: {},
  },
};

export function sourceContractOf(event: SourceEvent): SourceContract {
  switch (event.type) {
    case 'SourceRecorded': {
      const { sourceId, partnershipId, kind, reference } = event.data;
      return { type: event.type, version: 1, data: { sourceId, partnershipId, kind, reference } };
    }
    case 'FindingRecorded': {
      const { sourceId, findingId, themes, enablers, goodPractice } = event.data;
      return { type: event.type, version: 1, data: { sourceId, findingId, themes: [...themes], enablers: [...enablers], goodPractice } };
    }
    case 'SourceMilestoneReached': {
      const { sourceId, milestone } = event.data;
      return { type: event.type, version: 1, data: { sourceId, milestone } };
    }
    case 'SourceClosed':
      return { type: event.type, version: 1, data: { sourceId: event.data.sourceId } };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
