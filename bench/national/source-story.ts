import type { Actor } from '@ledger/event-sourcing';
import {
  recommendationDecider,
  recommendationStreamId,
  sourceDecider,
  sourceStreamId,
  SOURCE_MILESTONES,
  type SourceKind,
} from '@ledger/learning';
import { recordAction } from './action-story';
import { DecidedStream, type PlannedAppend } from './decided-stream';
import { HISTORY_END } from './history-window';
import { DAY_MS, entryLag, type SeededRandom } from './seeded-random';
import { ENABLER_NAMES, THEMES } from './story-words';

export interface SourceContext {
  readonly partnershipId: string;
  readonly random: SeededRandom;
  readonly appends: PlannedAppend[];
  readonly agencies: readonly string[];
  /** Every action proposed so far, for challenges to link to. */
  readonly actionIds: string[];
  refused: number;
}

/** Recommendations a source of each kind typically makes (reference/domain.md §4). */
const RECOMMENDATIONS: Record<SourceKind, readonly [number, number]> = {
  'rapid-review': [2, 5],
  lcspr: [5, 10],
  'national-review': [3, 6],
  'learning-review': [3, 6],
  'multi-agency-audit': [2, 4],
  'section-11': [2, 4],
  inspection: [4, 8],
  feedback: [1, 3],
  'peer-review': [2, 5],
  scrutiny: [2, 4],
};

/** One learning source: its milestones and findings, its recommendations and their responses and actions. */
export function recordSource(context: SourceContext, kind: SourceKind, startedAt: number): void {
  const { random, partnershipId } = context;
  const actor: Actor = { userId: `bench-business-unit-${random.int(1, 3)}`, role: 'partnership-admin' };
  const sourceId = random.uuid('source');
  const source = new DecidedStream(sourceStreamId(sourceId), sourceDecider, context);
  const year = new Date(startedAt).getUTCFullYear();
  const reference = `${kind.toUpperCase()}-${year}-${random.int(100, 999)}`;
  source.run('RecordSource', { sourceId, partnershipId, kind, title: `${kind.replace(/-/g, ' ')} ${reference}`, reference }, startedAt, {
    actor,
    lagMs: entryLag(random),
  });
  let when = startedAt;
  for (const milestone of SOURCE_MILESTONES[kind]) {
    when += random.int(3, 30) * DAY_MS;
    if (when > HISTORY_END) return;
    source.run('RecordSourceMilestone', { sourceId, milestone }, when, { actor, lagMs: entryLag(random) });
  }
  const findingIds: string[] = [];
  for (let f = random.int(2, 6); f > 0; f--) {
    const findingId = random.uuid('finding');
    const accepted = source.run(
      'RecordFinding',
      {
        sourceId,
        findingId,
        summary: `Finding on ${random.pick(THEMES)}: practice was inconsistent across agencies.`,
        themes: random.sample(THEMES, random.int(1, 3)),
        enablers: random.sample(ENABLER_NAMES, random.int(1, 2)),
        goodPractice: random.chance(0.15),
      },
      when,
      { actor, lagMs: entryLag(random) },
    );
    if (accepted) findingIds.push(findingId);
  }
  const [least, most] = RECOMMENDATIONS[kind];
  for (let number = 1, count = random.int(least, most); number <= count; number++) {
    recordRecommendation(context, { sourceId, findingIds, number, madeAt: when + random.int(7, 60) * DAY_MS, actor });
  }
  if (random.chance(0.6) && when + 120 * DAY_MS < HISTORY_END)
    source.run('CloseSource', { sourceId }, when + random.int(120, 400) * DAY_MS, { actor, lagMs: entryLag(random) });
  context.refused += source.refused;
}

function recordRecommendation(
  context: SourceContext,
  made: { sourceId: string; findingIds: readonly string[]; number: number; madeAt: number; actor: Actor },
): void {
  const { random, partnershipId, agencies } = context;
  if (made.madeAt > HISTORY_END) return;
  const recommendationId = random.uuid('recommendation');
  const stream = new DecidedStream(recommendationStreamId(recommendationId), recommendationDecider, context);
  const addressees = random.sample(agencies, random.int(1, 3));
  stream.run(
    'MakeRecommendation',
    {
      recommendationId,
      partnershipId,
      sourceId: made.sourceId,
      findingIds: random.sample(made.findingIds, random.int(1, 2)),
      number: String(made.number),
      text: `Partners should strengthen ${random.pick(THEMES)} through shared procedures and assurance.`,
      addresseeAgencyIds: addressees,
      scope: random.pick(['local', 'local', 'local', 'regional', 'national'] as const),
    },
    made.madeAt,
    { actor: made.actor, lagMs: entryLag(random) },
  );
  const respondedAt = made.madeAt + random.int(14, 45) * DAY_MS;
  if (respondedAt > HISTORY_END) return;
  const roll = random.next();
  const decision = roll < 0.8 ? 'accepted' : roll < 0.95 ? 'partially-accepted' : 'not-accepted';
  stream.run(
    'RespondToRecommendation',
    { recommendationId, decision, ...(decision === 'accepted' ? {} : { reason: 'Already covered by the existing escalation policy.' }) },
    respondedAt,
    { actor: made.actor, lagMs: entryLag(random), forum: 'Learning and Improvement subgroup' },
  );
  context.refused += stream.refused;
  if (decision === 'not-accepted') return;
  for (let a = random.int(1, 4); a > 0; a--) {
    recordAction(context, {
      recommendationId,
      leadAgencyId: random.pick(addressees),
      proposedAt: respondedAt + random.int(7, 40) * DAY_MS,
    });
  }
}
