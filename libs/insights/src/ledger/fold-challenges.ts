import { dataOf, text, type InsightEvent } from '../insight-event';
import type { ChallengeFacts, Stamp } from './ledger-model';

/** Folds one `challenge-<id>` event in. Events of a challenge not (yet) raised are ignored. */
export function applyChallengeEvent(challenges: Map<string, ChallengeFacts>, event: InsightEvent, stamp: Stamp): void {
  const data = dataOf(event);
  const id = text(data, 'challengeId');
  if (event.type === 'ChallengeRaised') {
    challenges.set(id, {
      id,
      toAgencyId: text(data, 'toAgencyId'),
      subject: text(data, 'subject'),
      responseDueDate: text(data, 'responseDueDate'),
      raised: stamp,
      firstResponse: null,
      escalations: [],
      resolved: null,
      withdrawn: null,
      closed: null,
      linkedActionIds: [],
    });
    return;
  }
  const challenge = challenges.get(id);
  if (!challenge) return;
  challenges.set(id, evolveChallenge(challenge, event.type, stamp, text(data, 'level'), text(data, 'actionId')));
}

function evolveChallenge(c: ChallengeFacts, type: string, stamp: Stamp, level: string, actionId: string): ChallengeFacts {
  switch (type) {
    case 'ChallengeResponded':
      return c.firstResponse ? c : { ...c, firstResponse: stamp };
    case 'ChallengeEscalated':
      return { ...c, escalations: [...c.escalations, { ...stamp, level }] };
    case 'ChallengeResolved':
      return { ...c, resolved: stamp };
    case 'ChallengeWithdrawn':
      return { ...c, withdrawn: stamp };
    case 'ChallengeClosed':
      return { ...c, closed: stamp };
    case 'ChallengeLinkedToAction':
      return c.linkedActionIds.includes(actionId) ? c : { ...c, linkedActionIds: [...c.linkedActionIds, actionId] };
    default:
      return c;
  }
}

/** Still being worked: not resolved, withdrawn or closed. */
export function isChallengeOpen(c: ChallengeFacts): boolean {
  return c.resolved === null && c.withdrawn === null && c.closed === null;
}
