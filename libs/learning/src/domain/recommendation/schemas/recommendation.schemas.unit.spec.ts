import { recommendationMade, recommendationResponded } from '../test/recommendation.fixtures';
import { RECOMMENDATION_SCHEMA_VERSIONS, UnknownRecommendationEventSchema, upcastRecommendationEvent } from './recommendation.schemas';

describe('recommendation event schemas', () => {
  it.each([recommendationMade(), recommendationResponded({ decision: 'not-accepted', reason: 'No capacity.' })])(
    'reads a stored v1 $type as the current event',
    (event) => {
      expect(RECOMMENDATION_SCHEMA_VERSIONS[event.type]).toBe(1);
      expect(upcastRecommendationEvent({ type: event.type, schemaVersion: 1, data: event.data })).toEqual(event);
    },
  );

  it('refuses a stored version it has no upcaster for', () => {
    expect(() => upcastRecommendationEvent({ type: 'RecommendationMade', schemaVersion: 2, data: {} })).toThrow(
      UnknownRecommendationEventSchema,
    );
  });
});
