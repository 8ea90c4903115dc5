import type { CommandMetadata } from '@ledger/event-sourcing';
import type { MakeRecommendation, RespondToRecommendation } from '../recommendation.commands';
import type { RecommendationMade, RecommendationResponded } from '../recommendation.events';

/** Synthetic data only. */
export const PARTNERSHIP_ID = '0b9a3e55-5c1f-4c6e-9a39-6f1c2d1e0a01';
export const RECOMMENDATION_ID = '4d5e6f70-8192-4a3b-9c4d-5e6f70819205';
export const SOURCE_ID = '6f2f7d1e-2b8c-4a4e-8d4b-0c5f8b6a1d02';
export const FINDING_ID = '9a4c1b2d-3e5f-4a6b-8c7d-1e2f3a4b5c03';
export const POLICE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c06';
export const HEALTH_ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d07';

export const metadata: CommandMetadata = {
  now: new Date('2025-06-02T09:00:00Z'),
  actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
  occurredAt: new Date('2025-06-01T10:00:00Z'),
};

const made: RecommendationMade['data'] = {
  recommendationId: RECOMMENDATION_ID,
  partnershipId: PARTNERSHIP_ID,
  sourceId: SOURCE_ID,
  findingIds: [FINDING_ID],
  number: '1',
  text: 'Partners should agree a shared protocol for following up missed health appointments.',
  addresseeAgencyIds: [POLICE_ID, HEALTH_ID],
  scope: 'local',
};

export const makeRecommendation = (data: Partial<MakeRecommendation['data']> = {}): MakeRecommendation => ({
  type: 'MakeRecommendation',
  data: { ...made, ...data },
  metadata,
});

export const respond = (data: Partial<RespondToRecommendation['data']> = {}): RespondToRecommendation => ({
  type: 'RespondToRecommendation',
  data: { recommendationId: RECOMMENDATION_ID, decision: 'accepted', ...data },
  metadata,
});

export const recommendationMade = (data: Partial<RecommendationMade['data']> = {}): RecommendationMade => ({
  type: 'RecommendationMade',
  data: { ...made, ...data },
});

export const recommendationResponded = (data: Partial<RecommendationResponded['data']> = {}): RecommendationResponded => ({
  type: 'RecommendationResponded',
  data: { recommendationId: RECOMMENDATION_ID, decision: 'accepted', reason: null, previousDecision: null, ...data },
});
