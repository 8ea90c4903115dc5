import type { ProjectionCheckResult, ProjectionDifference } from '@ledger/event-sourcing';
import { loadConfig, type LedgerConfig } from '../../../api/src/config/ledger-config';
import { startRuntime } from '../../../api/src/composition/ledger-runtime';

export interface CheckProjectionsOptions {
  /** Print the results as JSON. */
  readonly json?: boolean;
  /** Differences printed per projection (all are counted). */
  readonly limit?: number;
  /** Defaults to the environment (loadConfig). */
  readonly config?: LedgerConfig;
  readonly out?: NodeJS.WritableStream;
}

const VALUE_WIDTH = 80;

function shown(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > VALUE_WIDTH ? `${text.slice(0, VALUE_WIDTH - 1)}…` : text;
}

export function describeDifference(difference: ProjectionDifference): string {
  const { projection, documentId, field, live, refolded } = difference;
  return `  ${projection} ${documentId} ${field}: live ${shown(live)} vs refolded ${shown(refolded)}`;
}

export function describeCheck(results: readonly ProjectionCheckResult[], limit: number): string {
  const lines: string[] = [];
  for (const result of results) {
    const where = `${result.documents} document(s) at ${result.checkpoint}`;
    if (result.differenceCount === 0) {
      lines.push(`${result.projection.padEnd(16)} ok (${where})`);
      continue;
    }
    lines.push(`${result.projection.padEnd(16)} ${result.differenceCount} difference(s) (${where})`);
    for (const difference of result.differences.slice(0, limit)) lines.push(describeDifference(difference));
    if (result.differenceCount > limit) lines.push(`  … and ${result.differenceCount - limit} more`);
  }
  return lines.join('\n');
}

/**
 * `ledger check-projections [projection]`: refolds each read model from the log up to its live
 * checkpoint and compares it with the live rows; prints every difference (projection, document,
 * field: live vs refolded). Returns the exit code: 1 when anything differs.
 */
export async function runCheckProjections(projection: string | undefined, options: CheckProjectionsOptions = {}): Promise<number> {
  const out = options.out ?? process.stdout;
  const limit = options.limit ?? 50;
  const runtime = await startRuntime(options.config ?? loadConfig(), { runProjections: false });
  let results: ProjectionCheckResult[];
  try {
    results = await runtime.engine.check(projection, { maxDifferences: Math.max(limit, 1) });
  } finally {
    await runtime.close();
  }
  out.write(`${options.json ? JSON.stringify(results, null, 2) : describeCheck(results, limit)}\n`);
  return results.some((result) => result.differenceCount > 0) ? 1 : 0;
}
