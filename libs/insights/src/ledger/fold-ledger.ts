import { dataOf, flag, text, textOrNull, texts, type InsightEvent } from '../insight-event';
import { applyActionEvent } from './fold-actions';
import { applyChallengeEvent } from './fold-challenges';
import type {
  ActionFacts,
  AgencyFacts,
  ChallengeFacts,
  EvidenceFacts,
  FindingFacts,
  Ledger,
  RecommendationFacts,
  SourceFacts,
  Stamp,
} from './ledger-model';

interface Draft {
  partnership: Ledger['partnership'];
  readonly agencies: Map<string, AgencyFacts>;
  readonly subgroups: string[];
  readonly sources: Map<string, SourceFacts>;
  readonly findings: Map<string, FindingFacts>;
  readonly recommendations: Map<string, RecommendationFacts>;
  readonly actions: Map<string, ActionFacts>;
  readonly evidence: Map<string, EvidenceFacts>;
  readonly challenges: Map<string, ChallengeFacts>;
}

export function stampOf(event: InsightEvent): Stamp {
  const recordedAt = typeof event.recordedAt === 'string' ? event.recordedAt : event.recordedAt.toISOString();
  return { at: event.metadata.occurredAt, recordedAt, forum: event.metadata.forum ?? null };
}

/**
 * Pure: the ledger that `events` (one partnership's, already sliced in time) describe. Each stream
 * is folded in its own version order — the order its decider saw — so a back-dated event never
 * comes before the event that created its item; items are joined across streams by id afterwards.
 * Events of an item whose creating event is not in the slice are ignored.
 */
export function foldLedger(events: readonly InsightEvent[]): Ledger {
  const draft: Draft = {
    partnership: null,
    agencies: new Map(),
    subgroups: [],
    sources: new Map(),
    findings: new Map(),
    recommendations: new Map(),
    actions: new Map(),
    evidence: new Map(),
    challenges: new Map(),
  };
  for (const event of inStreamOrder(events)) apply(draft, event);
  return draft;
}

function inStreamOrder(events: readonly InsightEvent[]): InsightEvent[] {
  const streams = new Map<string, InsightEvent[]>();
  for (const event of events) {
    const stream = streams.get(event.streamId);
    if (stream) stream.push(event);
    else streams.set(event.streamId, [event]);
  }
  return [...streams.values()].flatMap((stream) => [...stream].sort((a, b) => Number(a.streamVersion) - Number(b.streamVersion)));
}

function apply(draft: Draft, event: InsightEvent): void {
  const stamp = stampOf(event);
  const data = dataOf(event);
  switch (event.type) {
    case 'PartnershipRegistered':
      draft.partnership = { id: text(data, 'partnershipId'), name: text(data, 'name') };
      return;
    case 'AgencyAdded':
      draft.agencies.set(text(data, 'agencyId'), { id: text(data, 'agencyId'), name: text(data, 'name'), kind: text(data, 'kind') });
      return;
    case 'SubgroupEstablished':
      draft.subgroups.push(text(data, 'name'));
      return;
    case 'SourceRecorded': {
      const id = text(data, 'sourceId');
      const source: SourceFacts = {
        id,
        kind: text(data, 'kind'),
        title: text(data, 'title'),
        reference: textOrNull(data, 'reference'),
        recorded: stamp,
        findingIds: [],
        milestones: {},
        closed: null,
      };
      draft.sources.set(id, source);
      return;
    }
    case 'FindingRecorded':
    case 'SourceMilestoneReached':
    case 'SourceClosed':
      return applySourceChange(draft, event.type, event, stamp);
    case 'RecommendationMade': {
      const id = text(data, 'recommendationId');
      draft.recommendations.set(id, {
        id,
        sourceId: text(data, 'sourceId'),
        findingIds: texts(data, 'findingIds'),
        number: textOrNull(data, 'number'),
        text: text(data, 'text'),
        addresseeAgencyIds: texts(data, 'addresseeAgencyIds'),
        scope: text(data, 'scope'),
        made: stamp,
        responses: [],
      });
      return;
    }
    case 'RecommendationResponded': {
      const recommendation = draft.recommendations.get(text(data, 'recommendationId'));
      if (!recommendation) return;
      const response = { decision: text(data, 'decision'), reason: textOrNull(data, 'reason'), stamp };
      draft.recommendations.set(recommendation.id, { ...recommendation, responses: [...recommendation.responses, response] });
      return;
    }
    default:
      if (event.streamId.startsWith('action-')) applyActionEvent(draft.actions, draft.evidence, event, stamp);
      else if (event.streamId.startsWith('challenge-')) applyChallengeEvent(draft.challenges, event, stamp);
  }
}

function applySourceChange(
  draft: Draft,
  type: 'FindingRecorded' | 'SourceMilestoneReached' | 'SourceClosed',
  event: InsightEvent,
  stamp: Stamp,
): void {
  const data = dataOf(event);
  const source = draft.sources.get(text(data, 'sourceId'));
  if (!source) return;
  if (type === 'FindingRecorded') {
    const id = text(data, 'findingId');
    draft.findings.set(id, {
      id,
      sourceId: source.id,
      summary: text(data, 'summary'),
      themes: texts(data, 'themes'),
      enablers: texts(data, 'enablers'),
      goodPractice: flag(data, 'goodPractice'),
      recorded: stamp,
    });
    draft.sources.set(source.id, { ...source, findingIds: [...source.findingIds, id] });
  } else if (type === 'SourceMilestoneReached') {
    const milestone = text(data, 'milestone');
    if (source.milestones[milestone]) return;
    draft.sources.set(source.id, { ...source, milestones: { ...source.milestones, [milestone]: stamp } });
  } else {
    draft.sources.set(source.id, { ...source, closed: stamp });
  }
}
