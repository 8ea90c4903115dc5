/** One row of rm_inspector_grants: a grant as the API lists it. Instants are ISO strings. */
export interface InspectorGrantDocument {
  readonly id: string;
  readonly partnershipId: string;
  readonly inspectorId: string;
  readonly from: string;
  readonly until: string;
  readonly reason: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly revoked: { readonly by: string; readonly at: string; readonly reason: string } | null;
  readonly version: number;
}

/** A grant's status at an instant: derived, never stored. */
export type InspectorGrantStatus = 'pending' | 'active' | 'ended' | 'revoked';

export function grantStatusAt(doc: Pick<InspectorGrantDocument, 'from' | 'until' | 'revoked'>, now: Date): InspectorGrantStatus {
  if (doc.revoked) return 'revoked';
  if (now.getTime() < Date.parse(doc.from)) return 'pending';
  return now.getTime() < Date.parse(doc.until) ? 'active' : 'ended';
}
