import { GENESIS_HASH, chainHash, type ChainEventRow } from './canonical-event';
import { findingFor, type ChainBreak } from './chain-walk';
import type { IntegrityFinding, SealedLink } from './integrity-report';

/**
 * Pairs what the walk could not decide alone with the events older than the sealer's checkpoint
 * that no link seals (`unsealedOld`, in commit order):
 * - a link whose event is gone, and an unsealed event at its position: the event's id was edited
 *   (`edited`), or the link's record of the id was (`chain-tampered`, the event hashes as sealed);
 * - a break the unsealed events bridge exactly: their chain rows were removed (`chain-tampered`);
 * - any other break: `chain-tampered` at the link after it;
 * - links whose event is gone: `deleted`; unsealed events left over: `inserted`.
 */
export function reconcile(
  missing: readonly SealedLink[],
  breaks: readonly ChainBreak[],
  unsealedOld: readonly ChainEventRow[],
): IntegrityFinding[] {
  const findings: IntegrityFinding[] = [];
  const candidates = [...unsealedOld];
  const take = (match: (event: ChainEventRow) => boolean): ChainEventRow | undefined => {
    const index = candidates.findIndex(match);
    return index < 0 ? undefined : candidates.splice(index, 1)[0];
  };

  for (const link of missing) {
    const event =
      take((e) => e.global_position === link.globalPosition && e.transaction_id === link.transactionId) ??
      take((e) => e.stream_id === link.streamId && e.stream_version === link.streamVersion);
    if (!event) findings.push(findingFor('deleted', link, 'a sealed event is missing from the log'));
    else if (chainHash(link.prevHash, event) === link.hash) {
      findings.push(
        findingFor(
          'chain-tampered',
          { ...link, eventId: event.event_id },
          `the chain row's event id was changed to ${link.eventId}; the event is as sealed`,
        ),
      );
    } else findings.push(findingFor('edited', link, `the event at its position now has event id ${event.event_id}`));
  }

  for (const { before, after } of breaks) {
    const between = candidates.filter((e) => isAfter(e, before) && !isAfter(e, after));
    let hash = before?.hash ?? GENESIS_HASH;
    const bridged = between.findIndex((event) => {
      hash = chainHash(hash, event);
      return hash === after.prevHash;
    });
    if (bridged < 0) {
      findings.push(
        findingFor('chain-tampered', after, 'the chain does not link to the link before it: chain rows were removed or rewritten'),
      );
      continue;
    }
    for (const event of between.slice(0, bridged + 1)) {
      candidates.splice(candidates.indexOf(event), 1);
      findings.push(unsealedFinding('chain-tampered', event, 'the event is as sealed but its chain row was removed'));
    }
  }

  for (const event of candidates)
    findings.push(unsealedFinding('inserted', event, 'an event older than the sealed head that was never sealed'));
  return findings;
}

function unsealedFinding(kind: 'chain-tampered' | 'inserted', event: ChainEventRow, detail: string): IntegrityFinding {
  return {
    kind,
    eventId: event.event_id,
    streamId: event.stream_id,
    streamVersion: Number(event.stream_version),
    globalPosition: Number(event.global_position),
    sealedSeq: null,
    detail: `${detail} (position ${event.transaction_id}:${event.global_position})`,
  };
}

/** Whether `event` comes after `link` in commit order (everything does after the genesis). */
function isAfter(event: ChainEventRow, link: SealedLink | null): boolean {
  if (!link) return true;
  const tx = BigInt(event.transaction_id);
  const linkTx = BigInt(link.transactionId);
  if (tx !== linkTx) return tx > linkTx;
  return BigInt(event.global_position) > BigInt(link.globalPosition);
}
