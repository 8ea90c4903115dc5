/** Where log lines go; Nest's Logger and `console` both fit. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, trace?: string): void;
}

export interface ProjectionEngineOptions {
  /** Events read per page, applied in one transaction (default 500). */
  readonly batchSize?: number;
  /** Polling fallback when no notification wakes the daemon (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** How often a standby daemon retries the advisory lock (default 3000 ms). */
  readonly standbyRetryMs?: number;
  /** First wait after a failed batch; doubles up to 30 s while it keeps failing (default 1000 ms). */
  readonly errorBackoffMs?: number;
  readonly logger?: ProjectionLogger;
}

export type ProjectionRole = 'stopped' | 'standby' | 'active';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** Version the read model was built with (from projection_checkpoints); differs → rebuild. */
  readonly storedVersion: number | null;
  /** `active` holds the advisory lock and applies; `standby` waits for it. */
  readonly role: ProjectionRole;
  /** Last checkpoint this process saved or read; null before it first held the lock. */
  readonly checkpoint: string | null;
  readonly lastError: string | null;
}

export interface RebuildProgress {
  /** Events read so far (all types, handled or not). */
  readonly processed: number;
  /** Events expected in all, when the caller told `rebuild`. */
  readonly total?: number;
  readonly eventsPerSecond: number;
}

export interface RebuildOptions {
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Passed through to onProgress, e.g. from a count of the events table. */
  readonly total?: number;
}

export interface RebuildResult {
  readonly processed: number;
  readonly checkpoint: string;
  readonly seconds: number;
}

export type CheckpointListener = (name: string, checkpoint: string) => void;

/** Anything that reports committed checkpoints in-process (the local engine). */
export interface CheckpointSource {
  onCheckpoint(listener: CheckpointListener): () => void;
}

/** Another session holds the projection's advisory lock. */
export class ProjectionLocked extends Error {
  constructor(
    readonly projection: string,
    action: string,
  ) {
    super(`cannot ${action} projection ${projection}: another process holds its lock (stop the projector first, or let it apply)`);
    this.name = 'ProjectionLocked';
  }
}

export const silentProjectionLogger: ProjectionLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
