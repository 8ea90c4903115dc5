import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EVENT_STORE, PROJECTION_PROGRESS, type CommandContext, type EventStore, type ProjectionProgress } from '@ledger/event-sourcing';
import { AGENCY_DIRECTORY, type AgencyDirectory } from '@ledger/learning';
import { Clock } from '../core/clock';
import { TimeTravelReader } from '../time-travel/time-travel.reader';
import { ImportCommands } from './import-commands';
import type { ImportProblem } from './import-errors';
import { mapHeaders } from './import-headers';
import { planImport, type ImportPlan } from './import-plan';
import { actionSteps, rehearse } from './import-rehearsal';
import { readImportRows } from './import-rows';
import { readImportTable, type ImportFormat } from './import-table';

/** What an import did, or would do (dry run): every problem by row and column, and every item. */
export interface ImportReport {
  readonly dryRun: boolean;
  readonly valid: boolean;
  readonly rows: number;
  readonly ignoredColumns: readonly string[];
  readonly problems: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
  /** New items (created, or that a real run would create) and items matched in the partnership. */
  readonly created: { readonly sources: number; readonly recommendations: number; readonly actions: number };
  readonly existing: { readonly sources: number; readonly recommendations: number; readonly actions: number };
  readonly items: readonly { readonly kind: string; readonly id: string; readonly existing: boolean; readonly rows: readonly number[] }[];
}

/** Commands of one import in flight at once: each is a few round trips to the database, not CPU. */
const IMPORT_CONCURRENCY = 8;

/** Runs `work` on every item, starting them in order, at most `limit` at a time; after a failure starts no more, and throws it. */
async function eachAtMost<T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const byRowThenColumn = (a: ImportProblem, b: ImportProblem) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '');
const count = (plan: ImportPlan, existing: boolean) => ({
  sources: plan.sources.filter((item) => item.existing === existing).length,
  recommendations: plan.recommendations.filter((item) => item.existing === existing).length,
  actions: plan.actions.filter((item) => item.existing === existing).length,
});

/**
 * Imports an action plan from CSV or XLSX through the learning context's command services: read,
 * check every row (columns, agencies, then the deciders in memory), and only when nothing is wrong
 * record sources, recommendations and actions, each command under an Idempotency-Key derived from
 * the row's content, all under one correlation id.
 */
@Injectable()
export class ActionPlanImporter {
  constructor(
    private readonly timeTravel: TimeTravelReader,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
  ) {}

  async run(context: CommandContext, body: Buffer, format: ImportFormat, dryRun: boolean): Promise<ImportReport> {
    const table = await readImportTable(body, format);
    const headers = mapHeaders(table.headers);
    const snapshot = await this.timeTravel.snapshot(context.partnershipId, { asOf: context.now });
    const read = readImportRows(table, headers, snapshot.agencies());
    const existing = {
      sources: snapshot.sources({}),
      recommendations: snapshot.recommendations({}),
      actions: snapshot.actions({}),
    };
    const plan = planImport(read.rows, headers, existing, context);
    const before = [...headers.problems, ...read.problems, ...plan.problems];
    const problems = [
      ...before,
      ...(before.length === 0 ? rehearse(plan, headers, context.partnershipId, context.actor, context.now) : []),
    ];
    const valid = problems.length === 0;
    const report: ImportReport = {
      dryRun,
      valid,
      rows: table.rows.length,
      ignoredColumns: headers.ignored,
      problems: problems.sort(byRowThenColumn),
      warnings: [...headers.warnings, ...read.warnings].sort(byRowThenColumn),
      created: count(plan, false),
      existing: count(plan, true),
      items: [
        ...plan.sources.map((item) => ({ kind: 'source', id: item.id, existing: item.existing, rows: item.rows })),
        ...plan.recommendations.map((item) => ({ kind: 'recommendation', id: item.id, existing: item.existing, rows: item.rows })),
        ...plan.actions.map((item) => ({ kind: 'action', id: item.id, existing: item.existing, rows: item.rows })),
      ],
    };
    if (valid && !dryRun) await this.write(plan, context);
    return report;
  }

  /** Records the new items in order; existing ones are left as they are. */
  private async write(plan: ImportPlan, base: CommandContext): Promise<void> {
    const commands = new ImportCommands(this.store, this.agencies, this.progress);
    // Each command at its own, strictly later instant: the plan orders actions by when they were proposed, so file order is kept.
    let last = base.now.getTime() - 1;
    const keyed = (idempotencyKey: string, request: object, extra: Partial<CommandContext> = {}): CommandContext => ({
      ...base,
      ...extra,
      now: new Date((last = Math.max(this.clock.now().getTime(), last + 1))),
      idempotencyKey,
      requestHash: createHash('sha256')
        .update(`import ${JSON.stringify(request)}`)
        .digest('hex'),
    });
    const sourceIds = new Map(plan.sources.map((source) => [source.key, source.id]));
    const recommendationIds = new Map(plan.recommendations.map((recommendation) => [recommendation.key, recommendation.id]));
    await eachAtMost(
      IMPORT_CONCURRENCY,
      plan.sources.filter((item) => !item.existing),
      async (source) => {
        const body = { kind: source.kind!, title: source.title };
        await commands.run(commands.sources.record(keyed(source.idempotencyKey, body), body));
      },
    );
    await eachAtMost(
      IMPORT_CONCURRENCY,
      plan.recommendations.filter((item) => !item.existing),
      async (recommendation) => {
        const body = {
          sourceId: sourceIds.get(recommendation.sourceKey)!,
          number: recommendation.number,
          text: recommendation.text!,
          addresseeAgencyIds: recommendation.addresseeAgencyIds,
          scope: 'local' as const,
        };
        await commands.run(commands.recommendations.make(keyed(recommendation.idempotencyKey, body), body));
      },
    );
    await eachAtMost(
      IMPORT_CONCURRENCY,
      plan.actions.filter((item) => !item.existing),
      async (action) => {
        const { row } = action;
        const body = {
          recommendationIds: action.recommendationKeys.map((key) => recommendationIds.get(key)!),
          description: row.description,
          leadAgencyId: row.leadAgencyId,
          ...(row.owner !== null ? { owner: row.owner } : {}),
          targetDate: row.targetDateOriginal,
          successMeasure: row.successMeasure,
        };
        await commands.run(commands.actions.propose(keyed(action.idempotencyKey, body), body));
        for (const [index, step] of actionSteps(action).entries()) {
          const context = keyed(`${action.idempotencyKey}:${index}`, step, step.kind === 'revise' ? { reason: step.reason } : {});
          await commands.run(
            step.kind === 'revise'
              ? commands.actions.reviseTargetDate(context, action.id, { newTargetDate: step.to })
              : commands.actions[step.kind](context, action.id),
          );
        }
      },
    );
    await commands.settle();
  }
}
