import type { DataSource } from 'typeorm';
import type { PartnershipDocument } from './partnership.document';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AgencyEntry {
  readonly name: string;
  readonly kind: string;
}

/**
 * Reads rm_partnerships. `agencies` has the shape of the learning and challenge contexts'
 * agency-directory ports, so apps/api can bind those ports to this class.
 */
export class PartnershipQueries {
  constructor(private readonly dataSource: Pick<DataSource, 'query'>) {}

  /** The partnership, or null when there is none with this id. */
  async get(partnershipId: string): Promise<PartnershipDocument | null> {
    const found = UUID.test(partnershipId)
      ? await this.dataSource.query<{ doc: PartnershipDocument }[]>(
          'SELECT doc FROM rm_partnerships WHERE partnership_id = $1 AND id = $2',
          [partnershipId, partnershipId],
        )
      : [];
    return found[0]?.doc ?? null;
  }

  /** The partnerships with these ids (those the caller may see), or every one for 'all'; by name. */
  async list(partnershipIds: readonly string[] | 'all'): Promise<PartnershipDocument[]> {
    const rows =
      partnershipIds === 'all'
        ? await this.dataSource.query<{ doc: PartnershipDocument }[]>('SELECT doc FROM rm_partnerships ORDER BY lower(name), id')
        : await this.dataSource.query<{ doc: PartnershipDocument }[]>(
            'SELECT doc FROM rm_partnerships WHERE partnership_id = ANY($1::uuid[]) ORDER BY lower(name), id',
            [partnershipIds.filter((id) => UUID.test(id))],
          );
    return rows.map((row) => row.doc);
  }

  /** The partnership's agencies by id; empty when the partnership is unknown. */
  async agencies(partnershipId: string): Promise<ReadonlyMap<string, AgencyEntry>> {
    if (!UUID.test(partnershipId)) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string; kind: string }[]>(
      `SELECT agency->>'id' AS id, agency->>'name' AS name, agency->>'kind' AS kind
         FROM rm_partnerships, jsonb_array_elements(doc->'agencies') AS agency
        WHERE partnership_id = $1`,
      [partnershipId],
    );
    return new Map(rows.map((row) => [row.id, { name: row.name, kind: row.kind }]));
  }
}
