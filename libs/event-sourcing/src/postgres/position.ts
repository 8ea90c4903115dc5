/**
 * Opaque positions of the relational adapters: `"<transaction_id>:<global_position>"`, ordered as
 * a tuple (commit order first, then insertion order). The in-memory adapter uses `"0:<n>"`.
 */
export interface PositionTuple {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

export const START_POSITION = '0:0';

const FORMAT = /^(\d+):(\d+)$/;

export function parsePosition(position: string): PositionTuple {
  const match = FORMAT.exec(position);
  if (!match) throw new Error(`not an event store position: ${JSON.stringify(position)}`);
  return { transactionId: BigInt(match[1]!), globalPosition: BigInt(match[2]!) };
}

export function formatPosition(transactionId: bigint | string, globalPosition: bigint | string): string {
  return `${transactionId}:${globalPosition}`;
}

/** True when `checkpoint` is at or past `position`. */
export function positionCovers(checkpoint: string, position: string): boolean {
  const c = parsePosition(checkpoint);
  const p = parsePosition(position);
  if (c.transactionId !== p.transactionId) return c.transactionId > p.transactionId;
  return c.globalPosition >= p.globalPosition;
}
