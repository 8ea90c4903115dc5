/** Learning sources (with findings) and recommendations: what the API and workers need. */

// Value lists (readonly arrays for DTO validation) and stream names
export {
  SOURCE_KINDS,
  ENABLERS,
  SOURCE_MILESTONES,
  ALL_SOURCE_MILESTONES,
  SOURCE_STATUSES,
  isSourceKind,
  isEnabler,
  milestonesFor,
  sourceStreamId,
  type SourceKind,
  type Enabler,
  type SourceMilestone,
  type SourceStatus,
} from './domain/source/source.values';
export {
  SCOPES,
  DECISIONS,
  DECISIONS_NEEDING_REASON,
  RECOMMENDATION_STATUSES,
  isScope,
  isDecision,
  recommendationStreamId,
  type Scope,
  type Decision,
  type RecommendationStatus,
} from './domain/recommendation/recommendation.values';

// LearningSource aggregate
export { sourceDecider } from './domain/source/source.decider';
export { initialSourceState, type SourceState } from './domain/source/source.state';
export type { RecordSource, RecordFinding, RecordSourceMilestone, CloseSource, SourceCommand } from './domain/source/source.commands';
export {
  SOURCE_EVENT_TYPES,
  type SourceRecorded,
  type FindingRecorded,
  type SourceMilestoneReached,
  type SourceClosed,
  type SourceEvent,
} from './domain/source/source.events';
export { normaliseTheme } from './domain/source/record-finding';
export {
  SourceKindUnknown,
  SourceTitleRequired,
  FindingSummaryRequired,
  ThemeInvalid,
  ThemeDuplicated,
  EnablerUnknown,
  EnablerDuplicated,
  FindingAlreadyRecorded,
  MilestoneAlreadyReached,
  MilestoneNotValidForKind,
} from './domain/source/source.errors';
export {
  SOURCE_SCHEMA_VERSIONS,
  upcastSourceEvent,
  UnknownSourceEventSchema,
  type StoredSourceEvent,
  type SourceRecordedV1,
  type FindingRecordedV1,
  type SourceMilestoneReachedV1,
  type SourceClosedV1,
} from './domain/source/schemas/source.schemas';

// Recommendation aggregate
export { recommendationDecider } from './domain/recommendation/recommendation.decider';
export { initialRecommendationState, type RecommendationState } from './domain/recommendation/recommendation.state';
export type { MakeRecommendation, RespondToRecommendation, RecommendationCommand } from './domain/recommendation/recommendation.commands';
export {
  RECOMMENDATION_EVENT_TYPES,
  type RecommendationMade,
  type RecommendationResponded,
  type RecommendationEvent,
} from './domain/recommendation/recommendation.events';
export {
  RecommendationTextRequired,
  RecommendationNumberRequired,
  AddresseeRequired,
  DuplicateReference,
  ScopeUnknown,
  DecisionUnknown,
  ResponseReasonRequired,
  ResponseUnchanged,
} from './domain/recommendation/recommendation.errors';
export {
  RECOMMENDATION_SCHEMA_VERSIONS,
  upcastRecommendationEvent,
  UnknownRecommendationEventSchema,
  type StoredRecommendationEvent,
  type RecommendationMadeV1,
  type RecommendationRespondedV1,
} from './domain/recommendation/schemas/recommendation.schemas';

// Application
export {
  SourceCommands,
  type RecordSourceBody,
  type RecordFindingBody,
  type RecordSourceMilestoneBody,
  type FindingOutcome,
} from './application/source-commands';
export {
  RecommendationCommands,
  type MakeRecommendationBody,
  type RespondToRecommendationBody,
  type RecommendationNumbering,
} from './application/recommendation-commands';

// Read models
export {
  sourcesProjection,
  type SourceDocument,
  type SourceMilestoneEntry,
  type FindingEntry,
} from './read-models/sources/sources.projection';
export { SourceQueries, type SourceListFilters, type SourceView, type SourceListItem } from './read-models/sources/source.queries';
export { toSourceView, toSourceListItem, filterSources, compareSources } from './read-models/sources/source-views';
export { LearningReadModels1764100002500, sourceMigrations } from './read-models/sources/learning-read-models.migration';
export {
  recommendationsProjection,
  type RecommendationDocument,
  type RecommendationResponseEntry,
  type RecommendationResponseHistoryEntry,
} from './read-models/recommendations/recommendations.projection';
export {
  RecommendationQueries,
  type RecommendationListFilters,
  type RecommendationView,
} from './read-models/recommendations/recommendation.queries';
export { deriveRecommendationStatus, type LinkedActionCounts } from './read-models/recommendations/recommendation-status';
export {
  toRecommendationView,
  recommendationViewWith,
  filterRecommendations,
  compareRecommendations,
  type LinkedAction,
} from './read-models/recommendations/recommendation-views';
