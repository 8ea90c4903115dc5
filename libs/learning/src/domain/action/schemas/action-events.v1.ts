/**
 * Stored JSON shapes, version 1, of every action event (`ActionProposed.v1`, …). These are the
 * bytes in the store and must never change; a new shape gets a new version and an upcaster.
 */
type Rag = 'red' | 'amber' | 'green' | 'blue';
type EvidenceKind = 'policy' | 'training' | 'audit-result' | 'minutes' | 'data' | 'other';

interface Ref {
  readonly actionId: string;
}
interface Reasoned extends Ref {
  readonly reason: string;
}

export interface ActionEventDataV1 {
  readonly ActionProposed: Ref & {
    readonly partnershipId: string;
    readonly recommendationIds: readonly string[];
    readonly description: string;
    readonly leadAgencyId: string;
    readonly owner: string | null;
    readonly targetDate: string;
    readonly successMeasure: string;
  };
  readonly ActionAgreed: Ref;
  readonly ActionStarted: Ref;
  readonly ActionPaused: Ref;
  readonly ActionResumed: Ref;
  readonly CompletionClaimed: Ref;
  readonly CompletionVerified: Ref;
  readonly CompletionReturned: Reasoned;
  readonly ImpactAssured: Ref & { readonly method: string | null };
  readonly ImpactNotDemonstrated: Reasoned;
  readonly ActionClosed: Ref;
  readonly ActionCancelled: Reasoned;
  readonly ActionSuperseded: Reasoned & { readonly successorActionId: string };
  readonly ActionReopened: Reasoned;
  readonly ProgressUpdated: Ref & { readonly updateId: string; readonly narrative: string; readonly rag: Rag };
  readonly TargetDateRevised: Reasoned & {
    readonly previousTargetDate: string;
    readonly newTargetDate: string;
    readonly originalTargetDate: string;
  };
  readonly EvidenceAttached: Ref & {
    readonly evidenceId: string;
    readonly title: string;
    readonly kind: EvidenceKind;
    readonly uri: string | null;
    readonly sha256: string | null;
    readonly describesImpact: boolean;
    readonly effectiveFrom: string | null;
  };
  /** New in the retention release; its first stored shape. */
  readonly EvidenceDisposed: Ref & {
    readonly evidenceId: string;
    readonly retentionClass: 'working-papers' | 'standard' | 'review-record' | 'permanent';
    readonly disposedAt: string;
    readonly reason: 'retention-expired';
  };
}
