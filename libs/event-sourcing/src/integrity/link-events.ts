import { formatPosition } from '../postgres/position';
import { GENESIS_HASH, chainHash, type ChainEventRow } from './canonical-event';
import { LEDGER_CHAIN, type NewLink, type StoredHead } from './chain-sql';

/**
 * Links a page of events (in commit order) onto the ledger chain and each partnership's chain:
 * the new links and the heads to save (the ledger head carries the sealer's checkpoint).
 */
export function linkEvents(
  events: readonly ChainEventRow[],
  heads: ReadonlyMap<string, StoredHead>,
  checkpoint: string,
): { links: NewLink[]; heads: StoredHead[] } {
  let ledger: StoredHead = heads.get(LEDGER_CHAIN) ?? { chain: LEDGER_CHAIN, length: 0, hash: GENESIS_HASH, checkpoint };
  const partnerships = new Map<string, StoredHead>();
  const links: NewLink[] = [];
  for (const event of events) {
    const chain = event.partnership_id;
    const partnership = partnerships.get(chain) ?? heads.get(chain) ?? { chain, length: 0, hash: GENESIS_HASH, checkpoint };
    const hash = chainHash(ledger.hash, event);
    const partnershipHash = chainHash(partnership.hash, event);
    links.push({
      event,
      hash,
      prevHash: ledger.hash,
      partnershipSeq: partnership.length + 1,
      partnershipHash,
      partnershipPrevHash: partnership.hash,
    });
    ledger = { ...ledger, length: ledger.length + 1, hash };
    partnerships.set(chain, {
      chain,
      length: partnership.length + 1,
      hash: partnershipHash,
      checkpoint: formatPosition(event.transaction_id, event.global_position),
    });
  }
  return { links, heads: [{ ...ledger, checkpoint }, ...partnerships.values()] };
}
