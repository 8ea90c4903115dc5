import type { Pool } from 'pg';
import type { PartnershipExistence } from '../auth/partnership-existence';

/**
 * Whether a partnership exists, read from the event store's streams table (strongly consistent,
 * so a partnership is usable the moment it is registered). Known ids are remembered: a
 * partnership is never deleted.
 */
export class StreamPartnershipExistence implements PartnershipExistence {
  private readonly known = new Set<string>();

  constructor(private readonly pool: Pool) {}

  async exists(partnershipId: string): Promise<boolean> {
    if (this.known.has(partnershipId)) return true;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(partnershipId)) return false;
    const result = await this.pool.query('SELECT 1 FROM streams WHERE stream_id = $1', [`partnership-${partnershipId.toLowerCase()}`]);
    if (result.rowCount === 0) return false;
    this.known.add(partnershipId);
    return true;
  }
}
