import { randomUUID } from 'node:crypto';
import { ApiClient, type FetchLike } from './api-client';
import { inBatches } from './batches';
import { IdRegistry } from './id-registry';
import { journeyStatus } from './journey-status';
import * as requests from './requests';
import { ACTION_STATUSES, NORTHSHIRE, timeline, type ActionStatus, type Scenario } from './scenario';

export interface DemoCounts {
  readonly agencies: number;
  readonly sources: number;
  readonly findings: number;
  readonly recommendations: number;
  readonly actions: number;
  readonly progressUpdates: number;
  readonly evidence: number;
  readonly targetDateRevisions: number;
  readonly challenges: number;
  readonly commands: number;
}

export interface DemoSummary {
  readonly partnershipId: string;
  readonly counts: DemoCounts;
  /** The status each action's journey ends in (as loaded). */
  readonly actionsByStatus: Record<ActionStatus, number>;
}

export interface LoadDemoOptions {
  readonly baseUrl: string;
  /** A platform-admin JWT. */
  readonly token: string;
  readonly log: (line: string) => void;
  /** The end of the eighteen-month history; defaults to the current time. */
  readonly now?: Date;
  /** Items loaded side by side (each item's own commands stay in order). */
  readonly concurrency?: number;
  readonly fetch?: FetchLike;
  readonly scenario?: Scenario;
}

interface SourceView {
  readonly findings?: readonly { readonly findingId: string; readonly summary: string }[];
}

/**
 * Loads the synthetic Northshire partnership through the public HTTP contract only, every
 * command back-dated along the scenario's timeline. Each run registers a new partnership.
 */
export async function loadDemo(options: LoadDemoOptions): Promise<DemoSummary> {
  const scenario = options.scenario ?? NORTHSHIRE;
  const t = timeline(options.now ?? new Date());
  const api = new ApiClient({ baseUrl: options.baseUrl, token: options.token, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const size = options.concurrency ?? 4;
  const { log } = options;

  const registered = await send(api, requests.registerPartnership(scenario, t, randomUUID().slice(0, 8)));
  const ids = new IdRegistry(registered.id);
  const context = { t, ids };
  log(`Registered '${scenario.partnership.name}' (${ids.partnershipId}), history from ${t.date(0)}`);

  for (const [index, agency] of scenario.agencies.entries())
    await send(api, requests.addAgency(agency, index, scenario.partnership.day, context));
  const agencies = await api.get<{ items: { id: string; name: string }[] }>(`/partnerships/${ids.partnershipId}/agencies`);
  for (const agency of scenario.agencies) {
    const found = agencies.items.find((item) => item.name === agency.name);
    if (!found) throw new Error(`demo loader: agency '${agency.name}' is missing from GET /partnerships/${ids.partnershipId}/agencies`);
    ids.set('agency', agency.key, found.id);
  }
  log(`Added ${scenario.agencies.length} agencies`);

  await inBatches(scenario.sources, size, async (source) => {
    ids.set('source', source.key, (await send(api, requests.recordSource(source, context))).id);
    for (const [index, finding] of source.findings.entries()) await send(api, requests.recordFinding(source, finding, index, context));
    const view = await api.get<SourceView>(`/partnerships/${ids.partnershipId}/sources/${ids.get('source', source.key)}`);
    for (const finding of source.findings)
      ids.set('finding', `${source.key}/${finding.key}`, findingIdOf(view, finding.summary, source.key));
    log(`Source ${source.key}: ${source.kind} with ${source.findings.length} findings`);
  });

  await inBatches(scenario.recommendations, size, async (rec) => {
    ids.set('recommendation', rec.key, (await send(api, requests.makeRecommendation(rec, context))).id);
    await send(api, requests.respondToRecommendation(rec, context));
  });
  log(`Made and answered ${scenario.recommendations.length} recommendations`);

  // Every action exists before any journey runs, so a supersede step can name its successor.
  await inBatches(scenario.actions, size, async (action) => {
    ids.set('action', action.key, (await send(api, requests.proposeAction(action, context))).id);
  });
  let walked = 0;
  await inBatches(scenario.actions, size, async (action) => {
    for (const [index, step] of action.journey.entries()) await send(api, requests.actionStep(action, step, index, context));
    walked += 1;
    if (walked % 10 === 0 || walked === scenario.actions.length)
      log(`Actions: ${walked}/${scenario.actions.length} walked through their history`);
  });

  await inBatches(scenario.challenges, size, async (challenge) => {
    ids.set('challenge', challenge.key, (await send(api, requests.raiseChallenge(challenge, context))).id);
    for (const [index, step] of challenge.steps.entries()) await send(api, requests.challengeStep(challenge, step, index, context));
  });
  log(`Logged ${scenario.challenges.length} challenges`);

  return summarise(scenario, ids.partnershipId, api.commandsSent);
}

function send(api: ApiClient, request: requests.CommandRequest) {
  return api.post(request.path, request.body, request.key);
}

function findingIdOf(view: SourceView, summary: string, sourceKey: string): string {
  const found = view.findings?.find((finding) => finding.summary.trim() === summary.trim());
  if (!found) throw new Error(`demo loader: a finding of source '${sourceKey}' is missing from its GET answer`);
  return found.findingId;
}

function summarise(scenario: Scenario, partnershipId: string, commands: number): DemoSummary {
  const steps = scenario.actions.flatMap((action) => action.journey);
  const actionsByStatus = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<ActionStatus, number>;
  for (const action of scenario.actions) actionsByStatus[journeyStatus(action.journey)] += 1;
  return {
    partnershipId,
    counts: {
      agencies: scenario.agencies.length,
      sources: scenario.sources.length,
      findings: scenario.sources.reduce((sum, source) => sum + source.findings.length, 0),
      recommendations: scenario.recommendations.length,
      actions: scenario.actions.length,
      progressUpdates: steps.filter((step) => step.do === 'progress').length,
      evidence: steps.filter((step) => step.do === 'evidence').length,
      targetDateRevisions: steps.filter((step) => step.do === 'revise-target').length,
      challenges: scenario.challenges.length,
      commands,
    },
    actionsByStatus,
  };
}
