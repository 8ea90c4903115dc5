import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import { RECOMMENDATION_EVENT_TYPES } from '../../domain/recommendation/recommendation.events';
import type { Decision, Scope } from '../../domain/recommendation/recommendation.values';
import { upcastRecommendationEvent } from '../../domain/recommendation/schemas/recommendation.schemas';

export interface RecommendationResponseEntry {
  readonly decision: Decision;
  readonly reason: string | null;
  readonly occurredAt: string;
}

export interface RecommendationResponseHistoryEntry extends RecommendationResponseEntry {
  readonly previousDecision: Decision | null;
  readonly recordedAt: string;
}

/** One recommendation with its current response and every earlier one (table rm_recommendations). */
export interface RecommendationDocument {
  readonly id: string;
  readonly partnershipId: string;
  readonly sourceId: string;
  readonly findingIds: readonly string[];
  readonly number: string;
  readonly text: string;
  readonly addresseeAgencyIds: readonly string[];
  readonly scope: Scope;
  /** The current response; null until the partnership responds. */
  readonly response: RecommendationResponseEntry | null;
  /** Every response in order, revisions included. */
  readonly responses: readonly RecommendationResponseHistoryEntry[];
  readonly version: number;
  /** Business time of RecommendationMade. */
  readonly createdAt: string;
}

function evolve(doc: RecommendationDocument | null, recorded: RecordedEvent): RecommendationDocument | null {
  const event = upcastRecommendationEvent(recorded);
  const occurredAt = recorded.metadata.occurredAt;
  const version = Number(recorded.streamVersion);
  switch (event.type) {
    case 'RecommendationMade': {
      const { recommendationId, partnershipId, sourceId, findingIds, number, text, addresseeAgencyIds, scope } = event.data;
      return {
        id: recommendationId,
        partnershipId,
        sourceId,
        findingIds,
        number,
        text,
        addresseeAgencyIds,
        scope,
        response: null,
        responses: [],
        version,
        createdAt: occurredAt,
      };
    }
    case 'RecommendationResponded': {
      if (doc === null) return null;
      const { decision, reason, previousDecision } = event.data;
      const recordedAt = recorded.recordedAt.toISOString();
      return {
        ...doc,
        response: { decision, reason, occurredAt },
        responses: [...doc.responses, { decision, reason, previousDecision, occurredAt, recordedAt }],
        version,
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Single-stream projection of `recommendation-<id>` streams. */
export const recommendationsProjection: DocumentProjection<RecommendationDocument> = {
  name: 'recommendations',
  version: 1,
  table: 'rm_recommendations',
  canHandle: RECOMMENDATION_EVENT_TYPES,
  documentIds: (event) => [(event.data as { recommendationId: string }).recommendationId],
  evolve,
  columns: (doc) => ({
    source_id: doc.sourceId,
    number: doc.number,
    scope: doc.scope,
    decision: doc.response?.decision ?? null,
    addressee_agency_ids: doc.addresseeAgencyIds,
    version: doc.version,
  }),
  partnershipIdOf: (doc) => doc.partnershipId,
};
