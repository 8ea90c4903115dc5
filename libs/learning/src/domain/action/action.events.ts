import type { DomainEvent } from '@ledger/event-sourcing';
import type { EvidenceKind, Rag } from './action.commands';

/*
 * Action events. Data always carries `actionId`; business time (`occurredAt`), actor and forum
 * live in event metadata. Optional values are stored as `null` so the stored JSON is explicit.
 */

interface ActionRef {
  readonly actionId: string;
}
interface WithReason extends ActionRef {
  readonly reason: string;
}

export type ActionProposed = DomainEvent<
  'ActionProposed',
  ActionRef & {
    readonly partnershipId: string;
    readonly recommendationIds: readonly string[];
    readonly description: string;
    readonly leadAgencyId: string;
    readonly owner: string | null;
    readonly targetDate: string;
    readonly successMeasure: string;
  }
>;
export type ActionAgreed = DomainEvent<'ActionAgreed', ActionRef>;
export type ActionStarted = DomainEvent<'ActionStarted', ActionRef>;
export type ActionPaused = DomainEvent<'ActionPaused', ActionRef>;
export type ActionResumed = DomainEvent<'ActionResumed', ActionRef>;
export type CompletionClaimed = DomainEvent<'CompletionClaimed', ActionRef>;
/** The verifying forum is in metadata.forum. */
export type CompletionVerified = DomainEvent<'CompletionVerified', ActionRef>;
export type CompletionReturned = DomainEvent<'CompletionReturned', WithReason>;
/** The assuring forum, if any, is in metadata.forum; `method` is e.g. "repeat audit". */
export type ImpactAssured = DomainEvent<'ImpactAssured', ActionRef & { readonly method: string | null }>;
export type ImpactNotDemonstrated = DomainEvent<'ImpactNotDemonstrated', WithReason>;
export type ActionClosed = DomainEvent<'ActionClosed', ActionRef>;
export type ActionCancelled = DomainEvent<'ActionCancelled', WithReason>;
export type ActionSuperseded = DomainEvent<'ActionSuperseded', WithReason & { readonly successorActionId: string }>;
export type ActionReopened = DomainEvent<'ActionReopened', WithReason>;
export type ProgressUpdated = DomainEvent<
  'ProgressUpdated',
  ActionRef & { readonly updateId: string; readonly narrative: string; readonly rag: Rag }
>;
export type TargetDateRevised = DomainEvent<
  'TargetDateRevised',
  WithReason & {
    readonly previousTargetDate: string;
    readonly newTargetDate: string;
    readonly originalTargetDate: string;
  }
>;
export type EvidenceAttached = DomainEvent<
  'EvidenceAttached',
  ActionRef & {
    readonly evidenceId: string;
    readonly title: string;
    readonly kind: EvidenceKind;
    readonly uri: string | null;
    readonly sha256: string | null;
    readonly describesImpact: boolean;
    readonly effectiveFrom: string | null;
  }
>;

export type ActionEvent =
  | ActionProposed
  | ActionAgreed
  | ActionStarted
  | ActionPaused
  | ActionResumed
  | CompletionClaimed
  | CompletionVerified
  | CompletionReturned
  | ImpactAssured
  | ImpactNotDemonstrated
  | ActionClosed
  | ActionCancelled
  | ActionSuperseded
  | ActionReopened
  | ProgressUpdated
  | TargetDateRevised
  | EvidenceAttached;

export type ActionEventType = ActionEvent['type'];

/** Every action event type; a Record so the compiler refuses a missing or unknown one. */
const EVENT_TYPES: Readonly<Record<ActionEventType, true>> = {
  ActionProposed: true,
  ActionAgreed: true,
  ActionStarted: true,
  ActionPaused: true,
  ActionResumed: true,
  CompletionClaimed: true,
  CompletionVerified: true,
  CompletionReturned: true,
  ImpactAssured: true,
  ImpactNotDemonstrated: true,
  ActionClosed: true,
  ActionCancelled: true,
  ActionSuperseded: true,
  ActionReopened: true,
  ProgressUpdated: true,
  TargetDateRevised: true,
  EvidenceAttached: true,
};
export const ACTION_EVENT_TYPES: readonly ActionEventType[] = Object.keys(EVENT_TYPES) as ActionEventType[];

export function isActionEventType(type: string): type is ActionEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}
