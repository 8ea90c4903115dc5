import { LedgerError, type Actor, type CommandMetadata } from '@ledger/event-sourcing';
import { actionDecider, recommendationDecider, sourceDecider, type ActionCommand, type ActionState } from '@ledger/learning';
import type { ImportProblem } from './import-errors';
import { canonicalHeader, type HeaderMap, type ImportedKey } from './import-headers';
import type { ImportPlan, PlannedAction } from './import-plan';

/** One command an imported action goes through after it is proposed. */
export type ActionStep =
  | { readonly kind: 'revise'; readonly to: string; readonly reason: string }
  | { readonly kind: 'agree' }
  | { readonly kind: 'start' }
  | { readonly kind: 'pause' };

const STEPS_TO: Record<PlannedAction['row']['status'], readonly ('agree' | 'start' | 'pause')[]> = {
  proposed: [],
  agreed: ['agree'],
  'in-progress': ['agree', 'start'],
  paused: ['agree', 'start', 'pause'],
};

/** Target-date revisions first (the file's chain), then the lifecycle up to the row's status. */
export function actionSteps(action: PlannedAction): ActionStep[] {
  return [
    ...action.row.revisions.map((revision) => ({ kind: 'revise' as const, ...revision })),
    ...STEPS_TO[action.row.status].map((kind) => ({ kind })),
  ];
}

const LIFECYCLE_COMMANDS = { agree: 'AgreeAction', start: 'StartAction', pause: 'PauseAction' } as const;

/** A decider's field, as the column it came from. */
const COLUMN_OF_FIELD: Record<string, ImportedKey> = {
  title: 'sourceTitle',
  kind: 'sourceKind',
  number: 'recommendationNumber',
  text: 'recommendationText',
  description: 'action',
  successMeasure: 'successMeasure',
  leadAgencyId: 'leadAgency',
  owner: 'owner',
  targetDate: 'targetDateOriginal',
};

/**
 * Runs every new item's commands through the pure deciders, in memory, before anything is written:
 * whatever the domain would refuse becomes a row problem now, so a real run does not stop half-way.
 */
export function rehearse(plan: ImportPlan, headers: HeaderMap, partnershipId: string, actor: Actor, now: Date): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const metadata: CommandMetadata = { now, actor, occurredAt: now };
  const attempt = (row: number, fallback: ImportedKey, run: () => void): boolean => {
    try {
      run();
      return true;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      const key = COLUMN_OF_FIELD[error.errors[0]?.field ?? ''] ?? fallback;
      problems.push({ row, column: headers.header.get(key) ?? canonicalHeader(key), code: error.code, message: error.message });
      return false;
    }
  };
  const sourceIds = new Map(plan.sources.map((source) => [source.key, source.id]));
  const recommendationIds = new Map(plan.recommendations.map((recommendation) => [recommendation.key, recommendation.id]));

  for (const source of plan.sources.filter((item) => !item.existing && item.kind !== null)) {
    const data = { sourceId: source.id, partnershipId, kind: source.kind!, title: source.title };
    attempt(source.rows[0]!, 'sourceTitle', () =>
      sourceDecider.decide({ type: 'RecordSource', data, metadata }, sourceDecider.initialState()),
    );
  }
  for (const recommendation of plan.recommendations.filter((item) => !item.existing && item.text !== null)) {
    const data = {
      recommendationId: recommendation.id,
      partnershipId,
      sourceId: sourceIds.get(recommendation.sourceKey)!,
      findingIds: [],
      number: recommendation.number,
      text: recommendation.text!,
      addresseeAgencyIds: recommendation.addresseeAgencyIds,
      scope: 'local' as const,
    };
    attempt(recommendation.rows[0]!, 'recommendationText', () =>
      recommendationDecider.decide({ type: 'MakeRecommendation', data, metadata }, recommendationDecider.initialState()),
    );
  }
  for (const action of plan.actions.filter((item) => !item.existing)) {
    const { row } = action;
    let state: ActionState = actionDecider.initialState();
    const run = (command: ActionCommand) => {
      state = actionDecider.decide(command, state).reduce(actionDecider.evolve, state);
    };
    const propose: ActionCommand = {
      type: 'ProposeAction',
      metadata,
      data: {
        actionId: action.id,
        partnershipId,
        recommendationIds: action.recommendationKeys.map((key) => recommendationIds.get(key)!),
        description: row.description,
        leadAgencyId: row.leadAgencyId,
        ...(row.owner !== null ? { owner: row.owner } : {}),
        targetDate: row.targetDateOriginal,
        successMeasure: row.successMeasure,
      },
    };
    const steps: [ImportedKey, ActionCommand][] = [
      ['action', propose],
      ...actionSteps(action).map((step): [ImportedKey, ActionCommand] => [
        step.kind === 'revise' ? 'targetDateRevisions' : 'status',
        step.kind === 'revise'
          ? { type: 'ReviseTargetDate', metadata, data: { actionId: action.id, newTargetDate: step.to, reason: step.reason } }
          : { type: LIFECYCLE_COMMANDS[step.kind], metadata, data: { actionId: action.id } },
      ]),
    ];
    for (const [fallback, command] of steps) if (!attempt(row.line, fallback, () => run(command))) break;
  }
  return problems;
}
