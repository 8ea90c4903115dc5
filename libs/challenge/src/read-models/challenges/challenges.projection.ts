import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import { CHALLENGE_EVENT_TYPES, type ChallengeEvent } from '../../domain/challenge.events';
import { upcastChallengeEvent } from '../../schemas/challenge.schemas';
import type { ChallengeDocument } from './challenge.document';

function raisedDocument(event: Extract<ChallengeEvent, { type: 'ChallengeRaised' }>, recorded: RecordedEvent): ChallengeDocument {
  const { challengeId, partnershipId, toAgencyId, subject, detail, responseDueDate } = event.data;
  const { actor, occurredAt } = recorded.metadata;
  return {
    id: challengeId,
    partnershipId,
    toAgencyId,
    raisedBy: { userId: actor.userId, role: actor.role, agencyId: actor.agencyId ?? null },
    subject,
    detail,
    responseDueDate,
    status: 'raised',
    escalationLevel: null,
    escalations: [],
    responses: [],
    rejections: [],
    outcome: null,
    withdrawnReason: null,
    linkedActionIds: [],
    raisedAt: occurredAt,
    acknowledgedAt: null,
    respondedAt: null,
    resolvedAt: null,
    withdrawnAt: null,
    closedAt: null,
    version: Number(recorded.streamVersion),
  };
}

function evolve(doc: ChallengeDocument | null, recorded: RecordedEvent): ChallengeDocument | null {
  const event = upcastChallengeEvent(recorded);
  if (event.type === 'ChallengeRaised') return raisedDocument(event, recorded);
  if (doc === null) return null;
  const occurredAt = recorded.metadata.occurredAt;
  const next = { ...doc, version: Number(recorded.streamVersion) };
  switch (event.type) {
    case 'ChallengeAcknowledged':
      return { ...next, status: 'acknowledged', acknowledgedAt: occurredAt };
    case 'ChallengeResponded':
      return {
        ...next,
        status: 'responded',
        responses: [...doc.responses, { response: event.data.response, occurredAt }],
        respondedAt: doc.respondedAt ?? occurredAt,
      };
    case 'ChallengeResponseAccepted':
      return { ...next, status: 'response-accepted' };
    case 'ChallengeResponseRejected':
      return { ...next, status: 'response-rejected', rejections: [...doc.rejections, { reason: event.data.reason, occurredAt }] };
    case 'ChallengeEscalated': {
      const { level, reason } = event.data;
      return { ...next, status: 'escalated', escalationLevel: level, escalations: [...doc.escalations, { level, reason, occurredAt }] };
    }
    case 'ChallengeResolved':
      return { ...next, status: 'resolved', outcome: event.data.outcome, resolvedAt: occurredAt };
    case 'ChallengeWithdrawn':
      return { ...next, status: 'withdrawn', withdrawnReason: event.data.reason, withdrawnAt: occurredAt };
    case 'ChallengeClosed':
      return { ...next, status: 'closed', closedAt: occurredAt };
    case 'ChallengeLinkedToAction':
      return { ...next, linkedActionIds: [...doc.linkedActionIds, event.data.actionId] };
    default: {
      const unhandled: never = event;
      void unhandled;
      return doc;
    }
  }
}

/** Single-stream, async: one document per challenge stream, in rm_challenges (the challenge register). */
export const challengesProjection: DocumentProjection<ChallengeDocument> = {
  name: 'challenges',
  version: 1,
  table: 'rm_challenges',
  canHandle: CHALLENGE_EVENT_TYPES,
  documentIds: (event) => [(event.data as { challengeId: string }).challengeId],
  evolve,
  columns: (doc) => ({
    status: doc.status,
    to_agency_id: doc.toAgencyId,
    escalation_level: doc.escalationLevel,
    response_due_date: doc.responseDueDate,
    version: doc.version,
  }),
  partnershipIdOf: (doc) => doc.partnershipId,
};
