/** One difference between a live read model and a refold of the log to the same position. */
export interface ProjectionDifference {
  readonly projection: string;
  readonly documentId: string;
  /** `status` (a column), `doc.updates[2].note` (inside the document) or `(row)` (missing on one side). */
  readonly field: string;
  /** undefined: absent on this side. */
  readonly live: unknown;
  readonly refolded: unknown;
}

export interface ProjectionCheckResult {
  readonly projection: string;
  /** The live checkpoint both sides stand at. */
  readonly checkpoint: string;
  /** Rows compared (live and refolded ids together). */
  readonly documents: number;
  /** The first `maxDifferences` differences, in id order. */
  readonly differences: readonly ProjectionDifference[];
  /** How many differences there are in all. */
  readonly differenceCount: number;
}

export interface CheckOptions {
  /** Differences kept in the result (default 1000); all are counted. */
  readonly maxDifferences?: number;
}
