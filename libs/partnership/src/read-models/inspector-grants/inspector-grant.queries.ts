import type { DataSource } from 'typeorm';
import { grantStatusAt, type InspectorGrantDocument, type InspectorGrantStatus } from './inspector-grant.document';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type InspectorGrantView = InspectorGrantDocument & { readonly status: InspectorGrantStatus };

/** Reads rm_inspector_grants. */
export class InspectorGrantQueries {
  constructor(private readonly dataSource: Pick<DataSource, 'query'>) {}

  /** The partnership's grants, newest window first, each with its status at `now`. */
  async list(partnershipId: string, now: Date): Promise<InspectorGrantView[]> {
    if (!UUID.test(partnershipId)) return [];
    const rows = await this.dataSource.query<{ doc: InspectorGrantDocument }[]>(
      'SELECT doc FROM rm_inspector_grants WHERE partnership_id = $1 ORDER BY starts_at DESC, id',
      [partnershipId],
    );
    return rows.map(({ doc }) => ({ ...doc, status: grantStatusAt(doc, now) }));
  }

  /** Whether the inspector holds a grant of this partnership that is active at `now`. */
  async isActive(partnershipId: string, inspectorId: string, now: Date): Promise<boolean> {
    if (!UUID.test(partnershipId)) return false;
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM rm_inspector_grants
        WHERE partnership_id = $1 AND inspector_id = $2 AND NOT revoked AND starts_at <= $3 AND ends_at > $3 LIMIT 1`,
      [partnershipId, inspectorId, now.toISOString()],
    );
    return rows.length > 0;
  }

  /** The partnerships the inspector may read at `now`. */
  async activePartnerships(inspectorId: string, now: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ partnership_id: string }[]>(
      `SELECT DISTINCT partnership_id::text FROM rm_inspector_grants
        WHERE inspector_id = $1 AND NOT revoked AND starts_at <= $2 AND ends_at > $2`,
      [inspectorId, now.toISOString()],
    );
    return rows.map((row) => row.partnership_id);
  }
}
