import { daysBetween, formatDay, formatInstant } from '../calendar/london-dates';
import { isOverdue } from '../ledger/action-timeliness';
import type { ActionFacts, EvidenceFacts, FindingFacts, Ledger, RecommendationFacts, SourceFacts } from '../ledger/ledger-model';
import { count, done, list, on, quoted, sentence } from './wording';

/** A node's status and its plain-English reason. */
export interface Explained {
  readonly status: string;
  readonly why: string;
}

const actionsOf = (ledger: Ledger, recommendationId: string): ActionFacts[] =>
  [...ledger.actions.values()].filter((a) => a.recommendationIds.includes(recommendationId));

export function explainSource(source: SourceFacts, ledger: Ledger): Explained {
  const recommendations = [...ledger.recommendations.values()].filter((r) => r.sourceId === source.id);
  const actions = [...new Set(recommendations.flatMap((r) => actionsOf(ledger, r.id)))];
  const assured = actions.filter((a) => a.impactStatus === 'assured').length;
  const opening = source.closed ? `Closed ${on(source.closed)}` : `Open: recorded ${on(source.recorded)}`;
  const tally = `${count(source.findingIds.length, 'finding', 'findings')}, ${count(recommendations.length, 'recommendation', 'recommendations')}`;
  const impact = actions.length === 0 ? 'no actions yet' : `impact assured for ${assured} of ${count(actions.length, 'action', 'actions')}`;
  return { status: source.closed ? 'closed' : 'open', why: sentence(`${opening}; ${tally}; ${impact}`) };
}

export function explainFinding(finding: FindingFacts, ledger: Ledger): Explained {
  const citing = [...ledger.recommendations.values()].filter((r) => r.findingIds.includes(finding.id));
  const numbers = citing.map((r) => r.number).filter((n): n is string => n !== null);
  if (citing.length > 0) {
    const named =
      numbers.length === citing.length
        ? `${citing.length === 1 ? 'recommendation' : 'recommendations'} ${list(numbers)}`
        : count(citing.length, 'recommendation', 'recommendations');
    return { status: 'recommended', why: sentence(`Recorded ${on(finding.recorded)}; addressed by ${named}`) };
  }
  if (finding.goodPractice)
    return { status: 'good-practice', why: sentence(`Good practice recorded ${on(finding.recorded)}; no recommendation needed`) };
  return { status: 'no-recommendation', why: sentence(`Recorded ${on(finding.recorded)}; no recommendation cites it yet`) };
}

/** Same rule as the recommendations read model: derived from the response and the linked actions. */
export function explainRecommendation(recommendation: RecommendationFacts, ledger: Ledger): Explained {
  const response = recommendation.responses[recommendation.responses.length - 1] ?? null;
  const actions = actionsOf(ledger, recommendation.id);
  const open = actions.filter((a) => !['closed', 'cancelled', 'superseded'].includes(a.status)).length;
  const ended = actions.filter((a) => a.status === 'closed' || a.status === 'cancelled').length;
  const responded = response
    ? done(response.decision.replace(/-/g, ' '), response.stamp) + (response.reason ? ` (${response.reason.replace(/[.]+$/, '')})` : '')
    : 'no response recorded yet';
  if (response?.decision === 'not-accepted') return { status: 'responded', why: sentence(responded) };
  if (open === 0 && ended > 0) {
    const all = ended === 1 ? 'its linked action' : `all ${ended} linked actions`;
    return { status: 'closed', why: sentence(`Closed: ${all} closed or cancelled; ${responded}`) };
  }
  if (open > 0)
    return {
      status: 'in-delivery',
      why: sentence(`In delivery: ${responded}; ${open} of ${count(actions.length, 'linked action', 'linked actions')} still open`),
    };
  if (response) return { status: 'responded', why: sentence(`${responded}; no action proposed yet`) };
  return { status: 'made', why: sentence(`Made ${on(recommendation.made)}; ${responded}`) };
}

export function explainAction(action: ActionFacts, ledger: Ledger, today: string): Explained {
  const timing = [overdueNote(action, today), slippedNote(action)].filter((note) => note !== '').join(' ');
  return { status: action.status, why: [sentence(actionState(action, ledger)), timing].filter((part) => part !== '').join(' ') };
}

function actionState(a: ActionFacts, ledger: Ledger): string {
  switch (a.status) {
    case 'proposed':
      return `Proposed ${on(a.proposed)}; not yet agreed`;
    case 'agreed':
      return `${done('Agreed', a.firstAgreed ?? a.proposed)}; not yet started`;
    case 'in-progress':
      if (a.impactNotDemonstrated)
        return `Back in progress: impact not demonstrated ${on(a.impactNotDemonstrated)} (${a.impactNotDemonstrated.reason.replace(/[.]+$/, '')})`;
      if (a.reopened) return `Reopened ${on(a.reopened)}: ${a.reopened.reason}`;
      return `In progress since ${formatInstant((a.started ?? a.firstAgreed ?? a.proposed).at)}`;
    case 'paused':
      return `Paused ${on(a.paused ?? a.proposed)}`;
    case 'completion-claimed':
      return `Completion claimed ${on(a.claimed ?? a.proposed)} with ${count(a.evidenceIds.length, 'piece of evidence', 'pieces of evidence')}; awaiting verification`;
    case 'completion-verified':
      return `${done('Completion verified', a.verified ?? a.proposed)}; impact not yet assured`;
    case 'impact-assured':
      return done('Impact assured', a.impactAssured ?? a.proposed);
    case 'closed':
      return a.impactAssured
        ? `Closed ${on(a.closed ?? a.proposed)} after impact was assured${done('', a.impactAssured)}`
        : `Closed ${on(a.closed ?? a.proposed)}`;
    case 'cancelled':
      return `Cancelled ${on(a.cancelled ?? a.proposed)}: ${a.cancelled?.reason ?? ''}`;
    case 'superseded': {
      const successor = a.superseded ? ledger.actions.get(a.superseded.successorActionId) : undefined;
      const by = successor ? ` by ${quoted(successor.description)}` : '';
      return `Superseded ${on(a.superseded ?? a.proposed)}${by}: ${a.superseded?.reason ?? ''}`;
    }
  }
}

function overdueNote(a: ActionFacts, today: string): string {
  if (!isOverdue(a, today)) return '';
  const late = daysBetween(a.targetDate, today);
  return `Overdue: target date ${formatDay(a.targetDate)} passed ${count(late, 'day', 'days')} ago.`;
}

function slippedNote(a: ActionFacts): string {
  if (a.revisions.length === 0) return '';
  return `Slipped: target date revised ${a.revisions.length === 1 ? 'once' : `${a.revisions.length} times`}, from ${formatDay(a.originalTargetDate)} to ${formatDay(a.targetDate)}.`;
}

export function explainEvidence(item: EvidenceFacts): Explained {
  const what = `${KIND_WORDS[item.kind] ?? 'Evidence'} ${quoted(item.title)} attached ${on(item.attached)}`;
  return item.describesImpact
    ? { status: 'impact-evidence', why: sentence(`${what}; evidences impact on practice`) }
    : { status: 'delivery-evidence', why: sentence(`${what}; evidences delivery, not impact`) };
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  policy: 'Policy',
  training: 'Training record',
  'audit-result': 'Audit result',
  minutes: 'Minutes',
  data: 'Data',
  other: 'Evidence',
};

/** The end of the chain: has the action been shown to change practice, and if not, what is missing. */
export function explainImpact(a: ActionFacts): Explained {
  const evidence = count(a.impactEvidenceCount, 'piece of impact evidence', 'pieces of impact evidence');
  if (a.impactStatus === 'assured' && a.impactAssured) {
    const method = a.impactAssured.method ? ` (method: ${a.impactAssured.method})` : '';
    return { status: 'assured', why: sentence(`${done('Impact assured', a.impactAssured)}${method}; ${evidence}`) };
  }
  if (a.status === 'cancelled' || a.status === 'superseded') {
    const ended = a.status === 'cancelled' ? a.cancelled : a.superseded;
    return { status: 'not-applicable', why: sentence(`Not applicable: the action was ${a.status} ${ended ? on(ended) : ''}`) };
  }
  if (a.impactStatus === 'not-demonstrated' && a.impactNotDemonstrated) {
    return {
      status: 'not-demonstrated',
      why: sentence(`Impact not demonstrated ${on(a.impactNotDemonstrated)}: ${a.impactNotDemonstrated.reason}`),
    };
  }
  const completion =
    a.status === 'completion-verified' && a.verified
      ? done('completion verified', a.verified)
      : a.status === 'completion-claimed' && a.claimed
        ? `completion claimed ${on(a.claimed)}, not yet verified`
        : 'completion not yet verified';
  const attached = a.impactEvidenceCount === 0 ? 'no impact evidence attached' : `${evidence} attached, awaiting assurance`;
  return { status: a.impactStatus, why: sentence(`Impact not yet assured: ${completion}; ${attached}`) };
}
