import { dataOf, flag, text, textOrNull, texts, type EventData, type InsightEvent } from '../insight-event';
import type { ActionFacts, EvidenceFacts, Stamp } from './ledger-model';

/** Folds one `action-<id>` event in. Events of an action not (yet) proposed are ignored. */
export function applyActionEvent(
  actions: Map<string, ActionFacts>,
  evidence: Map<string, EvidenceFacts>,
  event: InsightEvent,
  stamp: Stamp,
): void {
  const data = dataOf(event);
  const id = text(data, 'actionId');
  if (event.type === 'ActionProposed') {
    actions.set(id, proposed(id, data, stamp));
    return;
  }
  const action = actions.get(id);
  if (!action) return;
  if (event.type === 'EvidenceAttached') {
    const item = evidenceOf(id, data, stamp);
    evidence.set(item.id, item);
    actions.set(id, withEvidence(action, item));
    return;
  }
  actions.set(id, evolveAction(action, event.type, data, stamp));
}

function proposed(id: string, data: EventData, stamp: Stamp): ActionFacts {
  const targetDate = text(data, 'targetDate');
  return {
    id,
    recommendationIds: texts(data, 'recommendationIds'),
    description: text(data, 'description'),
    leadAgencyId: text(data, 'leadAgencyId'),
    status: 'proposed',
    impactStatus: 'not-started',
    proposed: stamp,
    originalTargetDate: targetDate,
    targetDate,
    revisions: [],
    firstAgreed: null,
    firstVerified: null,
    firstImpactAssured: null,
    started: null,
    claimed: null,
    verified: null,
    impactAssured: null,
    impactNotDemonstrated: null,
    paused: null,
    reopened: null,
    closed: null,
    cancelled: null,
    superseded: null,
    evidenceIds: [],
    impactEvidenceCount: 0,
    latestUpdate: null,
  };
}

function evidenceOf(actionId: string, data: EventData, stamp: Stamp): EvidenceFacts {
  return {
    id: text(data, 'evidenceId'),
    actionId,
    title: text(data, 'title'),
    kind: text(data, 'kind'),
    describesImpact: flag(data, 'describesImpact'),
    effectiveFrom: textOrNull(data, 'effectiveFrom'),
    attached: stamp,
  };
}

function withEvidence(action: ActionFacts, item: EvidenceFacts): ActionFacts {
  const impactEvidenceCount = action.impactEvidenceCount + (item.describesImpact ? 1 : 0);
  const impactStatus = item.describesImpact && action.impactStatus !== 'assured' ? 'evidence-attached' : action.impactStatus;
  return { ...action, evidenceIds: [...action.evidenceIds, item.id], impactEvidenceCount, impactStatus };
}

/** The action-plan rules of docs/event-catalogue.md, by stored event name. */
function evolveAction(a: ActionFacts, type: string, data: EventData, stamp: Stamp): ActionFacts {
  switch (type) {
    case 'ActionAgreed':
      return { ...a, status: 'agreed', firstAgreed: a.firstAgreed ?? stamp };
    case 'ActionStarted':
      return { ...a, status: 'in-progress', started: stamp };
    case 'ActionResumed':
    case 'CompletionReturned':
      return { ...a, status: 'in-progress', paused: null };
    case 'ActionPaused':
      return { ...a, status: 'paused', paused: stamp };
    case 'CompletionClaimed':
      return { ...a, status: 'completion-claimed', claimed: stamp };
    case 'CompletionVerified':
      return {
        ...a,
        status: 'completion-verified',
        verified: stamp,
        firstVerified: a.firstVerified ?? stamp,
        impactNotDemonstrated: null,
        impactStatus: a.impactEvidenceCount > 0 ? 'evidence-attached' : 'awaiting-evidence',
      };
    case 'ImpactAssured':
      return {
        ...a,
        status: 'impact-assured',
        impactStatus: 'assured',
        impactAssured: { ...stamp, method: textOrNull(data, 'method') },
        firstImpactAssured: a.firstImpactAssured ?? stamp,
      };
    case 'ImpactNotDemonstrated':
      return {
        ...a,
        status: 'in-progress',
        impactStatus: 'not-demonstrated',
        impactNotDemonstrated: { ...stamp, reason: text(data, 'reason') },
      };
    case 'ActionClosed':
      return { ...a, status: 'closed', closed: stamp };
    case 'ActionReopened':
      return {
        ...a,
        status: 'in-progress',
        reopened: { ...stamp, reason: text(data, 'reason') },
        closed: null,
        impactAssured: null,
        impactStatus: a.impactEvidenceCount > 0 ? 'evidence-attached' : 'not-started',
      };
    case 'ActionCancelled':
      return { ...a, status: 'cancelled', cancelled: { ...stamp, reason: text(data, 'reason') } };
    case 'ActionSuperseded':
      return {
        ...a,
        status: 'superseded',
        superseded: { ...stamp, successorActionId: text(data, 'successorActionId'), reason: text(data, 'reason') },
      };
    case 'TargetDateRevised': {
      const revision = { from: text(data, 'previousTargetDate'), to: text(data, 'newTargetDate'), reason: text(data, 'reason'), stamp };
      return { ...a, targetDate: revision.to, revisions: [...a.revisions, revision] };
    }
    case 'ProgressUpdated': {
      // A back-dated update joins the history but does not displace a later one as latest.
      const isLatest = a.latestUpdate === null || stamp.at >= a.latestUpdate.at;
      return isLatest ? { ...a, latestUpdate: { ...stamp, rag: text(data, 'rag') } } : a;
    }
    default:
      return a;
  }
}
