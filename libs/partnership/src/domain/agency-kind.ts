/** Kinds of agency a partnership works with (DESIGN §5), as a readonly list for DTO validation. */
export const AGENCY_KINDS = ['local-authority', 'police', 'health', 'education', 'probation', 'voluntary', 'other'] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];

export function isAgencyKind(value: string): value is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(value);
}
