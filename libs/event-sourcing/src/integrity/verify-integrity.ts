import type { Pool } from 'pg';
import { START_POSITION, parsePosition } from '../postgres/position';
import { ChainWalk } from './chain-walk';
import { LEDGER_CHAIN, countUnsealedAfter, loadEventsById, readHeads, readLinks, unsealedUpTo } from './chain-sql';
import type { IntegrityFinding, IntegrityReport } from './integrity-report';
import { reconcile } from './reconcile';

export interface VerifyIntegrityOptions {
  /** Verify this partnership's chain only, reading only its events; the whole ledger otherwise. */
  readonly partnershipId?: string;
  /** Links read per query (default 1000). */
  readonly pageSize?: number;
}

/**
 * Recomputes the chain from `events` and compares it with `event_chain` (ADR 7), in one
 * read-only REPEATABLE READ snapshot so the sealer committing meanwhile cannot look like
 * tampering. Events after the sealer's checkpoint are counted as unsealed, not judged.
 */
export async function verifyIntegrity(pool: Pool, options: VerifyIntegrityOptions = {}): Promise<IntegrityReport> {
  const partnershipId = options.partnershipId ?? null;
  const pageSize = options.pageSize ?? 1000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const heads = await readHeads(client, partnershipId ? [LEDGER_CHAIN, partnershipId] : [LEDGER_CHAIN]);
    const ledger = heads.get(LEDGER_CHAIN) ?? null;
    const head = partnershipId ? (heads.get(partnershipId) ?? null) : ledger;

    const walk = new ChainWalk();
    for (let after = 0; ;) {
      const links = await readLinks(client, partnershipId, after, pageSize);
      const events = await loadEventsById(
        client,
        links.map((link) => link.eventId),
      );
      for (const link of links) walk.push({ link, event: events.get(link.eventId) ?? null });
      if (links.length < pageSize) break;
      after = links[links.length - 1]!.seq;
    }
    walk.finish(head);

    const checkpoint = parsePosition(ledger?.checkpoint ?? START_POSITION);
    const unsealedOld = await unsealedUpTo(client, checkpoint, partnershipId);
    const unsealed = await countUnsealedAfter(client, checkpoint, partnershipId);
    await client.query('COMMIT');

    const findings = [...walk.findings, ...reconcile(walk.missing, walk.breaks, unsealedOld)].sort(byPosition);
    return {
      ok: findings.length === 0,
      scope: partnershipId ? 'partnership' : 'ledger',
      partnershipId,
      sealedThrough: ledger?.checkpoint ?? null,
      headHash: head?.hash ?? null,
      checked: walk.checked,
      unsealed,
      findings,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function byPosition(a: IntegrityFinding, b: IntegrityFinding): number {
  return (a.globalPosition ?? Number.MAX_SAFE_INTEGER) - (b.globalPosition ?? Number.MAX_SAFE_INTEGER);
}
