import type { PartnershipDocument } from './partnership.document';
import type { AgencyEntry } from './partnership.queries';

/** The partnership's agencies by id, as `PartnershipQueries.agencies` answers them. */
export function agenciesOf(doc: PartnershipDocument | null): ReadonlyMap<string, AgencyEntry> {
  return new Map((doc?.agencies ?? []).map((agency) => [agency.id, { name: agency.name, kind: agency.kind }]));
}

/** By name (case-insensitive), then id: the order of `PartnershipQueries.list`. */
export function comparePartnerships(a: PartnershipDocument, b: PartnershipDocument): number {
  return compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
