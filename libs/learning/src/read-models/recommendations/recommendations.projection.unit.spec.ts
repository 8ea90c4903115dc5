import { foldProjection, type DomainEvent, type RecordedEvent } from '@ledger/event-sourcing';
import {
  FINDING_ID,
  HEALTH_ID,
  PARTNERSHIP_ID,
  POLICE_ID,
  RECOMMENDATION_ID,
  recommendationMade,
  recommendationResponded,
  SOURCE_ID,
} from '../../domain/recommendation/test/recommendation.fixtures';
import { recommendationsProjection } from './recommendations.projection';

let position = 0;
function recorded(event: DomainEvent, streamVersion: number, occurredAt: string, recordedAt = '2025-06-10T12:00:00.000Z'): RecordedEvent {
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
    streamId: `recommendation-${RECOMMENDATION_ID}`,
    streamVersion: BigInt(streamVersion),
    globalPosition: BigInt(position),
    position: `0:${position}`,
    recordedAt: new Date(recordedAt),
  };
}

describe('recommendations projection', () => {
  it('builds a recommendation with no response yet', () => {
    const doc = foldProjection(recommendationsProjection, [recorded(recommendationMade(), 1, '2025-06-01T10:00:00.000Z')]).get(
      RECOMMENDATION_ID,
    );

    expect(doc).toEqual({
      id: RECOMMENDATION_ID,
      partnershipId: PARTNERSHIP_ID,
      sourceId: SOURCE_ID,
      findingIds: [FINDING_ID],
      number: '1',
      text: recommendationMade().data.text,
      addresseeAgencyIds: [POLICE_ID, HEALTH_ID],
      scope: 'local',
      response: null,
      responses: [],
      version: 1,
      createdAt: '2025-06-01T10:00:00.000Z',
    });
    expect(recommendationsProjection.columns(doc!)).toEqual({
      source_id: SOURCE_ID,
      number: '1',
      scope: 'local',
      decision: null,
      addressee_agency_ids: [POLICE_ID, HEALTH_ID],
      version: 1,
    });
  });

  it('keeps the current response and every response before it', () => {
    const doc = foldProjection(recommendationsProjection, [
      recorded(recommendationMade(), 1, '2025-06-01T10:00:00.000Z'),
      recorded(
        recommendationResponded({ decision: 'partially-accepted', reason: 'Health element is regional.' }),
        2,
        '2025-06-15T00:00:00.000Z',
        '2025-06-16T08:00:00.000Z',
      ),
      recorded(
        recommendationResponded({ decision: 'accepted', previousDecision: 'partially-accepted' }),
        3,
        '2025-07-01T00:00:00.000Z',
        '2025-07-01T09:00:00.000Z',
      ),
    ]).get(RECOMMENDATION_ID);

    expect(doc?.response).toEqual({ decision: 'accepted', reason: null, occurredAt: '2025-07-01T00:00:00.000Z' });
    expect(doc?.responses).toEqual([
      {
        decision: 'partially-accepted',
        reason: 'Health element is regional.',
        previousDecision: null,
        occurredAt: '2025-06-15T00:00:00.000Z',
        recordedAt: '2025-06-16T08:00:00.000Z',
      },
      {
        decision: 'accepted',
        reason: null,
        previousDecision: 'partially-accepted',
        occurredAt: '2025-07-01T00:00:00.000Z',
        recordedAt: '2025-07-01T09:00:00.000Z',
      },
    ]);
    expect(doc?.version).toBe(3);
    expect(recommendationsProjection.columns(doc!)).toMatchObject({ decision: 'accepted', version: 3 });
  });
});
