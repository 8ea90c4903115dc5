import type { Queryable } from '../postgres/append-events';
import { chainEventColumns, type ChainEventRow } from './canonical-event';
import type { ChainHead } from './chain-walk';
import type { SealedLink } from './integrity-report';

/** The key of the whole ledger's chain in `event_chain_heads`; partnership chains use their id. */
export const LEDGER_CHAIN = 'ledger';

export interface StoredHead extends ChainHead {
  readonly chain: string;
  readonly checkpoint: string;
}

/** Events by global position, in commit order. */
export async function loadEventsAt(db: Queryable, globalPositions: readonly string[]): Promise<ChainEventRow[]> {
  const { rows } = await db.query<ChainEventRow>(
    `SELECT ${chainEventColumns('e')} FROM events e WHERE e.global_position = ANY($1::bigint[]) ORDER BY e.transaction_id, e.global_position`,
    [globalPositions],
  );
  return rows;
}

/** Events by id (in no particular order). */
export async function loadEventsById(db: Queryable, eventIds: readonly string[]): Promise<Map<string, ChainEventRow>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await db.query<ChainEventRow>(`SELECT ${chainEventColumns('e')} FROM events e WHERE e.event_id = ANY($1::uuid[])`, [
    eventIds,
  ]);
  return new Map(rows.map((row) => [row.event_id, row]));
}

export async function readHeads(db: Queryable, chains: readonly string[], forUpdate = false): Promise<Map<string, StoredHead>> {
  const { rows } = await db.query<{ chain: string; length: string; hash: string; checkpoint: string }>(
    `SELECT chain, length::text, encode(hash, 'hex') AS hash, checkpoint FROM event_chain_heads WHERE chain = ANY($1::text[]) ${forUpdate ? 'FOR UPDATE' : ''}`,
    [chains],
  );
  return new Map(
    rows.map((row) => [row.chain, { chain: row.chain, length: Number(row.length), hash: row.hash, checkpoint: row.checkpoint }]),
  );
}

/** A link about to be written: the event's identity, its ledger link and its partnership link. */
export interface NewLink {
  readonly event: ChainEventRow;
  readonly hash: string;
  readonly prevHash: string;
  readonly partnershipSeq: number;
  readonly partnershipHash: string;
  readonly partnershipPrevHash: string;
}

/** Inserts links in chain order (`seq` follows the order of `links`) and saves the heads. */
export async function writeLinks(db: Queryable, links: readonly NewLink[], heads: readonly StoredHead[]): Promise<void> {
  const records = links.map((link, ord) => ({
    ord,
    global_position: link.event.global_position,
    transaction_id: link.event.transaction_id,
    event_id: link.event.event_id,
    stream_id: link.event.stream_id,
    stream_version: link.event.stream_version,
    partnership_id: link.event.partnership_id,
    partnership_seq: link.partnershipSeq,
    hash: link.hash,
    prev_hash: link.prevHash,
    partnership_hash: link.partnershipHash,
    partnership_prev_hash: link.partnershipPrevHash,
  }));
  await db.query(
    `INSERT INTO event_chain (global_position, transaction_id, event_id, stream_id, stream_version, partnership_id,
                              partnership_seq, hash, prev_hash, partnership_hash, partnership_prev_hash)
     SELECT l.global_position, l.transaction_id::xid8, l.event_id, l.stream_id, l.stream_version, l.partnership_id,
            l.partnership_seq, decode(l.hash, 'hex'), decode(l.prev_hash, 'hex'), decode(l.partnership_hash, 'hex'), decode(l.partnership_prev_hash, 'hex')
       FROM jsonb_to_recordset($1::jsonb) AS l(ord int, global_position bigint, transaction_id text, event_id uuid, stream_id text,
            stream_version bigint, partnership_id uuid, partnership_seq bigint, hash text, prev_hash text, partnership_hash text, partnership_prev_hash text)
      ORDER BY l.ord`,
    [JSON.stringify(records)],
  );
  await db.query(
    `INSERT INTO event_chain_heads (chain, length, hash, checkpoint, updated_at)
     SELECT h.chain, h.length, decode(h.hash, 'hex'), h.checkpoint, now()
       FROM jsonb_to_recordset($1::jsonb) AS h(chain text, length bigint, hash text, checkpoint text)
     ON CONFLICT (chain) DO UPDATE SET length = EXCLUDED.length, hash = EXCLUDED.hash, checkpoint = EXCLUDED.checkpoint, updated_at = now()`,
    [JSON.stringify(heads)],
  );
}

interface LinkRow {
  readonly seq: string;
  readonly event_id: string;
  readonly transaction_id: string;
  readonly global_position: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly partnership_id: string;
  readonly hash: string;
  readonly prev_hash: string;
}

/**
 * One page of a chain in order after link `afterSeq`: the ledger chain by `seq`, or one
 * partnership's chain by `partnership_seq` with its own hashes.
 */
export async function readLinks(db: Queryable, partnershipId: string | null, afterSeq: number, limit: number): Promise<SealedLink[]> {
  const [seq, hash, prev] = partnershipId ? ['partnership_seq', 'partnership_hash', 'partnership_prev_hash'] : ['seq', 'hash', 'prev_hash'];
  // ORDER BY names the table's column: the text alias would sort "10" before "9".
  const { rows } = await db.query<LinkRow>(
    `SELECT ${seq}::text AS seq, event_id::text, transaction_id::text, global_position::text, stream_id, stream_version::text,
            partnership_id::text, encode(${hash}, 'hex') AS hash, encode(${prev}, 'hex') AS prev_hash
       FROM event_chain
      WHERE ${seq} > $1 ${partnershipId ? 'AND partnership_id = $3::uuid' : ''}
      ORDER BY event_chain.${seq}
      LIMIT $2`,
    partnershipId ? [afterSeq, limit, partnershipId] : [afterSeq, limit],
  );
  return rows.map((row) => ({
    seq: Number(row.seq),
    eventId: row.event_id,
    transactionId: row.transaction_id,
    globalPosition: row.global_position,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    partnershipId: row.partnership_id,
    hash: row.hash,
    prevHash: row.prev_hash,
  }));
}

const NOT_SEALED = `NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.event_id = e.event_id)`;
const SCOPE = `($3::uuid IS NULL OR e.partnership_id = $3::uuid)`;

/** Events at or before the sealer's checkpoint that no link seals, in commit order. */
export async function unsealedUpTo(
  db: Queryable,
  checkpoint: { transactionId: bigint; globalPosition: bigint },
  partnershipId: string | null,
): Promise<ChainEventRow[]> {
  const { rows } = await db.query<ChainEventRow>(
    `SELECT ${chainEventColumns('e')} FROM events e
      WHERE (e.transaction_id, e.global_position) <= ($1::text::xid8, $2::bigint) AND ${SCOPE} AND ${NOT_SEALED}
      ORDER BY e.transaction_id, e.global_position`,
    [checkpoint.transactionId.toString(), checkpoint.globalPosition.toString(), partnershipId],
  );
  return rows;
}

/** How many events after the checkpoint are not sealed yet. */
export async function countUnsealedAfter(
  db: Queryable,
  checkpoint: { transactionId: bigint; globalPosition: bigint },
  partnershipId: string | null,
): Promise<number> {
  const { rows } = await db.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM events e
      WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint) AND ${SCOPE} AND ${NOT_SEALED}`,
    [checkpoint.transactionId.toString(), checkpoint.globalPosition.toString(), partnershipId],
  );
  return Number(rows[0]?.count ?? 0);
}
