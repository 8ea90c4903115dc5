import type { DataSource } from 'typeorm';
import { toSourceListItem, toSourceView, type SourceListFilters, type SourceListItem, type SourceView } from './source-views';
import type { SourceDocument } from './sources.projection';

export type { SourceListFilters, SourceListItem, SourceView } from './source-views';

/** Reads rm_sources, always within one partnership. */
export class SourceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The source, or null when it does not exist in this partnership. */
  async get(partnershipId: string, sourceId: string): Promise<SourceView | null> {
    const rows: { doc: SourceDocument }[] = await this.dataSource.query(
      'SELECT doc FROM rm_sources WHERE partnership_id = $1 AND id = $2',
      [partnershipId, sourceId],
    );
    const doc = rows[0]?.doc;
    return doc ? toSourceView(doc) : null;
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
    return rows.map(({ doc }) => toSourceListItem(doc));
  }
}
