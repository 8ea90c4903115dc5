import { createHash } from 'node:crypto';
import type { IdRegistry } from './id-registry';
import type {
  ActionSpec,
  ActionStep,
  AgencySpec,
  ChallengeSpec,
  ChallengeStep,
  Day,
  FindingSpec,
  Forum,
  RecommendationSpec,
  Scenario,
  SourceSpec,
  Timeline,
} from './scenario';

/**
 * Pure mapping from scenario items to HTTP commands of the public contract (DESIGN §5): the
 * path under /api/v1, exactly the body fields the endpoint accepts, and an Idempotency-Key.
 */
export interface CommandRequest {
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly key: string;
}

/** Back-dating needs a reason: the one given when a command has none of its own. */
export const LOADER_REASON = "Loaded from the partnership's action-plan spreadsheet (synthetic demo data)";

interface Context {
  readonly t: Timeline;
  readonly ids: IdRegistry;
}

/** occurredAt (and the reason back-dating needs), plus the dated forum when one decided. */
function businessTime(t: Timeline, day: Day, seq: number, reason: string = LOADER_REASON, forum?: Forum): Record<string, unknown> {
  return { occurredAt: t.instant(day, seq), reason, ...(forum ? { forum: `${forum}, ${t.date(day)}` } : {}) };
}

const withYear = (text: string, t: Timeline, day: Day) => text.replaceAll('{year}', String(t.year(day)));

export function registerPartnership(scenario: Scenario, t: Timeline, runId: string): CommandRequest {
  const { name, localAuthorities, day } = scenario.partnership;
  // POST /partnerships has no partnership yet, so the API scopes its key to the caller only: a run id keeps each run's partnership new.
  return { path: '/partnerships', key: `demo-${runId}-partnership`, body: { name, localAuthorities, ...businessTime(t, day, 0) } };
}

export function addAgency(agency: AgencySpec, index: number, day: Day, { t, ids }: Context): CommandRequest {
  return {
    path: `/partnerships/${ids.partnershipId}/agencies`,
    key: `demo-agency-${agency.key}`,
    body: { name: agency.name, kind: agency.kind, ...businessTime(t, day, index + 1) },
  };
}

export function recordSource(source: SourceSpec, { t, ids }: Context): CommandRequest {
  const body = {
    kind: source.kind,
    title: withYear(source.title, t, source.day),
    reference: withYear(source.reference, t, source.day),
    ...businessTime(t, source.day, 0, LOADER_REASON, source.forum),
  };
  return { path: `/partnerships/${ids.partnershipId}/sources`, key: `demo-source-${source.key}`, body };
}

export function recordFinding(source: SourceSpec, finding: FindingSpec, index: number, { t, ids }: Context): CommandRequest {
  return {
    path: `/partnerships/${ids.partnershipId}/sources/${ids.get('source', source.key)}/findings`,
    key: `demo-finding-${source.key}-${finding.key}`,
    body: {
      summary: finding.summary,
      themes: finding.themes,
      enablers: finding.enablers,
      goodPractice: finding.goodPractice ?? false,
      ...businessTime(t, finding.day, index + 1),
    },
  };
}

export function makeRecommendation(rec: RecommendationSpec, { t, ids }: Context): CommandRequest {
  const body = {
    sourceId: ids.get('source', rec.source),
    findingIds: rec.findings.map((finding) => ids.get('finding', `${rec.source}/${finding}`)),
    number: rec.number,
    text: rec.text,
    addresseeAgencyIds: rec.addressees.map((agency) => ids.get('agency', agency)),
    scope: rec.scope,
    ...businessTime(t, rec.day, 0),
  };
  return { path: `/partnerships/${ids.partnershipId}/recommendations`, key: `demo-recommendation-${rec.key}`, body };
}

export function respondToRecommendation(rec: RecommendationSpec, { t, ids }: Context): CommandRequest {
  const { day, decision, reason, forum } = rec.response;
  return {
    path: `/partnerships/${ids.partnershipId}/recommendations/${ids.get('recommendation', rec.key)}/responses`,
    key: `demo-recommendation-${rec.key}-response`,
    body: { decision, ...businessTime(t, day, 1, reason, forum) },
  };
}

export function proposeAction(action: ActionSpec, { t, ids }: Context): CommandRequest {
  const body = {
    recommendationIds: action.recommendations.map((rec) => ids.get('recommendation', rec)),
    description: action.description,
    leadAgencyId: ids.get('agency', action.lead),
    owner: action.owner,
    targetDate: t.date(action.targetDay),
    successMeasure: action.successMeasure,
    ...businessTime(t, action.day, 0),
  };
  return { path: `/partnerships/${ids.partnershipId}/actions`, key: `demo-action-${action.key}`, body };
}

/** The `index`-th step of an action's journey (the proposal is seq 0, so the step is seq index + 1). */
export function actionStep(action: ActionSpec, step: ActionStep, index: number, { t, ids }: Context): CommandRequest {
  const base = `/partnerships/${ids.partnershipId}/actions/${ids.get('action', action.key)}`;
  const key = `demo-action-${action.key}-${index + 1}-${step.do}`;
  const seq = index + 1;
  switch (step.do) {
    case 'progress':
      return {
        path: `${base}/progress-updates`,
        key,
        body: { narrative: step.narrative, rag: step.rag, ...businessTime(t, step.day, seq, LOADER_REASON, step.forum) },
      };
    case 'revise-target':
      return {
        path: `${base}/target-date-revisions`,
        key,
        body: { newTargetDate: t.date(step.newTargetDay), ...businessTime(t, step.day, seq, step.reason, step.forum) },
      };
    case 'evidence':
      return {
        path: `${base}/evidence`,
        key,
        body: { ...evidenceBody(action, step, t), ...businessTime(t, step.day, seq, LOADER_REASON, step.forum) },
      };
    case 'supersede':
      return {
        path: `${base}/supersede`,
        key,
        body: { successorActionId: ids.get('action', step.successor), ...businessTime(t, step.day, seq, step.reason, step.forum) },
      };
    case 'pause':
    case 'return-completion':
    case 'record-impact-not-demonstrated':
    case 'cancel':
    case 'reopen':
      return { path: `${base}/${step.do}`, key, body: businessTime(t, step.day, seq, step.reason, step.forum) };
    case 'agree':
    case 'start':
    case 'resume':
    case 'claim-completion':
    case 'verify-completion':
    case 'assure-impact':
    case 'close':
      return { path: `${base}/${step.do}`, key, body: businessTime(t, step.day, seq, LOADER_REASON, step.forum) };
    default:
      return unreachable(step);
  }
}

function evidenceBody(action: ActionSpec, step: Extract<ActionStep, { do: 'evidence' }>, t: Timeline): Record<string, unknown> {
  const slug = step.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return {
    title: step.title,
    kind: step.kind,
    uri: `https://documents.northshire.example/ledger-demo/${action.key}/${slug}.pdf`,
    sha256: syntheticSha256(action.key, step.title),
    describesImpact: step.describesImpact,
    effectiveFrom: t.date(step.day),
  };
}

/** SHA-256 of the synthetic document that stands in for the evidence. */
export function syntheticSha256(actionKey: string, title: string): string {
  return createHash('sha256').update(`Synthetic demo document (Learning Ledger)\naction: ${actionKey}\ntitle: ${title}\n`).digest('hex');
}

export function raiseChallenge(challenge: ChallengeSpec, { t, ids }: Context): CommandRequest {
  const body = {
    toAgencyId: ids.get('agency', challenge.to),
    subject: challenge.subject,
    detail: challenge.detail,
    responseDueDate: t.date(challenge.responseDueDay),
    ...businessTime(t, challenge.day, 0),
  };
  return { path: `/partnerships/${ids.partnershipId}/challenges`, key: `demo-challenge-${challenge.key}`, body };
}

export function challengeStep(challenge: ChallengeSpec, step: ChallengeStep, index: number, { t, ids }: Context): CommandRequest {
  const base = `/partnerships/${ids.partnershipId}/challenges/${ids.get('challenge', challenge.key)}`;
  const key = `demo-challenge-${challenge.key}-${index + 1}-${step.do}`;
  const time = (reason: string = LOADER_REASON) => businessTime(t, step.day, index + 1, reason, step.forum);
  switch (step.do) {
    case 'link-action':
      return { path: `${base}/linked-actions`, key, body: { actionId: ids.get('action', step.action), ...time() } };
    case 'respond':
      return { path: `${base}/respond`, key, body: { response: step.response, ...time() } };
    case 'resolve':
      return { path: `${base}/resolve`, key, body: { outcome: step.outcome, ...time() } };
    case 'escalate':
      return { path: `${base}/escalate`, key, body: { level: step.level, ...time(step.reason) } };
    case 'reject-response':
    case 'withdraw':
      return { path: `${base}/${step.do}`, key, body: time(step.reason) };
    case 'acknowledge':
    case 'accept-response':
    case 'close':
      return { path: `${base}/${step.do}`, key, body: time() };
    default:
      return unreachable(step);
  }
}

function unreachable(step: never): never {
  throw new Error(`demo loader: unknown step ${JSON.stringify(step)}`);
}
