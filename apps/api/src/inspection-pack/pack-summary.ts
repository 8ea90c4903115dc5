import { ACTION_STATUSES, IMPACT_STATUSES, SOURCE_KINDS, type ActionView } from '@ledger/learning';
import { CHALLENGE_STATUSES, OPEN_CHALLENGE_STATUSES, type ChallengeView } from '@ledger/challenge';
import type { Snapshot } from '../time-travel/snapshot';
import type { LedgerReach } from './ledger-reach';

export interface Count {
  readonly label: string;
  readonly count: number;
}

export interface RecommendationLine {
  readonly number: string;
  readonly text: string;
  readonly source: string;
  readonly scope: string;
  readonly response: string;
  readonly respondedOn: string;
  readonly status: string;
  readonly actions: number;
}

/** What summary.pdf says, computed from the snapshot at the pack's instant (no I/O, no clock). */
export interface PackSummary {
  readonly asOf: string;
  readonly partnership: {
    readonly id: string;
    readonly name: string;
    readonly localAuthorities: readonly string[];
    readonly registeredAt: string;
  };
  readonly agencies: readonly { readonly name: string; readonly kind: string }[];
  readonly sourcesByKind: readonly Count[];
  readonly sources: readonly {
    readonly title: string;
    readonly kind: string;
    readonly status: string;
    readonly occurredOn: string;
    readonly findings: number;
  }[];
  readonly recommendations: readonly RecommendationLine[];
  readonly actionsByStatus: readonly Count[];
  readonly timeliness: readonly Count[];
  readonly impact: readonly Count[];
  readonly challenges: readonly Count[];
  readonly challengesByStatus: readonly Count[];
  readonly ledger: LedgerReach;
}

const countBy = <T>(items: readonly T[], labels: readonly string[], of: (item: T) => string): Count[] =>
  labels.map((label) => ({ label, count: items.filter((item) => of(item) === label).length }));

const dateOf = (instant: string | null | undefined): string => (instant ? instant.slice(0, 10) : '');

/** Actions that still count towards delivery and impact: not cancelled, not superseded. */
const live = (action: ActionView) => action.status !== 'cancelled' && action.status !== 'superseded';

export function packSummary(snapshot: Snapshot, ledger: LedgerReach): PackSummary | null {
  const partnership = snapshot.partnership();
  if (!partnership) return null;
  const sources = snapshot.sources({});
  const sourceTitles = new Map(sources.map((source) => [source.id, source.title]));
  const actions = snapshot.actions({});
  const challenges = snapshot.challenges({});
  return {
    asOf: snapshot.now.toISOString(),
    partnership: {
      id: partnership.id,
      name: partnership.name,
      localAuthorities: partnership.localAuthorities,
      registeredAt: partnership.registeredAt,
    },
    agencies: partnership.agencies.map((agency) => ({ name: agency.name, kind: agency.kind })),
    sourcesByKind: countBy(sources, SOURCE_KINDS, (source) => source.kind).filter((line) => line.count > 0),
    sources: sources.map((source) => ({
      title: source.title,
      kind: source.kind,
      status: source.status,
      occurredOn: dateOf(source.occurredAt),
      findings: source.findingCount,
    })),
    recommendations: snapshot.recommendations({}).map((recommendation) => ({
      number: recommendation.number,
      text: recommendation.text,
      source: sourceTitles.get(recommendation.sourceId) ?? recommendation.sourceId,
      scope: recommendation.scope,
      response: recommendation.response
        ? `${recommendation.response.decision}${recommendation.response.reason ? `: ${recommendation.response.reason}` : ''}`
        : 'awaiting response',
      respondedOn: dateOf(recommendation.response?.occurredAt),
      status: recommendation.status,
      actions: recommendation.actionCounts.total,
    })),
    actionsByStatus: countBy(actions, ACTION_STATUSES, (action) => action.status),
    timeliness: timelinessOf(actions),
    impact: impactOf(actions),
    challenges: challengeTotals(challenges),
    challengesByStatus: countBy(challenges, CHALLENGE_STATUSES, (challenge) => challenge.status),
    ledger,
  };
}

function timelinessOf(actions: readonly ActionView[]): Count[] {
  return [
    ...countBy(actions, ['on-track', 'overdue', 'slipped', 'stale'], (action) => action.timeliness).map((line) => ({
      label: `timeliness ${line.label}`,
      count: line.count,
    })),
    { label: 'overdue (target date passed, open)', count: actions.filter((action) => action.overdue).length },
    { label: 'slipped (target date revised)', count: actions.filter((action) => action.slipped).length },
  ];
}

function impactOf(actions: readonly ActionView[]): Count[] {
  const counted = actions.filter(live);
  const assured = counted.filter((action) => action.impactStatus === 'assured').length;
  return [
    { label: 'impact assured', count: assured },
    { label: 'impact not assured', count: counted.length - assured },
    ...countBy(counted, IMPACT_STATUSES, (action) => action.impactStatus).map((line) => ({
      label: `impact ${line.label}`,
      count: line.count,
    })),
  ];
}

function challengeTotals(challenges: readonly ChallengeView[]): Count[] {
  return [
    { label: 'raised in all', count: challenges.length },
    { label: 'open', count: challenges.filter((challenge) => OPEN_CHALLENGE_STATUSES.includes(challenge.status)).length },
    { label: 'escalated (at any level)', count: challenges.filter((challenge) => challenge.escalationLevel !== null).length },
    { label: 'resolved', count: challenges.filter((challenge) => challenge.resolvedAt !== null).length },
    { label: 'withdrawn', count: challenges.filter((challenge) => challenge.withdrawnAt !== null).length },
    { label: 'response overdue', count: challenges.filter((challenge) => challenge.responseOverdue).length },
  ];
}
