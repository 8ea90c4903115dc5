/** Synthetic wording for generated histories: no people, no children, nothing personal. */
export const THEMES = [
  'professional curiosity',
  'information sharing',
  'early help',
  'neglect',
  'domestic abuse',
  'parental mental health',
  'voice of the child',
  'risk assessment',
  'transition to adulthood',
  'exploitation',
  'safe sleep',
  'escalation',
] as const;

export const ENABLER_NAMES = [
  'partnership-working',
  'knowledge-management',
  'frontline-and-family-engagement',
  'subgroups-and-mechanisms',
  'leadership-and-challenge',
  'resourcing',
] as const;

export const AGENCIES = [
  ['Children’s Services', 'local-authority'],
  ['Constabulary Public Protection Unit', 'police'],
  ['Integrated Care Board', 'health'],
  ['Community Health Trust', 'health'],
  ['Acute Hospitals Trust', 'health'],
  ['Schools Safeguarding Forum', 'education'],
  ['Probation Service', 'probation'],
  ['Voluntary Sector Alliance', 'voluntary'],
  ['Adult Social Care', 'local-authority'],
  ['Mental Health Trust', 'health'],
  ['Youth Justice Service', 'other'],
  ['Housing Partnership', 'other'],
] as const;

export const SUBGROUPS = ['Learning and Improvement', 'Case Review', 'Quality Assurance and Performance', 'Training'] as const;

/** Source kinds weighted roughly as reference/domain.md §4 counts them per partnership per year. */
export const SOURCE_MIX = [
  'rapid-review',
  'rapid-review',
  'rapid-review',
  'lcspr',
  'multi-agency-audit',
  'multi-agency-audit',
  'multi-agency-audit',
  'section-11',
  'inspection',
  'feedback',
  'learning-review',
  'peer-review',
  'scrutiny',
  'national-review',
] as const;

export const NARRATIVES = [
  'Briefing delivered to frontline teams; attendance recorded and follow-up session booked.',
  'Revised procedure drafted and circulated to partner agencies for comment before sign-off.',
  'Audit sample agreed; returns received from most agencies, two still outstanding.',
  'Training module updated with the review learning and added to the induction programme.',
  'Dip sample of recent referrals shows the new checklist is used in most cases.',
  'Progress reported to the subgroup; agencies asked to confirm local cascade.',
  'Delay while the lead post was vacant; recovery plan agreed at the last meeting.',
  'Multi-agency workshop held; practitioners reported clearer routes for escalation.',
] as const;

export const RAGS = ['green', 'green', 'green', 'amber', 'amber', 'red', 'blue'] as const;
export const EVIDENCE_KINDS = ['policy', 'training', 'audit-result', 'minutes', 'data', 'other'] as const;
