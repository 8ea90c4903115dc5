import {
  ActionMovedDto,
  ActionProposedDto,
  ChallengeMovedDto,
  ChallengeRaisedDto,
  CloudEventEnvelopeDto,
  MalformedEvent,
  TargetDateRevisedDto,
  validated,
} from './consumed-event.dto';

/** The CloudEvent types this read model reads (v1 contracts); any other type is not its business. */
const ACTION_MOVES = [
  'ActionAgreed',
  'ActionStarted',
  'ActionPaused',
  'ActionResumed',
  'CompletionClaimed',
  'CompletionVerified',
  'CompletionReturned',
  'ImpactAssured',
  'ImpactNotDemonstrated',
  'ActionClosed',
  'ActionCancelled',
  'ActionSuperseded',
  'ActionReopened',
];
const CHALLENGE_MOVES = [
  'ChallengeAcknowledged',
  'ChallengeResponded',
  'ChallengeResponseAccepted',
  'ChallengeResponseRejected',
  'ChallengeEscalated',
  'ChallengeResolved',
  'ChallengeWithdrawn',
  'ChallengeClosed',
];
const type = (name: string): string => `uk.learning-ledger.${name}.v1`;

/** One change to the agency accountability model, read from one CloudEvent. */
export type AccountabilityChange =
  | {
      readonly kind: 'action-proposed';
      readonly partnershipId: string;
      readonly actionId: string;
      readonly agencyId: string;
      readonly targetDate: string;
    }
  | { readonly kind: 'action-moved'; readonly actionId: string; readonly status: string }
  | { readonly kind: 'action-retargeted'; readonly actionId: string; readonly targetDate: string }
  | { readonly kind: 'challenge-raised'; readonly partnershipId: string; readonly challengeId: string; readonly agencyId: string }
  | { readonly kind: 'challenge-moved'; readonly challengeId: string; readonly status: string };

export interface ConsumedEvent {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
}

/** Parses and validates a message value as a ledger CloudEvent; MalformedEvent when it is not one. */
export function parseCloudEvent(value: Buffer | string | null): ConsumedEvent {
  if (value === null) throw new MalformedEvent('message without a value');
  let plain: unknown;
  try {
    plain = JSON.parse(value.toString());
  } catch {
    throw new MalformedEvent('message value is not JSON');
  }
  const envelope = validated(CloudEventEnvelopeDto, plain, 'CloudEvent envelope');
  return { id: envelope.id, type: envelope.type, subject: envelope.subject, data: envelope.data };
}

/** The change one event makes, or null for an event this model does not read. */
export function accountabilityChangeOf(event: ConsumedEvent): AccountabilityChange | null {
  const what = `${event.type} ${event.id}`;
  if (event.type === type('ActionProposed')) {
    const data = validated(ActionProposedDto, event.data, what);
    return {
      kind: 'action-proposed',
      partnershipId: data.partnershipId,
      actionId: data.actionId,
      agencyId: data.leadAgencyId,
      targetDate: data.targetDate,
    };
  }
  if (ACTION_MOVES.some((name) => event.type === type(name))) {
    const data = validated(ActionMovedDto, event.data, what);
    return { kind: 'action-moved', actionId: data.actionId, status: data.status };
  }
  if (event.type === type('TargetDateRevised')) {
    const data = validated(TargetDateRevisedDto, event.data, what);
    return { kind: 'action-retargeted', actionId: data.actionId, targetDate: data.newTargetDate };
  }
  if (event.type === type('ChallengeRaised')) {
    const data = validated(ChallengeRaisedDto, event.data, what);
    return { kind: 'challenge-raised', partnershipId: data.partnershipId, challengeId: data.challengeId, agencyId: data.toAgencyId };
  }
  if (CHALLENGE_MOVES.some((name) => event.type === type(name))) {
    const data = validated(ChallengeMovedDto, event.data, what);
    return { kind: 'challenge-moved', challengeId: data.challengeId, status: data.status };
  }
  return null;
}

/** Action statuses by bucket; overdue = an open action past its target date (derived at query time). */
export const OPEN_ACTION_STATUSES = ['proposed', 'agreed', 'in-progress', 'paused', 'completion-claimed'];
export const COMPLETED_ACTION_STATUSES = ['completion-verified', 'impact-assured'];
export const CLOSED_ACTION_STATUSES = ['closed'];
export const WITHDRAWN_ACTION_STATUSES = ['cancelled', 'superseded'];
export const ENDED_CHALLENGE_STATUSES = ['resolved', 'withdrawn', 'closed'];

/** One agency's line of the model, as the query returns it. */
export interface AgencyAccountabilityRow {
  readonly partnershipId: string;
  readonly agencyId: string;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly completedActions: number;
  readonly closedActions: number;
  readonly withdrawnActions: number;
  readonly challengesReceived: number;
  readonly openChallenges: number;
}
