import { foldProjection, type DomainEvent, type RecordedEvent } from '@ledger/event-sourcing';
import {
  FINDING_ID,
  findingRecorded,
  milestoneReached,
  OTHER_FINDING_ID,
  PARTNERSHIP_ID,
  SOURCE_ID,
  sourceClosed,
  sourceRecorded,
} from '../../domain/source/test/source.fixtures';
import { sourcesProjection } from './sources.projection';

let position = 0;
function recorded(event: DomainEvent, streamVersion: number, occurredAt: string, streamId = `source-${SOURCE_ID}`): RecordedEvent {
  position += 1;
  return {
    ...event,
    metadata: {
      eventId: `event-${position}`,
      partnershipId: PARTNERSHIP_ID,
      actor: { userId: 'user-1', role: 'partnership-admin' },
      correlationId: 'c',
      causationId: `cmd-${position}`,
      occurredAt,
    },
    schemaVersion: 1,
    streamId,
    streamVersion: BigInt(streamVersion),
    globalPosition: BigInt(position),
    position: `0:${position}`,
    recordedAt: new Date('2025-05-10T12:00:00.000Z'),
  };
}

describe('sources projection', () => {
  it('builds one document per source with its milestones, findings, status and version', () => {
    const docs = foldProjection(sourcesProjection, [
      recorded(sourceRecorded(), 1, '2025-04-01T00:00:00.000Z'),
      recorded(milestoneReached('notified'), 2, '2025-04-01T00:00:00.000Z'),
      recorded(findingRecorded(), 3, '2025-04-20T00:00:00.000Z'),
      recorded(
        findingRecorded({ findingId: OTHER_FINDING_ID, themes: ['early-help'], enablers: [], goodPractice: true }),
        4,
        '2025-04-21T00:00:00.000Z',
      ),
      recorded(sourceClosed(), 5, '2025-05-01T00:00:00.000Z'),
    ]);

    const doc = docs.get(SOURCE_ID);
    expect(doc).toEqual({
      id: SOURCE_ID,
      partnershipId: PARTNERSHIP_ID,
      kind: 'rapid-review',
      title: 'Rapid review RR-2025-04',
      reference: 'RR-2025-04',
      occurredAt: '2025-04-01T00:00:00.000Z',
      recordedAt: '2025-05-10T12:00:00.000Z',
      status: 'closed',
      milestones: [{ milestone: 'notified', occurredAt: '2025-04-01T00:00:00.000Z' }],
      findings: [
        {
          findingId: FINDING_ID,
          summary: findingRecorded().data.summary,
          themes: ['information-sharing', 'professional-curiosity'],
          enablers: ['partnership-working'],
          goodPractice: false,
          occurredAt: '2025-04-20T00:00:00.000Z',
        },
        {
          findingId: OTHER_FINDING_ID,
          summary: findingRecorded().data.summary,
          themes: ['early-help'],
          enablers: [],
          goodPractice: true,
          occurredAt: '2025-04-21T00:00:00.000Z',
        },
      ],
      version: 5,
    });
    expect(sourcesProjection.columns(doc!)).toEqual({
      kind: 'rapid-review',
      title: 'Rapid review RR-2025-04',
      status: 'closed',
      version: 5,
    });
    expect(sourcesProjection.partnershipIdOf(doc!)).toBe(PARTNERSHIP_ID);
  });

  it('keeps an open source open and ignores events of other aggregates', () => {
    const docs = foldProjection(sourcesProjection, [
      recorded(sourceRecorded({ kind: 'section-11', reference: null }), 1, '2025-04-01T00:00:00.000Z'),
      recorded({ type: 'ActionProposed', data: { actionId: 'a-1' } }, 1, '2025-04-02T00:00:00.000Z', 'action-a-1'),
    ]);

    expect([...docs.keys()]).toEqual([SOURCE_ID]);
    expect(docs.get(SOURCE_ID)).toMatchObject({
      kind: 'section-11',
      reference: null,
      status: 'open',
      version: 1,
      findings: [],
      milestones: [],
    });
  });
});
