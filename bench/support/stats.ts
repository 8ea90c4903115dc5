/** Latency and throughput figures of one timed run. */
export interface RunFigures {
  /** Operations that succeeded. */
  readonly count: number;
  /** Operations that failed (non-2xx, or a thrown error). */
  readonly errors: number;
  readonly elapsedMs: number;
  /** Successful operations per second of wall time. */
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** The `q` quantile (0..1) of ascending `sorted`, nearest-rank; NaN for none. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function figures(latenciesMs: ArrayLike<number>, errors: number, elapsedMs: number): RunFigures {
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    count: sorted.length,
    errors,
    elapsedMs,
    perSecond: (sorted.length * 1000) / elapsedMs,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
  };
}

/** The run with the highest throughput: on a shared machine noise only ever slows a run down. */
export function bestThroughput(runs: readonly RunFigures[]): RunFigures {
  return runs.reduce((best, run) => (run.perSecond > best.perSecond ? run : best));
}

/** The run with the lowest p99 (same reasoning as bestThroughput). */
export function bestLatency(runs: readonly RunFigures[]): RunFigures {
  return runs.reduce((best, run) => (run.p99Ms < best.p99Ms ? run : best));
}

/**
 * `total` operations shared by `workers` concurrent loops (worker w runs its i-th operation as
 * `operation(w, i)`), each timed; a failure is counted, not thrown.
 */
export async function runConcurrently(
  workers: number,
  total: number,
  operation: (worker: number, index: number) => Promise<unknown>,
): Promise<RunFigures & { readonly firstError?: Error }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: Error | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      const share = Math.floor(total / workers) + (worker < total % workers ? 1 : 0);
      for (let index = 0; index < share; index++) {
        const begin = performance.now();
        try {
          await operation(worker, index);
          latencies.push(performance.now() - begin);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error : new Error(JSON.stringify(error));
        }
      }
    }),
  );
  return { ...figures(latencies, errors, performance.now() - started), ...(firstError === undefined ? {} : { firstError }) };
}
