import type { DomainEvent } from '@ledger/event-sourcing';
import type { EvidenceKind, Rag } from './action.commands';
import type { RetentionClass } from './retention/retention-class';

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
    /** Since schema v2; v1 events read as `standard`. */
    readonly retentionClass: RetentionClass;
    /**
     * `YYYY-MM-DD` the retention period runs from: `effectiveFrom`, else the day it was recorded.
     * Null only when a v1 event is upcast without its record time (then it is never due).
     */
    readonly retentionFrom: string | null;
  }
>;
/** The evidence's retention ran out and the ledger disposed of its reference (uri, sha256). */
export type EvidenceDisposed = DomainEvent<
  'EvidenceDisposed',
  ActionRef & {
    readonly evidenceId: string;
    readonly retentionClass: RetentionClass;
    /** ISO-8601 instant of the disposal run. */
    readonly disposedAt: string;
    readonly reason: 'retention-expired';
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
  | EvidenceAttached
  | EvidenceDisposed;

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
  EvidenceDisposed: true,
};
export const ACTION_EVENT_TYPES: readonly ActionEventType[] = Object.keys(EVENT_TYPES) as ActionEventType[];

export function isActionEventType(type: string): type is ActionEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}
