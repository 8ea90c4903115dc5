import type { RecommendationEvent } from '../recommendation.events';

/**
 * The JSON of each recommendation event as stored, by version. Stored shapes are never rewritten:
 * when one changes, add `.v2` here, bump RECOMMENDATION_SCHEMA_VERSIONS and map v1 → current below.
 */
export interface RecommendationMadeV1 {
  readonly recommendationId: string;
  readonly partnershipId: string;
  readonly sourceId: string;
  readonly findingIds: readonly string[];
  readonly number: string;
  readonly text: string;
  readonly addresseeAgencyIds: readonly string[];
  readonly scope: string;
}

export interface RecommendationRespondedV1 {
  readonly recommendationId: string;
  readonly decision: string;
  readonly reason: string | null;
  readonly previousDecision: string | null;
}

/** The version written today for each event type (NewEvent.schemaVersion). */
export const RECOMMENDATION_SCHEMA_VERSIONS = {
  RecommendationMade: 1,
  RecommendationResponded: 1,
} as const satisfies Record<RecommendationEvent['type'], number>;

export interface StoredRecommendationEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: object;
}

export class UnknownRecommendationEventSchema extends Error {
  constructor(type: string, schemaVersion: number) {
    super(`no upcaster for stored event ${type}.v${schemaVersion}`);
    this.name = 'UnknownRecommendationEventSchema';
  }
}

/** Stored (type, schemaVersion, data) → the current in-memory event. */
export function upcastRecommendationEvent(stored: StoredRecommendationEvent): RecommendationEvent {
  const key = `${stored.type}.v${stored.schemaVersion}`;
  switch (key) {
    case 'RecommendationMade.v1':
      return { type: 'RecommendationMade', data: stored.data as RecommendationMadeV1 } as RecommendationEvent;
    case 'RecommendationResponded.v1':
      return { type: 'RecommendationResponded', data: stored.data as RecommendationRespondedV1 } as RecommendationEvent;
    default:
      throw new UnknownRecommendationEventSchema(stored.type, stored.schemaVersion);
  }
}
