import type { EvidenceKind, Rag } from '../domain/action/action.commands';
import { EVIDENCE_KINDS, RAG_RATINGS } from '../domain/action/action.commands';
import type { ActionEvent, ActionEventType } from '../domain/action/action.events';
import type { ActionStatus } from '../domain/action/action.state';
import { ACTION_STATUSES } from '../domain/action/action.state';
import { RETENTION_CLASSES, type RetentionClass } from '../domain/action/retention/retention-class';
import { PERSON, PROSE, calendarDate, id, ids, nullable, type LearningContractDefinition } from './learning-contract.types';

/*
 * Action integration events. Every lifecycle contract says the status the action moved to, so a
 * consumer needs no copy of the decider to follow an action.
 */

export interface ActionProposedContract {
  readonly actionId: string;
  readonly partnershipId: string;
  readonly recommendationIds: readonly string[];
  readonly leadAgencyId: string;
  readonly ownerAssigned: boolean;
  /** `YYYY-MM-DD`. */
  readonly targetDate: string;
  readonly status: 'proposed';
}
export interface ActionMovedContract {
  readonly actionId: string;
  readonly status: ActionStatus;
}
export interface ActionSupersededContract extends ActionMovedContract {
  readonly successorActionId: string;
}
export interface ProgressUpdatedContract {
  readonly actionId: string;
  readonly updateId: string;
  readonly rag: Rag;
}
export interface TargetDateRevisedContract {
  readonly actionId: string;
  readonly previousTargetDate: string;
  readonly newTargetDate: string;
  readonly originalTargetDate: string;
}
export interface EvidenceAttachedContract {
  readonly actionId: string;
  readonly evidenceId: string;
  readonly kind: EvidenceKind;
  readonly sha256: string | null;
  readonly describesImpact: boolean;
  readonly effectiveFrom: string | null;
  /** Since v2 (the ledger's retention of the reference; EvidenceDisposed follows when it runs out). */
  readonly retentionClass: RetentionClass;
  /** `YYYY-MM-DD` the retention runs from; null only for evidence stored before v2 without its record time. */
  readonly retentionFrom: string | null;
}

export interface EvidenceDisposedContract {
  readonly actionId: string;
  readonly evidenceId: string;
  readonly retentionClass: RetentionClass;
  /** ISO-8601 instant. */
  readonly disposedAt: string;
  readonly reason: 'retention-expired';
}

type Moves =
  'ActionAgreed' | 'ActionStarted' | 'ActionPaused' | 'ActionResumed' | 'CompletionClaimed' | 'CompletionVerified' | 'CompletionReturned';
type Ends = 'ImpactAssured' | 'ImpactNotDemonstrated' | 'ActionClosed' | 'ActionCancelled' | 'ActionReopened';

export type ActionContract =
  | { readonly type: 'ActionProposed'; readonly version: 1; readonly data: ActionProposedContract }
  | { readonly type: Moves | Ends; readonly version: 1; readonly data: ActionMovedContract }
  | { readonly type: 'ActionSuperseded'; readonly version: 1; readonly data: ActionSupersededContract }
  | { readonly type: 'ProgressUpdated'; readonly version: 1; readonly data: ProgressUpdatedContract }
  | { readonly type: 'TargetDateRevised'; readonly version: 1; readonly data: TargetDateRevisedContract }
  | { readonly type: 'EvidenceAttached'; readonly version: 2; readonly data: EvidenceAttachedContract }
  | { readonly type: 'EvidenceDisposed'; readonly version: 1; readonly data: EvidenceDisposedContract };

const status = { type: 'string', enum: ACTION_STATUSES } as const;
const moved = (description: string, omitted: Record<string, string> = {}): LearningContractDefinition => ({
  version: 1,
  description,
  properties: { actionId: id, status },
  omitted,
});

export const ACTION_CONTRACTS: { readonly [T in ActionEventType]: LearningContractDefinition } = {
  ActionProposed: {
    version: 1,
    description: 'An action-plan row was proposed, led by one agency, against one or more recommendations.',
    properties: {
      actionId: id,
      partnershipId: id,
      recommendationIds: ids,
      leadAgencyId: id,
      ownerAssigned: { type: 'boolean' },
      targetDate: calendarDate,
      status: { const: 'proposed' },
    },
    omitted: { description: PROSE, successMeasure: PROSE, owner: `${PERSON}; published only as ownerAssigned` },
  },
  ActionAgreed: moved('The action was agreed.'),
  ActionStarted: moved('Work on the action started.'),
  ActionPaused: moved('The action was paused.'),
  ActionResumed: moved('The paused action resumed.'),
  CompletionClaimed: moved('The lead agency claimed the action complete (with evidence).'),
  CompletionVerified: moved('A forum verified the completion.'),
  CompletionReturned: moved('The completion claim was returned; the action is in progress again.', { reason: PROSE }),
  ImpactAssured: moved('Impact of the action was assured.', { method: PROSE }),
  ImpactNotDemonstrated: moved('Impact was not demonstrated; the action is in progress again.', { reason: PROSE }),
  ActionClosed: moved('The action was closed.'),
  ActionCancelled: moved('The action was cancelled.', { reason: PROSE }),
  ActionSuperseded: {
    version: 1,
    description: 'The action was superseded by another action.',
    properties: { actionId: id, status, successorActionId: id },
    omitted: { reason: PROSE },
  },
  ActionReopened: moved('The closed action was reopened; it is in progress again.', { reason: PROSE }),
  ProgressUpdated: {
    version: 1,
    description: 'The owner reported progress with a RAG rating.',
    properties: { actionId: id, updateId: id, rag: { type: 'string', enum: RAG_RATINGS } },
    omitted: { narrative: PROSE },
  },
  TargetDateRevised: {
    version: 1,
    description: 'The target date moved; the original date is kept.',
    properties: { actionId: id, previousTargetDate: calendarDate, newTargetDate: calendarDate, originalTargetDate: calendarDate },
    omitted: { reason: PROSE },
  },
  EvidenceAttached: {
    // v2 added retentionClass and retentionFrom (additionalProperties is false, so a new version).
    version: 2,
    description:
      'Evidence (a document by reference) was attached; sha256 fingerprints it without revealing it. Its retention class says when the ledger will dispose of the reference.',
    properties: {
      actionId: id,
      evidenceId: id,
      kind: { type: 'string', enum: EVIDENCE_KINDS },
      sha256: nullable({ type: 'string' }),
      describesImpact: { type: 'boolean' },
      effectiveFrom: nullable(calendarDate),
      retentionClass: { type: 'string', enum: RETENTION_CLASSES },
      retentionFrom: nullable(calendarDate),
    },
    omitted: { title: PROSE, uri: 'a location in a partner’s document store; its path can name a person, and the document is not public' },
  },
  EvidenceDisposed: {
    version: 1,
    description:
      'The evidence’s retention ran out and the ledger disposed of its reference; consumers holding its uri or sha256 should dispose of them too.',
    properties: {
      actionId: id,
      evidenceId: id,
      retentionClass: { type: 'string', enum: RETENTION_CLASSES },
      disposedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' },
      reason: { const: 'retention-expired' },
    },
    omitted: {},
  },
};

/** The status each lifecycle event moves the action to (as the action's evolve does). */
const MOVED_TO: { readonly [T in Moves | Ends | 'ActionSuperseded']: ActionStatus } = {
  ActionAgreed: 'agreed',
  ActionStarted: 'in-progress',
  ActionPaused: 'paused',
  ActionResumed: 'in-progress',
  CompletionClaimed: 'completion-claimed',
  CompletionVerified: 'completion-verified',
  CompletionReturned: 'in-progress',
  ImpactAssured: 'impact-assured',
  ImpactNotDemonstrated: 'in-progress',
  ActionClosed: 'closed',
  ActionCancelled: 'cancelled',
  ActionReopened: 'in-progress',
  ActionSuperseded: 'superseded',
};

export function actionContractOf(event: ActionEvent): ActionContract {
  switch (event.type) {
    case 'ActionProposed': {
      const { actionId, partnershipId, recommendationIds, leadAgencyId, owner, targetDate } = event.data;
      const data = {
        actionId,
        partnershipId,
        recommendationIds: [...recommendationIds],
        leadAgencyId,
        ownerAssigned: owner !== null,
        targetDate,
        status: 'proposed' as const,
      };
      return { type: event.type, version: 1, data };
    }
    case 'ActionAgreed':
    case 'ActionStarted':
    case 'ActionPaused':
    case 'ActionResumed':
    case 'CompletionClaimed':
    case 'CompletionVerified':
    case 'CompletionReturned':
    case 'ImpactAssured':
    case 'ImpactNotDemonstrated':
    case 'ActionClosed':
    case 'ActionCancelled':
    case 'ActionReopened':
      return { type: event.type, version: 1, data: { actionId: event.data.actionId, status: MOVED_TO[event.type] } };
    case 'ActionSuperseded': {
      const { actionId, successorActionId } = event.data;
      return { type: event.type, version: 1, data: { actionId, status: MOVED_TO[event.type], successorActionId } };
    }
    case 'ProgressUpdated': {
      const { actionId, updateId, rag } = event.data;
      return { type: event.type, version: 1, data: { actionId, updateId, rag } };
    }
    case 'TargetDateRevised': {
      const { actionId, previousTargetDate, newTargetDate, originalTargetDate } = event.data;
      return { type: event.type, version: 1, data: { actionId, previousTargetDate, newTargetDate, originalTargetDate } };
    }
    case 'EvidenceAttached': {
      const { actionId, evidenceId, kind, sha256, describesImpact, effectiveFrom, retentionClass, retentionFrom } = event.data;
      const data = { actionId, evidenceId, kind, sha256, describesImpact, effectiveFrom, retentionClass, retentionFrom };
      return { type: event.type, version: 2, data };
    }
    case 'EvidenceDisposed': {
      const { actionId, evidenceId, retentionClass, disposedAt, reason } = event.data;
      return { type: event.type, version: 1, data: { actionId, evidenceId, retentionClass, disposedAt, reason } };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
