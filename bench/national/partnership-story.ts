import type { Actor } from '@ledger/event-sourcing';
import { partnershipDecider, partnershipStreamId } from '@ledger/partnership';
import { DecidedStream, type PlannedAppend } from './decided-stream';
import { recordChallenges } from './challenge-story';
import { HISTORY_END, HISTORY_START } from './history-window';
import { DAY_MS, SeededRandom } from './seeded-random';
import { recordSource, type SourceContext } from './source-story';
import { AGENCIES, SOURCE_MIX, SUBGROUPS, THEMES } from './story-words';

/** Roughly how many events one source brings with its recommendations and actions (for pacing). */
const EVENTS_PER_SOURCE = 176;
/** The share of a partnership's events in its challenge log (a challenge has about 5 events). */
const CHALLENGE_SHARE = 0.06;

export interface PartnershipHistory {
  readonly partnershipId: string;
  /** Every append, in the order the business unit would have typed them in. */
  readonly appends: readonly PlannedAppend[];
  readonly events: number;
  readonly refused: number;
}

/**
 * One partnership's history over seven years: its registration, agencies and subgroups, then
 * sources at a steady pace until about `budget` events, each with findings, recommendations and
 * actions moving through their lifecycles, plus a challenge log. Deterministic from the seed.
 */
export function partnershipHistory(seed: string, index: number, budget: number): PartnershipHistory {
  const random = new SeededRandom(seed, `partnership-${index}`);
  const partnershipId = random.uuid('partnership');
  const appends: PlannedAppend[] = [];
  const context = { partnershipId, random, appends };
  const admin: Actor = { userId: `bench-admin-${index}`, role: 'partnership-admin' };
  const registeredAt = HISTORY_START + random.int(0, 60) * DAY_MS;
  const partnership = new DecidedStream(partnershipStreamId(partnershipId), partnershipDecider, context);
  const entered = { actor: admin, lagMs: 2 * 60_000 };
  partnership.run(
    'RegisterPartnership',
    { partnershipId, name: `Safeguarding Partnership ${index + 1}`, localAuthorities: [`Local Authority ${index + 1}`] },
    registeredAt,
    entered,
  );
  const agencies = random.sample(AGENCIES, random.int(7, AGENCIES.length)).map(([name, kind]) => {
    const agencyId = random.uuid('agency');
    partnership.run('AddAgency', { partnershipId, agencyId, name, kind }, registeredAt + DAY_MS, entered);
    return agencyId;
  });
  for (const name of SUBGROUPS)
    partnership.run('EstablishSubgroup', { partnershipId, subgroupId: random.uuid('subgroup'), name }, registeredAt + 2 * DAY_MS, entered);
  partnership.run('PublishThemes', { partnershipId, themes: [...THEMES] }, registeredAt + 3 * DAY_MS, entered);

  const sources: SourceContext = { ...context, agencies, refused: 0, actionIds: [] };
  const spacing = (HISTORY_END - registeredAt) / Math.max(1, budget / EVENTS_PER_SOURCE);
  const first = registeredAt + 10 * DAY_MS + random.next() * spacing;
  for (let when = first; when < HISTORY_END - 20 * DAY_MS; when += spacing * (0.5 + random.next())) {
    recordSource(sources, random.pick(SOURCE_MIX), when);
  }
  const refusedChallenges = recordChallenges(
    { ...context, agencies, actionIds: sources.actionIds },
    registeredAt,
    (budget * CHALLENGE_SHARE) / 5,
  );
  // Stable sort: appends of one stream keep their order (their record times never go back).
  appends.sort((a, b) => a.recordAt - b.recordAt);
  return {
    partnershipId,
    appends,
    events: appends.reduce((sum, append) => sum + append.events.length, 0),
    refused: partnership.refused + sources.refused + refusedChallenges,
  };
}
