/** What the page worker is started with (`workerData`). */
export interface PageWorkerData {
  readonly databaseUrl: string;
  /** The checkpoint to read after. */
  readonly after: string;
  readonly batchSize: number;
  /** Batches the worker may have read and not yet seen taken (its credit at the start). */
  readonly ahead: number;
}

/** Main thread → worker: `more` after a non-empty batch was taken; `resume` after an empty one. */
export type PageRequest = { readonly type: 'more' } | { readonly type: 'resume' };

/**
 * Worker → main thread: one page, ready to send. The CloudEvents values are concatenated into one
 * transferred buffer (message i is `values[offsets[i], offsets[i + 1])`), so the main thread
 * copies no strings.
 */
export interface PageMessage {
  readonly type: 'page';
  readonly after: string;
  readonly checkpoint: string;
  readonly count: number;
  readonly keys: (string | null)[];
  readonly headers: Record<string, string>[];
  readonly values: ArrayBuffer;
  readonly offsets: Uint32Array;
}

/** Worker → main thread: reading or mapping failed (the worker has stopped reading). */
export interface PageFailure {
  readonly type: 'failure';
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type PageReply = PageMessage | PageFailure;
