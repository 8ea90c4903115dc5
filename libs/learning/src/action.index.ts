/** The Action aggregate (action-plan rows): domain, stored schemas, commands, read models. */
export * from './domain/action/action.commands';
export * from './domain/action/action.events';
export * from './domain/action/action.state';
export * from './domain/action/action.errors';
export { actionDecider, decideAction } from './domain/action/action.decider';
export { evolveAction, initialActionState } from './domain/action/action.evolve';
export { actionStreamId, actionIdOfStream, ACTION_STREAM_PREFIX } from './domain/action/action.stream';
export { isCalendarDate } from './domain/action/calendar-date';
export type { ActionEventDataV1 } from './domain/action/schemas/action-events.v1';
export * from './domain/action/schemas/action-event.upcast';
export { PROGRESS_UPDATE_STATUSES, EVIDENCE_STATUSES, TARGET_DATE_REVISION_STATUSES } from './domain/action/decide/progress';

export * from './application/action-commands';
export * from './domain/action/retention/retention-class';
export * from './domain/action/retention/retention.errors';
export * from './application/evidence-retention';
export * from './read-models/actions/evidence-retention.queries';
export type { ActionEventDataV2 } from './domain/action/schemas/action-events.v2';

export * from './read-models/actions/action.document';
export { actionsProjection } from './read-models/actions/actions.projection';
export * from './read-models/actions/action-timeliness';
export type { ActionFilters } from './read-models/actions/action-filters';
export { ActionQueries, toActionView, type ActionView } from './read-models/actions/action.queries';
export { actionMatches, compareActions, filterActions } from './read-models/actions/action-views';
export { ActionReadModels1764100002000, actionMigrations } from './read-models/actions/action-read-models.migration';
export { ActionPlanQueries, type ActionPlanFilters } from './read-models/action-plan/action-plan.queries';
export { toActionPlanRow, type ActionPlanRow } from './read-models/action-plan/action-plan.row';
export { actionPlanRecords, actionPlanRows, type ActionPlanDocuments } from './read-models/action-plan/action-plan-records';
