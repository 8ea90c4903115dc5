import type { Command } from '@ledger/event-sourcing';
import type { Decision, Scope } from './recommendation.values';

/** References (source, findings, agencies) are checked against the ledger by the application first. */
export type MakeRecommendation = Command<
  'MakeRecommendation',
  {
    readonly recommendationId: string;
    readonly partnershipId: string;
    readonly sourceId: string;
    readonly findingIds: readonly string[];
    readonly number: string;
    readonly text: string;
    readonly addresseeAgencyIds: readonly string[];
    readonly scope: Scope;
  }
>;

export type RespondToRecommendation = Command<
  'RespondToRecommendation',
  { readonly recommendationId: string; readonly decision: Decision; readonly reason?: string }
>;

export type RecommendationCommand = MakeRecommendation | RespondToRecommendation;
