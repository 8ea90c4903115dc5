import type { EvidenceKind, Rag } from '../../domain/action/action.commands';
import type { ActionStatus } from '../../domain/action/action.state';
import type { RetentionClass } from '../../domain/action/retention/retention-class';

export interface TargetDateRevisionEntry {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

export interface EvidenceEntry {
  readonly evidenceId: string;
  readonly title: string;
  readonly kind: EvidenceKind;
  readonly uri: string | null;
  readonly sha256: string | null;
  readonly describesImpact: boolean;
  readonly effectiveFrom: string | null;
  /** Business time of EvidenceAttached. */
  readonly attachedAt: string;
  readonly retentionClass: RetentionClass;
  /** `YYYY-MM-DD` retention runs from, and the first day it may be disposed of (null: permanent). */
  readonly retentionFrom: string | null;
  readonly disposalDueOn: string | null;
  /**
   * When the retention job disposed of it (null while held). A disposed entry keeps its title,
   * kind, impact flag, dates and class — the record that it existed — but not its uri or sha256.
   */
  readonly disposedAt: string | null;
}

export interface LatestUpdate {
  readonly narrative: string;
  readonly rag: Rag;
  readonly occurredAt: string;
  readonly actorUserId: string;
}

/**
 * Where the action stands on impact (stored; it follows from events alone):
 * - `not-started`: completion not yet verified and no impact evidence;
 * - `awaiting-evidence`: completion verified, no impact evidence yet;
 * - `evidence-attached`: at least one piece of impact evidence, impact not yet assured;
 * - `assured`: ImpactAssured (until the action is reopened);
 * - `not-demonstrated`: ImpactNotDemonstrated, until new impact evidence or a new verification.
 */
export const IMPACT_STATUSES = ['not-started', 'awaiting-evidence', 'evidence-attached', 'assured', 'not-demonstrated'] as const;
export type ImpactStatus = (typeof IMPACT_STATUSES)[number];

export interface ImpactAssurance {
  readonly assuredAt: string;
  readonly method: string | null;
  readonly forum: string | null;
}

/** One action-plan action (table rm_actions). Overdue, slipped and stale are never stored. */
export interface ActionDocument {
  readonly id: string;
  readonly partnershipId: string;
  readonly recommendationIds: readonly string[];
  readonly description: string;
  readonly leadAgencyId: string;
  readonly owner: string | null;
  readonly successMeasure: string;
  readonly status: ActionStatus;
  readonly targetDate: {
    readonly original: string;
    readonly current: string;
    readonly revisions: readonly TargetDateRevisionEntry[];
  };
  /** The RAG of the latest progress update (owner-asserted), null before any. */
  readonly ownerRag: Rag | null;
  readonly latestUpdate: LatestUpdate | null;
  readonly updateCount: number;
  readonly evidence: readonly EvidenceEntry[];
  readonly evidenceCount: number;
  readonly impactEvidenceCount: number;
  readonly impactStatus: ImpactStatus;
  readonly impactAssurance: ImpactAssurance | null;
  /** Business time of the latest progress update. */
  readonly lastProgressAt: string | null;
  readonly agreedAt: string | null;
  readonly reopenedAt: string | null;
  /** The latest verification of completion and the forum that made it. */
  readonly completionVerifiedAt: string | null;
  readonly verifyingForum: string | null;
  readonly closedAt: string | null;
  readonly successorActionId: string | null;
  readonly cancelReason: string | null;
  readonly supersedeReason: string | null;
  /** Stream version of the last event applied. */
  readonly version: number;
  /** Business time of ActionProposed and of the last event. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Record time of the last event. */
  readonly lastRecordedAt: string;
}
