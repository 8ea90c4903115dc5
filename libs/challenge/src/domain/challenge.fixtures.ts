import type { CommandMetadata } from '@ledger/event-sourcing';
import type { ChallengeCommand } from './challenge.commands';
import type { ChallengeEvent, ChallengeEscalated, ChallengeRaised } from './challenge.events';
import type { ChallengeStatus } from './challenge-values';

/** Synthetic fixtures for tests only: Northshire's board challenges Northshire Constabulary. */
export const PARTNERSHIP_ID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
export const CHALLENGE_ID = '9a7b6c5d-4e3f-4a1b-8c2d-3e4f5a6b7c01';
export const POLICE_ID = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e02';
export const ACTION_ID = '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d01';

export const metadata: CommandMetadata = {
  now: new Date('2025-03-10T09:00:00Z'),
  occurredAt: new Date('2025-03-10T09:00:00Z'),
  actor: { userId: 'user-chair-1', role: 'board-member', agencyId: '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e01' },
};

const id = { challengeId: CHALLENGE_ID };

export const raised = (data: Partial<ChallengeRaised['data']> = {}): ChallengeRaised => ({
  type: 'ChallengeRaised',
  data: {
    ...id,
    partnershipId: PARTNERSHIP_ID,
    toAgencyId: POLICE_ID,
    subject: 'Attendance at strategy discussions',
    detail: 'Audit found police attendance at strategy discussions below the agreed standard.',
    responseDueDate: '2025-04-07',
    ...data,
  },
});
export const acknowledged = (): ChallengeEvent => ({ type: 'ChallengeAcknowledged', data: id });
export const responded = (response = 'Duty rota revised; attendance monitored weekly.'): ChallengeEvent => ({
  type: 'ChallengeResponded',
  data: { ...id, response },
});
export const accepted = (): ChallengeEvent => ({ type: 'ChallengeResponseAccepted', data: id });
export const rejected = (reason = 'No evidence of improved attendance.'): ChallengeEvent => ({
  type: 'ChallengeResponseRejected',
  data: { ...id, reason },
});
export const escalated = (data: Partial<ChallengeEscalated['data']> = {}): ChallengeEscalated => ({
  type: 'ChallengeEscalated',
  data: { ...id, level: 'delegated-partner', fromLevel: null, reason: 'No response by the due date.', ...data },
});
export const resolved = (outcome = 'Attendance above 90% for three months.'): ChallengeEvent => ({
  type: 'ChallengeResolved',
  data: { ...id, outcome },
});
export const withdrawn = (reason = 'Raised in error.'): ChallengeEvent => ({ type: 'ChallengeWithdrawn', data: { ...id, reason } });
export const closed = (): ChallengeEvent => ({ type: 'ChallengeClosed', data: id });
export const linked = (actionId = ACTION_ID): ChallengeEvent => ({ type: 'ChallengeLinkedToAction', data: { ...id, actionId } });

/** A history that leaves the challenge in each status. */
export const HISTORIES: Readonly<Record<ChallengeStatus, readonly ChallengeEvent[]>> = {
  raised: [raised()],
  acknowledged: [raised(), acknowledged()],
  responded: [raised(), acknowledged(), responded()],
  'response-accepted': [raised(), acknowledged(), responded(), accepted()],
  'response-rejected': [raised(), acknowledged(), responded(), rejected()],
  escalated: [raised(), escalated()],
  resolved: [raised(), acknowledged(), responded(), accepted(), resolved()],
  withdrawn: [raised(), withdrawn()],
  closed: [raised(), withdrawn(), closed()],
};

type DataOf<T extends ChallengeCommand['type']> = Extract<ChallengeCommand, { type: T }>['data'];

function command<T extends ChallengeCommand['type']>(type: T, data: Omit<DataOf<T>, 'challengeId'>): ChallengeCommand {
  return { type, data: { ...id, ...data }, metadata } as ChallengeCommand;
}

export const raise = (data: Partial<DataOf<'RaiseChallenge'>> = {}, at: Partial<CommandMetadata> = {}): ChallengeCommand => ({
  type: 'RaiseChallenge',
  data: { ...raised().data, ...data },
  metadata: { ...metadata, ...at },
});
export const acknowledge = () => command('AcknowledgeChallenge', {});
export const respond = (response = 'Duty rota revised; attendance monitored weekly.') => command('RespondToChallenge', { response });
export const acceptResponse = () => command('AcceptResponse', {});
export const rejectResponse = (reason = 'No evidence of improved attendance.') => command('RejectResponse', { reason });
export const escalate = (level = 'external', reason = 'Response still outstanding.') => command('EscalateChallenge', { level, reason });
export const resolve = (outcome = 'Attendance above 90% for three months.') => command('ResolveChallenge', { outcome });
export const withdraw = (reason = 'Raised in error.') => command('WithdrawChallenge', { reason });
export const close = () => command('CloseChallenge', {});
export const linkAction = (actionId = ACTION_ID) => command('LinkAction', { actionId });
