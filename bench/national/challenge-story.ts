import type { Actor } from '@ledger/event-sourcing';
import { challengeDecider, challengeStreamId } from '@ledger/challenge';
import { DecidedStream, type PlannedAppend } from './decided-stream';
import { HISTORY_END } from './history-window';
import { DAY_MS, entryLag, isoDate, type SeededRandom } from './seeded-random';
import { THEMES } from './story-words';

const LEVELS = ['delegated-partner', 'lead-partner', 'independent-scrutineer', 'external'] as const;

/**
 * The challenge log: about `count` challenges over the history (10–20 a year at national scale,
 * reference/domain.md §4), each raised to an
 * agency, acknowledged, answered, sometimes rejected and escalated, resolved and closed, some
 * withdrawn, some linked to actions. Returns how many commands the decider refused.
 */
export function recordChallenges(
  context: {
    partnershipId: string;
    random: SeededRandom;
    appends: PlannedAppend[];
    agencies: readonly string[];
    actionIds: readonly string[];
  },
  from: number,
  count: number,
): number {
  const { random, partnershipId } = context;
  const spacingDays = Math.max(12, (HISTORY_END - from) / DAY_MS / Math.max(1, count));
  let refused = 0;
  for (let raisedAt = from + 30 * DAY_MS; raisedAt < HISTORY_END; raisedAt += random.int(0.5 * spacingDays, 1.5 * spacingDays) * DAY_MS) {
    const challengeId = random.uuid('challenge');
    const stream = new DecidedStream(challengeStreamId(challengeId), challengeDecider, context);
    const chair: Actor = { userId: `bench-chair-${random.int(1, 5)}`, role: 'board-member' };
    const toAgencyId = random.pick(context.agencies);
    const lead: Actor = { userId: `bench-lead-${random.int(1, 40)}`, role: 'agency-lead', agencyId: toAgencyId };
    let when = raisedAt;
    const step = (days: number) => (when += days * DAY_MS) <= HISTORY_END;
    const run = (type: Parameters<typeof stream.run>[0], data: object, actor: Actor) =>
      stream.run(type, { challengeId, ...data }, when, { actor, lagMs: entryLag(random) });
    run(
      'RaiseChallenge',
      {
        partnershipId,
        toAgencyId,
        subject: `Assurance on ${random.pick(THEMES)}`,
        detail: 'The board asks for evidence of the agency’s response.',
        responseDueDate: isoDate(when + 28 * DAY_MS),
      },
      chair,
    );
    const linkable = context.actionIds.slice(-30);
    if (linkable.length > 0 && random.chance(0.3)) run('LinkAction', { actionId: random.pick(linkable) }, chair);
    if (random.chance(0.06) && step(random.int(5, 20))) run('WithdrawChallenge', { reason: 'Raised in error; covered elsewhere.' }, chair);
    else if (step(random.int(2, 10)) && run('AcknowledgeChallenge', {}, lead)) {
      for (
        let level = 0;
        step(random.int(10, 35)) && run('RespondToChallenge', { response: 'Action plan shared with the board.' }, lead);
        level++
      ) {
        if (!step(random.int(5, 20))) break;
        if (level >= LEVELS.length || random.chance(0.75)) {
          if (!run('AcceptResponse', {}, chair) || !step(random.int(5, 30))) break;
          if (run('ResolveChallenge', { outcome: 'Agency action plan signed off at the subgroup.' }, chair) && step(random.int(5, 30)))
            run('CloseChallenge', {}, chair);
          break;
        }
        run('RejectResponse', { reason: 'The response does not show impact.' }, chair);
        if (random.chance(0.5)) run('EscalateChallenge', { level: LEVELS[level], reason: 'No adequate response by the due date.' }, chair);
      }
    }
    refused += stream.refused;
  }
  return refused;
}
