import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import { ACTION_EVENT_TYPES } from '../../domain/action/action.events';
import { actionIdOfStream } from '../../domain/action/action.stream';
import { disposalDueOn } from '../../domain/action/retention/retention-class';
import { upcastActionEvent } from '../../domain/action/schemas/action-event.upcast';
import type { ActionDocument, EvidenceEntry, ImpactStatus } from './action.document';

type Changes = Partial<{ -readonly [K in keyof ActionDocument]: ActionDocument[K] }>;

function evolve(doc: ActionDocument | null, recorded: RecordedEvent): ActionDocument | null {
  const event = upcastActionEvent(recorded);
  const { occurredAt } = recorded.metadata;
  const recordedAt = recorded.recordedAt.toISOString();
  const stamp = { version: Number(recorded.streamVersion), updatedAt: occurredAt, lastRecordedAt: recordedAt };

  if (event.type === 'ActionProposed') {
    const { actionId, partnershipId, recommendationIds, description, leadAgencyId, owner, targetDate, successMeasure } = event.data;
    return {
      id: actionId,
      partnershipId,
      recommendationIds,
      description,
      leadAgencyId,
      owner,
      successMeasure,
      status: 'proposed',
      targetDate: { original: targetDate, current: targetDate, revisions: [] },
      ownerRag: null,
      latestUpdate: null,
      updateCount: 0,
      evidence: [],
      evidenceCount: 0,
      impactEvidenceCount: 0,
      impactStatus: 'not-started',
      impactAssurance: null,
      lastProgressAt: null,
      agreedAt: null,
      reopenedAt: null,
      completionVerifiedAt: null,
      verifyingForum: null,
      closedAt: null,
      successorActionId: null,
      cancelReason: null,
      supersedeReason: null,
      createdAt: occurredAt,
      ...stamp,
    };
  }
  if (doc === null) return null;
  const next = (changes: Changes): ActionDocument => ({ ...doc, ...changes, ...stamp });
  const forum = recorded.metadata.forum ?? null;

  switch (event.type) {
    case 'ActionAgreed':
      return next({ status: 'agreed', agreedAt: occurredAt });
    case 'ActionStarted':
    case 'ActionResumed':
    case 'CompletionReturned':
      return next({ status: 'in-progress' });
    case 'ActionPaused':
      return next({ status: 'paused' });
    case 'CompletionClaimed':
      return next({ status: 'completion-claimed' });
    case 'CompletionVerified':
      return next({
        status: 'completion-verified',
        completionVerifiedAt: occurredAt,
        verifyingForum: forum,
        impactStatus: doc.impactEvidenceCount > 0 ? 'evidence-attached' : 'awaiting-evidence',
      });
    case 'ImpactAssured':
      return next({
        status: 'impact-assured',
        impactStatus: 'assured',
        impactAssurance: { assuredAt: occurredAt, method: event.data.method, forum },
      });
    case 'ImpactNotDemonstrated':
      return next({ status: 'in-progress', impactStatus: 'not-demonstrated' });
    case 'ActionClosed':
      return next({ status: 'closed', closedAt: occurredAt });
    case 'ActionReopened':
      return next({
        status: 'in-progress',
        reopenedAt: occurredAt,
        closedAt: null,
        impactAssurance: null,
        impactStatus: impactStatusWithoutAssurance(doc.impactEvidenceCount),
      });
    case 'ActionCancelled':
      return next({ status: 'cancelled', cancelReason: event.data.reason });
    case 'ActionSuperseded':
      return next({ status: 'superseded', successorActionId: event.data.successorActionId, supersedeReason: event.data.reason });
    case 'ProgressUpdated': {
      const { narrative, rag } = event.data;
      // A back-dated update joins the count but does not displace a later one as "latest".
      const isLatest = doc.latestUpdate === null || occurredAt >= doc.latestUpdate.occurredAt;
      const latest = isLatest ? { narrative, rag, occurredAt, actorUserId: recorded.metadata.actor.userId } : doc.latestUpdate;
      return next({
        latestUpdate: latest,
        ownerRag: latest?.rag ?? null,
        lastProgressAt: latest?.occurredAt ?? null,
        updateCount: doc.updateCount + 1,
      });
    }
    case 'TargetDateRevised': {
      const { previousTargetDate, newTargetDate, reason } = event.data;
      const revision = { from: previousTargetDate, to: newTargetDate, reason, occurredAt, recordedAt };
      return next({ targetDate: { ...doc.targetDate, current: newTargetDate, revisions: [...doc.targetDate.revisions, revision] } });
    }
    case 'EvidenceAttached': {
      const { evidenceId, title, kind, uri, sha256, describesImpact, effectiveFrom, retentionClass, retentionFrom } = event.data;
      const retention = { retentionClass, retentionFrom, disposalDueOn: disposalDueOn(retentionClass, retentionFrom), disposedAt: null };
      const entry = { evidenceId, title, kind, uri, sha256, describesImpact, effectiveFrom, attachedAt: occurredAt, ...retention };
      const impactEvidenceCount = doc.impactEvidenceCount + (describesImpact ? 1 : 0);
      const impactStatus: ImpactStatus = describesImpact && doc.impactStatus !== 'assured' ? 'evidence-attached' : doc.impactStatus;
      return next({ evidence: [...doc.evidence, entry], evidenceCount: doc.evidenceCount + 1, impactEvidenceCount, impactStatus });
    }
    case 'EvidenceDisposed': {
      // Counts and impact status stand: the evidence existed and was relied on when it was held.
      const { evidenceId, disposedAt } = event.data;
      const disposed = (entry: EvidenceEntry): EvidenceEntry => ({ ...entry, uri: null, sha256: null, disposedAt });
      return next({ evidence: doc.evidence.map((entry) => (entry.evidenceId === evidenceId ? disposed(entry) : entry)) });
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function impactStatusWithoutAssurance(impactEvidenceCount: number): ImpactStatus {
  return impactEvidenceCount > 0 ? 'evidence-attached' : 'not-started';
}

/** Single-stream projection of `action-<id>` streams into rm_actions. */
export const actionsProjection: DocumentProjection<ActionDocument> = {
  name: 'actions',
  // v2: evidence entries carry retention (class, due day, disposal); rebuild after upgrading.
  version: 2,
  table: 'rm_actions',
  canHandle: ACTION_EVENT_TYPES,
  documentIds: (event) => {
    const id = actionIdOfStream(event.streamId);
    return id === null ? [] : [id];
  },
  evolve,
  columns: (doc) => ({
    status: doc.status,
    lead_agency_id: doc.leadAgencyId,
    recommendation_ids: doc.recommendationIds,
    target_date: doc.targetDate.current,
    version: doc.version,
  }),
  partnershipIdOf: (doc) => doc.partnershipId,
};
