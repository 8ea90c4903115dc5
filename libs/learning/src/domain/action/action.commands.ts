import type { Command } from '@ledger/event-sourcing';
import type { RetentionClass } from './retention/retention-class';

/** Owner-asserted BRAG rating (blue = complete/embedded). */
export const RAG_RATINGS = ['red', 'amber', 'green', 'blue'] as const;
export type Rag = (typeof RAG_RATINGS)[number];

export const EVIDENCE_KINDS = ['policy', 'training', 'audit-result', 'minutes', 'data', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

interface ActionRef {
  readonly actionId: string;
}
interface WithReason extends ActionRef {
  readonly reason: string;
}

export type ProposeAction = Command<
  'ProposeAction',
  ActionRef & {
    readonly partnershipId: string;
    readonly recommendationIds: readonly string[];
    readonly description: string;
    readonly leadAgencyId: string;
    /** Opaque person reference (never a name). */
    readonly owner?: string;
    /** `YYYY-MM-DD`. */
    readonly targetDate: string;
    readonly successMeasure: string;
  }
>;
export type AgreeAction = Command<'AgreeAction', ActionRef>;
export type StartAction = Command<'StartAction', ActionRef>;
export type PauseAction = Command<'PauseAction', ActionRef>;
export type ResumeAction = Command<'ResumeAction', ActionRef>;
export type ClaimCompletion = Command<'ClaimCompletion', ActionRef>;
/** `forum` is the verifying subgroup/meeting; it is stored in event metadata, not data. */
export type VerifyCompletion = Command<'VerifyCompletion', ActionRef & { readonly forum: string }>;
export type ReturnCompletion = Command<'ReturnCompletion', WithReason>;
export type AssureImpact = Command<'AssureImpact', ActionRef & { readonly forum?: string; readonly method?: string }>;
export type RecordImpactNotDemonstrated = Command<'RecordImpactNotDemonstrated', WithReason>;
export type CloseAction = Command<'CloseAction', ActionRef>;
export type CancelAction = Command<'CancelAction', WithReason>;
export type SupersedeAction = Command<'SupersedeAction', WithReason & { readonly successorActionId: string }>;
export type ReopenAction = Command<'ReopenAction', WithReason>;
export type RecordProgressUpdate = Command<
  'RecordProgressUpdate',
  ActionRef & { readonly updateId: string; readonly narrative: string; readonly rag: Rag }
>;
export type ReviseTargetDate = Command<'ReviseTargetDate', WithReason & { readonly newTargetDate: string }>;
export type AttachEvidence = Command<
  'AttachEvidence',
  ActionRef & {
    readonly evidenceId: string;
    readonly title: string;
    readonly kind: EvidenceKind;
    readonly uri?: string;
    /** Hex SHA-256 of the artefact, when known. */
    readonly sha256?: string;
    readonly describesImpact: boolean;
    /** `YYYY-MM-DD`. */
    readonly effectiveFrom?: string;
    /** Defaults to `standard`. */
    readonly retentionClass?: RetentionClass;
  }
>;
/** Issued by the retention job (never over HTTP) once the evidence's retention has run out. */
export type DisposeEvidence = Command<'DisposeEvidence', ActionRef & { readonly evidenceId: string; readonly reason: 'retention-expired' }>;

export type ActionCommand =
  | ProposeAction
  | AgreeAction
  | StartAction
  | PauseAction
  | ResumeAction
  | ClaimCompletion
  | VerifyCompletion
  | ReturnCompletion
  | AssureImpact
  | RecordImpactNotDemonstrated
  | CloseAction
  | CancelAction
  | SupersedeAction
  | ReopenAction
  | RecordProgressUpdate
  | ReviseTargetDate
  | AttachEvidence
  | DisposeEvidence;

export type ActionCommandType = ActionCommand['type'];
