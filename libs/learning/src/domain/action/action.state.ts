import type { RetentionClass } from './retention/retention-class';

/** Public, kebab-case action statuses. Overdue/slipped/stale are derived at query time, never stored. */
export const ACTION_STATUSES = [
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
  'completion-verified',
  'impact-assured',
  'closed',
  'cancelled',
  'superseded',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses from which the action can still move (cancel and supersede apply to all of these). */
export const OPEN_STATUSES = [
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
  'completion-verified',
  'impact-assured',
] as const satisfies readonly ActionStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** Retention of one piece of evidence; disposed evidence still counts as having been attached. */
export interface EvidenceRetentionFacts {
  readonly evidenceId: string;
  readonly retentionClass: RetentionClass;
  readonly retentionFrom: string | null;
  readonly disposed: boolean;
}

/** What every existing action knows, whatever its status. */
export interface ActionFacts {
  readonly actionId: string;
  readonly partnershipId: string;
  readonly originalTargetDate: string;
  readonly targetDate: string;
  readonly evidenceIds: readonly string[];
  readonly impactEvidenceCount: number;
  /** Per piece of evidence, in attachment order. */
  readonly evidenceRetention: readonly EvidenceRetentionFacts[];
}

export interface NoAction {
  readonly status: 'initial';
}
export interface OpenAction extends ActionFacts {
  readonly status: OpenStatus;
}
export interface ClosedAction extends ActionFacts {
  readonly status: 'closed';
}
export interface CancelledAction extends ActionFacts {
  readonly status: 'cancelled';
  readonly reason: string;
}
export interface SupersededAction extends ActionFacts {
  readonly status: 'superseded';
  readonly successorActionId: string;
  readonly reason: string;
}

export type ActionState = NoAction | OpenAction | ClosedAction | CancelledAction | SupersededAction;
export type ExistingAction = Exclude<ActionState, NoAction>;

export function isOpen(state: ActionState): state is OpenAction {
  return (OPEN_STATUSES as readonly string[]).includes(state.status);
}
