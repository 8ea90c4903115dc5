/**
 * The partnership's learning ledger folded from its events: plain facts with their business times
 * (ISO instants) and forums. Everything the lineage and the analytics derive starts here.
 */

/** When something happened (business time), when it was recorded, and the forum that decided it. */
export interface Stamp {
  readonly at: string;
  readonly recordedAt: string;
  readonly forum: string | null;
}

export interface AgencyFacts {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface SourceFacts {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly reference: string | null;
  readonly recorded: Stamp;
  readonly findingIds: readonly string[];
  /** Milestone name → when it was reached (the first time). */
  readonly milestones: Readonly<Record<string, Stamp>>;
  readonly closed: Stamp | null;
}

export interface FindingFacts {
  readonly id: string;
  readonly sourceId: string;
  readonly summary: string;
  readonly themes: readonly string[];
  readonly enablers: readonly string[];
  readonly goodPractice: boolean;
  readonly recorded: Stamp;
}

export interface ResponseFacts {
  readonly decision: string;
  readonly reason: string | null;
  readonly stamp: Stamp;
}

export interface RecommendationFacts {
  readonly id: string;
  readonly sourceId: string;
  readonly findingIds: readonly string[];
  readonly number: string | null;
  readonly text: string;
  readonly addresseeAgencyIds: readonly string[];
  readonly scope: string;
  readonly made: Stamp;
  readonly responses: readonly ResponseFacts[];
}

export interface EvidenceFacts {
  readonly id: string;
  readonly actionId: string;
  readonly title: string;
  readonly kind: string;
  readonly describesImpact: boolean;
  readonly effectiveFrom: string | null;
  readonly attached: Stamp;
}

export type ActionStatus =
  | 'proposed'
  | 'agreed'
  | 'in-progress'
  | 'paused'
  | 'completion-claimed'
  | 'completion-verified'
  | 'impact-assured'
  | 'closed'
  | 'cancelled'
  | 'superseded';

/** Where the action stands on impact, by the same rules as the action-plan read model. */
export type ImpactStatus = 'not-started' | 'awaiting-evidence' | 'evidence-attached' | 'assured' | 'not-demonstrated';

export interface RevisionFacts {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly stamp: Stamp;
}

export interface ActionFacts {
  readonly id: string;
  readonly recommendationIds: readonly string[];
  readonly description: string;
  readonly leadAgencyId: string;
  readonly status: ActionStatus;
  readonly impactStatus: ImpactStatus;
  readonly proposed: Stamp;
  readonly originalTargetDate: string;
  readonly targetDate: string;
  readonly revisions: readonly RevisionFacts[];
  /** First occurrences: what cycle times measure. */
  readonly firstAgreed: Stamp | null;
  readonly firstVerified: Stamp | null;
  readonly firstImpactAssured: Stamp | null;
  /** Latest occurrences: what the current status rests on. */
  readonly started: Stamp | null;
  readonly claimed: Stamp | null;
  readonly verified: Stamp | null;
  readonly impactAssured: (Stamp & { readonly method: string | null }) | null;
  readonly impactNotDemonstrated: (Stamp & { readonly reason: string }) | null;
  readonly paused: Stamp | null;
  readonly reopened: (Stamp & { readonly reason: string }) | null;
  readonly closed: Stamp | null;
  readonly cancelled: (Stamp & { readonly reason: string }) | null;
  readonly superseded: (Stamp & { readonly successorActionId: string; readonly reason: string }) | null;
  readonly evidenceIds: readonly string[];
  readonly impactEvidenceCount: number;
  readonly latestUpdate: (Stamp & { readonly rag: string }) | null;
}

export interface ChallengeFacts {
  readonly id: string;
  readonly toAgencyId: string;
  readonly subject: string;
  /** `YYYY-MM-DD`. */
  readonly responseDueDate: string;
  readonly raised: Stamp;
  readonly firstResponse: Stamp | null;
  readonly escalations: readonly (Stamp & { readonly level: string })[];
  readonly resolved: Stamp | null;
  readonly withdrawn: Stamp | null;
  readonly closed: Stamp | null;
  readonly linkedActionIds: readonly string[];
}

export interface Ledger {
  readonly partnership: { readonly id: string; readonly name: string } | null;
  readonly agencies: ReadonlyMap<string, AgencyFacts>;
  readonly subgroups: readonly string[];
  readonly sources: ReadonlyMap<string, SourceFacts>;
  readonly findings: ReadonlyMap<string, FindingFacts>;
  readonly recommendations: ReadonlyMap<string, RecommendationFacts>;
  readonly actions: ReadonlyMap<string, ActionFacts>;
  readonly evidence: ReadonlyMap<string, EvidenceFacts>;
  readonly challenges: ReadonlyMap<string, ChallengeFacts>;
}
