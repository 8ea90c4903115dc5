import type { RetentionRunReport } from '@ledger/learning';
import { loadConfig } from '../../../api/src/config/ledger-config';
import { startRuntime } from '../../../api/src/composition/ledger-runtime';

export interface RetentionOptions {
  /** Dispose of what is due; without it, only list it. */
  readonly run?: boolean;
  /** Judge retention as of this instant (ISO-8601); defaults to now. */
  readonly now?: string;
  readonly json?: boolean;
}

/**
 * `ledger retention [--run] [--now <instant>]`: lists the evidence past retention (from the actions
 * read model) or, with --run, disposes of it through the action decider — the same job the
 * projector runs on its schedule, under the same advisory lock. Exit code 2 when another process
 * is running retention at that moment.
 */
export async function runRetention(options: RetentionOptions): Promise<void> {
  const now = options.now === undefined ? new Date() : parseInstant(options.now);
  const runtime = await startRuntime(loadConfig(), { runProjections: false });
  let report: RetentionRunReport | null;
  try {
    report = await runtime.retention.runOnce(now, { dryRun: options.run !== true });
  } finally {
    await runtime.close();
  }
  if (report === null) {
    console.error('another process holds the retention lock and is running retention now; try again later');
    process.exitCode = 2;
    return;
  }
  console.log(options.json ? JSON.stringify(report, null, 2) : describeRetention(report, options.run === true));
}

export function describeRetention(report: RetentionRunReport, ran: boolean): string {
  const verb = ran ? 'disposed of' : 'due (dry run: add --run to dispose)';
  const lines = [`Evidence retention on ${report.today}: ${report.disposed.length} ${verb}, ${report.refused.length} refused`];
  for (const item of report.disposed) {
    lines.push(`  ${item.evidenceId}  ${item.retentionClass.padEnd(14)} due ${item.disposalDueOn}  action ${item.actionId}`);
  }
  for (const item of report.refused) lines.push(`  REFUSED ${item.evidenceId} (${item.code})  action ${item.actionId}`);
  return lines.join('\n');
}

function parseInstant(value: string): Date {
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(instant.getTime())) {
    throw new Error(`--now must be an ISO-8601 instant with a zone, e.g. 2031-03-01T00:00:00Z; got ${value}`);
  }
  return instant;
}
