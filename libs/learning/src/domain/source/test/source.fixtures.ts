import type { CommandMetadata } from '@ledger/event-sourcing';
import type { CloseSource, RecordFinding, RecordSource, RecordSourceMilestone } from '../source.commands';
import type { FindingRecorded, SourceClosed, SourceMilestoneReached, SourceRecorded } from '../source.events';

/** Synthetic data only: internal references, no child or family detail. */
export const PARTNERSHIP_ID = '0b9a3e55-5c1f-4c6e-9a39-6f1c2d1e0a01';
export const SOURCE_ID = '6f2f7d1e-2b8c-4a4e-8d4b-0c5f8b6a1d02';
export const FINDING_ID = '9a4c1b2d-3e5f-4a6b-8c7d-1e2f3a4b5c03';
export const OTHER_FINDING_ID = '1c2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e04';

export const metadata: CommandMetadata = {
  now: new Date('2025-05-02T09:00:00Z'),
  actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
  occurredAt: new Date('2025-05-01T14:00:00Z'),
};

export const recordSource = (data: Partial<RecordSource['data']> = {}): RecordSource => ({
  type: 'RecordSource',
  data: {
    sourceId: SOURCE_ID,
    partnershipId: PARTNERSHIP_ID,
    kind: 'rapid-review',
    title: 'Rapid review RR-2025-04',
    reference: 'RR-2025-04',
    ...data,
  },
  metadata,
});

export const recordFinding = (data: Partial<RecordFinding['data']> = {}): RecordFinding => ({
  type: 'RecordFinding',
  data: {
    sourceId: SOURCE_ID,
    findingId: FINDING_ID,
    summary: 'Information about missed health appointments was not shared with the school.',
    themes: ['information-sharing', 'professional-curiosity'],
    enablers: ['partnership-working'],
    goodPractice: false,
    ...data,
  },
  metadata,
});

export const recordMilestone = (milestone: string): RecordSourceMilestone => ({
  type: 'RecordSourceMilestone',
  data: { sourceId: SOURCE_ID, milestone },
  metadata,
});

export const closeSource = (): CloseSource => ({ type: 'CloseSource', data: { sourceId: SOURCE_ID }, metadata });

export const sourceRecorded = (data: Partial<SourceRecorded['data']> = {}): SourceRecorded => ({
  type: 'SourceRecorded',
  data: {
    sourceId: SOURCE_ID,
    partnershipId: PARTNERSHIP_ID,
    kind: 'rapid-review',
    title: 'Rapid review RR-2025-04',
    reference: 'RR-2025-04',
    ...data,
  },
});

export const findingRecorded = (data: Partial<FindingRecorded['data']> = {}): FindingRecorded => ({
  type: 'FindingRecorded',
  data: {
    sourceId: SOURCE_ID,
    findingId: FINDING_ID,
    summary: 'Information about missed health appointments was not shared with the school.',
    themes: ['information-sharing', 'professional-curiosity'],
    enablers: ['partnership-working'],
    goodPractice: false,
    ...data,
  },
});

export const milestoneReached = (milestone: string): SourceMilestoneReached => ({
  type: 'SourceMilestoneReached',
  data: { sourceId: SOURCE_ID, milestone },
});

export const sourceClosed = (): SourceClosed => ({ type: 'SourceClosed', data: { sourceId: SOURCE_ID } });
