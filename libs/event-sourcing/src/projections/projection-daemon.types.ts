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
  /** Events read per page by a rebuild or a check, one transaction per page (default 5000). */
  readonly rebuildBatchSize?: number;
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
  /** After each committed page; a returned promise is awaited before the next page. */
  readonly onProgress?: (progress: RebuildProgress) => void | Promise<void>;
  /** Passed through to onProgress, e.g. from a count of the events table. */
  readonly total?: number;
  /** How long the switch waits for a running projector to reach the rebuilt position (default 60 s). */
  readonly switchTimeoutMs?: number;
}

/** One read model switched to its new generation. */
export interface SwitchedProjection {
  readonly name: string;
  readonly version: number;
  /** The checkpoint the new generation went live at. */
  readonly checkpoint: string;
  /** projection_checkpoints.generation after the switch. */
  readonly generation: number;
}

export interface RebuildResult {
  /** Events read from the log (once, however many projections were rebuilt). */
  readonly processed: number;
  /** The checkpoint of the last projection switched. */
  readonly checkpoint: string;
  readonly seconds: number;
  readonly switched: readonly SwitchedProjection[];
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

/** Another session is rebuilding the projection (one rebuild per projection at a time). */
export class RebuildInProgress extends Error {
  constructor(readonly projection: string) {
    super(`cannot rebuild projection ${projection}: another rebuild of it is running`);
    this.name = 'RebuildInProgress';
  }
}

export const silentProjectionLogger: ProjectionLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
