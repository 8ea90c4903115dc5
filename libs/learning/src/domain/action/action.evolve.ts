import type { ActionEvent, EvidenceAttached } from './action.events';
import type { ActionState, EvidenceRetentionFacts, ExistingAction, OpenStatus } from './action.state';

export const initialActionState = (): ActionState => ({ status: 'initial' });

/** Folds one event into the state. Pure; never mutates `state`. */
export function evolveAction(state: ActionState, event: ActionEvent): ActionState {
  if (event.type === 'ActionProposed') {
    const { actionId, partnershipId, targetDate } = event.data;
    return {
      status: 'proposed',
      actionId,
      partnershipId,
      originalTargetDate: targetDate,
      targetDate,
      evidenceIds: [],
      impactEvidenceCount: 0,
      evidenceRetention: [],
    };
  }
  if (state.status === 'initial') return state;
  const facts = factsOf(state);
  switch (event.type) {
    case 'ActionAgreed':
      return moveTo(facts, 'agreed');
    case 'ActionStarted':
    case 'ActionResumed':
    case 'CompletionReturned':
    case 'ImpactNotDemonstrated':
    case 'ActionReopened':
      return moveTo(facts, 'in-progress');
    case 'ActionPaused':
      return moveTo(facts, 'paused');
    case 'CompletionClaimed':
      return moveTo(facts, 'completion-claimed');
    case 'CompletionVerified':
      return moveTo(facts, 'completion-verified');
    case 'ImpactAssured':
      return moveTo(facts, 'impact-assured');
    case 'ActionClosed':
      return { ...facts, status: 'closed' };
    case 'ActionCancelled':
      return { ...facts, status: 'cancelled', reason: event.data.reason };
    case 'ActionSuperseded':
      return { ...facts, status: 'superseded', successorActionId: event.data.successorActionId, reason: event.data.reason };
    case 'TargetDateRevised':
      return { ...state, targetDate: event.data.newTargetDate };
    case 'EvidenceAttached':
      return {
        ...state,
        evidenceIds: [...state.evidenceIds, event.data.evidenceId],
        impactEvidenceCount: state.impactEvidenceCount + (event.data.describesImpact ? 1 : 0),
        evidenceRetention: [...state.evidenceRetention, retentionOf(event.data)],
      };
    case 'EvidenceDisposed':
      // Counts are untouched: disposed evidence was attached, and claims made on it stand.
      return {
        ...state,
        evidenceRetention: state.evidenceRetention.map((item) =>
          item.evidenceId === event.data.evidenceId ? { ...item, disposed: true } : item,
        ),
      };
    case 'ProgressUpdated':
      return state;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

function factsOf(state: ExistingAction) {
  const { actionId, partnershipId, originalTargetDate, targetDate, evidenceIds, impactEvidenceCount, evidenceRetention } = state;
  return { actionId, partnershipId, originalTargetDate, targetDate, evidenceIds, impactEvidenceCount, evidenceRetention };
}

function retentionOf(data: EvidenceAttached['data']): EvidenceRetentionFacts {
  return { evidenceId: data.evidenceId, retentionClass: data.retentionClass, retentionFrom: data.retentionFrom, disposed: false };
}

function moveTo(facts: ReturnType<typeof factsOf>, status: OpenStatus): ActionState {
  return { ...facts, status };
}
