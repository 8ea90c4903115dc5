/** The value lists of a learning source, exactly as the HTTP contract spells them (DESIGN §5). */
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
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The five enablers of learning and improvement, plus resourcing that cuts across them. */
export const ENABLERS = [
  'partnership-working',
  'knowledge-management',
  'frontline-and-family-engagement',
  'subgroups-and-mechanisms',
  'leadership-and-challenge',
  'resourcing',
] as const;
export type Enabler = (typeof ENABLERS)[number];

/**
 * The lifecycle milestones each kind of source may reach (reference/domain.md §1.2). Each is
 * reached at most once; the order is not enforced, because records are often entered late.
 */
export const SOURCE_MILESTONES = {
  'rapid-review': ['notified', 'started', 'meeting-held', 'decision-recorded', 'submitted-to-panel', 'panel-responded'],
  lcspr: ['commissioned', 'terms-agreed', 'reviewer-appointed', 'practitioner-event-held', 'draft-received', 'signed-off', 'published'],
  'national-review': ['published', 'adopted-locally'],
  'learning-review': ['commissioned', 'concluded'],
  'multi-agency-audit': ['commissioned', 'audit-panel-held', 'report-accepted'],
  'section-11': ['cycle-opened', 'challenge-session-held', 'cycle-closed'],
  inspection: ['notified', 'fieldwork-completed', 'findings-published', 'action-statement-submitted'],
  feedback: ['survey-run', 'summary-recorded'],
  'peer-review': ['held', 'report-received'],
  scrutiny: ['report-received'],
} as const satisfies Record<SourceKind, readonly string[]>;
export type SourceMilestone = (typeof SOURCE_MILESTONES)[SourceKind][number];

/** Every milestone name of any kind, for request validation (the decider checks it fits the kind). */
export const ALL_SOURCE_MILESTONES: readonly SourceMilestone[] = [...new Set(Object.values(SOURCE_MILESTONES).flat())];

export const SOURCE_STATUSES = ['open', 'closed'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export function isSourceKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value);
}

export function isEnabler(value: string): value is Enabler {
  return (ENABLERS as readonly string[]).includes(value);
}

export function milestonesFor(kind: SourceKind): readonly string[] {
  return SOURCE_MILESTONES[kind];
}

export function sourceStreamId(sourceId: string): string {
  return `source-${sourceId}`;
}
