import type { RecommendationDocument } from './recommendations.projection';
import { compareRecommendations, filterRecommendations, recommendationViewWith, type LinkedAction } from './recommendation-views';

const SOURCE = 'source-a';
function recommendation(id: string, number: string, overrides: Partial<RecommendationDocument> = {}): RecommendationDocument {
  return {
    id,
    partnershipId: 'p',
    sourceId: SOURCE,
    findingIds: [],
    number,
    text: `Recommendation ${number}`,
    addresseeAgencyIds: ['police'],
    scope: 'local',
    response: null,
    responses: [],
    version: 1,
    createdAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}
const accepted = { decision: 'accepted' as const, reason: null, occurredAt: '2025-03-02T09:00:00.000Z' };

describe('recommendationViewWith (the in-memory twin of the linked-actions join)', () => {
  it('counts the linked actions by outcome, ids sorted, and derives the status', () => {
    const actions: LinkedAction[] = [
      { id: 'b', status: 'closed', recommendationIds: ['r1'] },
      { id: 'a', status: 'in-progress', recommendationIds: ['r1', 'r2'] },
      { id: 'c', status: 'superseded', recommendationIds: ['r1'] },
      { id: 'd', status: 'cancelled', recommendationIds: ['r2'] },
    ];
    expect(recommendationViewWith(recommendation('r1', '1', { response: accepted }), actions)).toMatchObject({
      status: 'in-delivery',
      actionIds: ['a', 'b', 'c'],
      actionCounts: { total: 3, open: 1, closed: 1, cancelled: 0, superseded: 1 },
    });
    expect(recommendationViewWith(recommendation('r3', '3'), actions)).toMatchObject({
      status: 'made',
      actionIds: [],
      actionCounts: { total: 0, open: 0 },
    });
  });
});

describe('filterRecommendations', () => {
  const docs = [
    recommendation('r10', '10'),
    recommendation('r2', '2', { addresseeAgencyIds: ['health'] }),
    recommendation('rx', 'A'),
    recommendation('r1', '1', { sourceId: 'source-b', response: accepted }),
  ];

  it('orders by creation, source, leading number (2 before 10, none last), number, id', () => {
    expect(filterRecommendations(docs, [], {}).map((view) => view.id)).toEqual(['r2', 'r10', 'rx', 'r1']);
    expect(compareRecommendations(recommendation('z', '007'), recommendation('y', '7'))).toBeLessThan(0);
  });

  it('filters by source, addressee and derived status', () => {
    expect(filterRecommendations(docs, [], { sourceId: 'source-b' }).map((view) => view.id)).toEqual(['r1']);
    expect(filterRecommendations(docs, [], { agencyId: 'health' }).map((view) => view.id)).toEqual(['r2']);
    expect(filterRecommendations(docs, [], { status: 'responded' }).map((view) => view.id)).toEqual(['r1']);
    expect(filterRecommendations(docs, [{ id: 'a', status: 'agreed', recommendationIds: ['r1'] }], { status: 'responded' })).toEqual([]);
  });
});
