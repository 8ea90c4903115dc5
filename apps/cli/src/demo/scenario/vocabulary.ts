/** The public contract's enumerations (DESIGN §5), exactly as the API accepts them. */
export const SOURCE_KINDS = [
  'rapid-review',
  'lcspr',
  'national-review',
  'learning-review',
  'multi-agency-audit',
  'section-11',
  'inspection',
  'feedback',
  'peer-review',
  'scrutiny',
] as const;
export const AGENCY_KINDS = ['local-authority', 'police', 'health', 'education', 'probation', 'voluntary', 'other'] as const;
export const ENABLERS = [
  'partnership-working',
  'knowledge-management',
  'frontline-and-family-engagement',
  'subgroups-and-mechanisms',
  'leadership-and-challenge',
  'resourcing',
] as const;
export const SCOPES = ['local', 'regional', 'national'] as const;
export const DECISIONS = ['accepted', 'partially-accepted', 'not-accepted'] as const;
export const RAGS = ['red', 'amber', 'green', 'blue'] as const;
export const EVIDENCE_KINDS = ['policy', 'training', 'audit-result', 'minutes', 'data', 'other'] as const;
export const ESCALATION_LEVELS = ['delegated-partner', 'lead-partner', 'independent-scrutineer', 'external'] as const;
export const ACTION_STATUSES = [
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
  'completion-verified',
  'impact-assured',
  'closed',
  'cancelled',
  'superseded',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type Enabler = (typeof ENABLERS)[number];
export type Scope = (typeof SCOPES)[number];
export type Decision = (typeof DECISIONS)[number];
export type Rag = (typeof RAGS)[number];
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
