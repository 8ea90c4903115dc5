import type { DataSource } from 'typeorm';
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

/** Reads rm_sources, always within one partnership. */
export class SourceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The source, or null when it does not exist in this partnership. */
  async get(partnershipId: string, sourceId: string): Promise<SourceView | null> {
    const rows: { doc: SourceDocument }[] = await this.dataSource.query('SELECT doc FROM rm_sources WHERE partnership_id = $1 AND id = $2', [partnershipId, sourceId]);
    const doc = rows[0]?.doc;
    return doc ? { ...doc, findingIds: doc.findings.map((finding) => finding.findingId) } : null;
  }

  async list(partnershipId: string, filters: SourceListFilters = {}): Promise<SourceListItem[]> {
    const params: unknown[] = [partnershipId];
    const where = ['partnership_id = $1'];
    if (filters.kind !== undefined) where.push(`kind = $${params.push(filters.kind)}`);
    if (filters.status !== undefined) where.push(`status = $${params.push(filters.status)}`);
    const rows: { doc: SourceDocument }[] = await this.dataSource.query(
      `SELECT doc FROM rm_sources WHERE ${where.join(' AND ')} ORDER BY doc->>'occurredAt' DESC, id`,
      params,
    );
    return rows.map(({ doc }) => ({
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
    }));
  }
}
