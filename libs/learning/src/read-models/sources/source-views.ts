import type { SourceKind, SourceStatus } from '../../domain/source/source.values';
import type { SourceDocument, SourceMilestoneEntry } from './sources.projection';

export interface SourceListFilters {
  readonly kind?: SourceKind;
  readonly status?: SourceStatus;
}

/** One source as the API answers it: the document plus its finding ids. */
export interface SourceView extends SourceDocument {
  readonly findingIds: readonly string[];
}

/** A row of the source list: no finding text, only ids and counts. */
export interface SourceListItem {
  readonly id: string;
  readonly kind: SourceKind;
  readonly title: string;
  readonly reference: string | null;
  readonly status: SourceStatus;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly milestones: readonly SourceMilestoneEntry[];
  readonly findingIds: readonly string[];
  readonly findingCount: number;
  readonly goodPracticeCount: number;
  readonly version: number;
}

export function toSourceView(doc: SourceDocument): SourceView {
  return { ...doc, findingIds: doc.findings.map((finding) => finding.findingId) };
}

export function toSourceListItem(doc: SourceDocument): SourceListItem {
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    reference: doc.reference,
    status: doc.status,
    occurredAt: doc.occurredAt,
    recordedAt: doc.recordedAt,
    milestones: doc.milestones,
    findingIds: doc.findings.map((finding) => finding.findingId),
    findingCount: doc.findings.length,
    goodPracticeCount: doc.findings.filter((finding) => finding.goodPractice).length,
    version: doc.version,
  };
}

/** The source list from documents folded in memory (time travel), as `SourceQueries.list` answers it. */
export function filterSources(docs: Iterable<SourceDocument>, filters: SourceListFilters): SourceListItem[] {
  return [...docs]
    .filter(
      (doc) => (filters.kind === undefined || doc.kind === filters.kind) && (filters.status === undefined || doc.status === filters.status),
    )
    .sort(compareSources)
    .map(toSourceListItem);
}

/** Newest business time first, then id. */
export function compareSources(a: SourceDocument, b: SourceDocument): number {
  return compareText(b.occurredAt, a.occurredAt) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
