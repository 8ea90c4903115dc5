import { IllegalTransition, InvalidInput } from '@ledger/event-sourcing';
import type { RaiseChallenge } from '../challenge.commands';
import { DetailRequired, ResponseDueBeforeRaised, SubjectRequired } from '../challenge.errors';
import type { ChallengeRaised } from '../challenge.events';
import type { ChallengeState } from '../challenge.state';
import { isCalendarDate, utcDateOf } from '../calendar-date';
import { requiredText } from './guards';

export function raiseChallenge(command: RaiseChallenge, state: ChallengeState): readonly ChallengeRaised[] {
  if (state.status !== 'none') throw new IllegalTransition('challenge', state.status, command.type);
  const { challengeId, partnershipId, toAgencyId, responseDueDate } = command.data;
  const subject = requiredText(command.data.subject, () => new SubjectRequired());
  const detail = requiredText(command.data.detail, () => new DetailRequired());
  if (!isCalendarDate(responseDueDate)) throw new InvalidInput('responseDueDate', 'must be a calendar date, YYYY-MM-DD');
  const raisedOn = utcDateOf(command.metadata.occurredAt);
  if (responseDueDate < raisedOn) throw new ResponseDueBeforeRaised(responseDueDate, raisedOn);
  return [{ type: 'ChallengeRaised', data: { challengeId, partnershipId, toAgencyId, subject, detail, responseDueDate } }];
}
