import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { figures, type RunFigures } from './stats';

export interface PlannedRequest {
  /** Requests with the same label are summarised together. */
  readonly label: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: object;
}

export interface LoadPlan {
  readonly host: string;
  readonly port: number;
  /** One entry per concurrent client: the requests it sends in turn, cycling. */
  readonly clients: readonly (readonly PlannedRequest[])[];
  /** Stop after this many requests in total, or after maxDurationMs, whichever comes first. */
  readonly maxRequests: number;
  readonly maxDurationMs: number;
}

export interface LoadResult {
  readonly elapsedMs: number;
  readonly labels: Record<
    string,
    { latenciesMs: number[]; errors: number; statuses: Record<number, number>; firstFailure: string | undefined }
  >;
}

/** Runs `plan` in a worker thread and returns the figures of each label. */
export async function runLoad(plan: LoadPlan): Promise<Record<string, RunFigures & { readonly firstFailure?: string }>> {
  const result = await new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'http-load.worker.js'), { workerData: plan });
    worker.once('message', (message: LoadResult | { error: string }) => {
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  const out: Record<string, RunFigures & { readonly firstFailure?: string }> = {};
  for (const [label, stats] of Object.entries(result.labels)) {
    out[label] = {
      ...figures(stats.latenciesMs, stats.errors, result.elapsedMs),
      ...(stats.firstFailure ? { firstFailure: stats.firstFailure } : {}),
    };
  }
  return out;
}

/** `count` clients that each repeat one request. */
export function sameRequestClients(count: number, planned: (client: number) => PlannedRequest): PlannedRequest[][] {
  return Array.from({ length: count }, (_, client) => [planned(client)]);
}
