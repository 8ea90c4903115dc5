import { GENESIS_HASH, chainHash, type ChainEventRow } from './canonical-event';
import type { IntegrityFinding, IntegrityFindingKind, SealedLink } from './integrity-report';

/** One link of the chain being verified, with the event it seals as `events` holds it now. */
export interface ChainItem {
  readonly link: SealedLink;
  readonly event: ChainEventRow | null;
}

/** Two neighbouring links that do not join: rows may have been removed from between them. */
export interface ChainBreak {
  readonly before: SealedLink | null;
  readonly after: SealedLink;
}

export interface ChainHead {
  readonly hash: string;
  readonly length: number;
}

/**
 * Walks one chain in order, deciding each link with its neighbours: a link is checked against
 * its own stored `prev_hash` (so one edited event is one finding, never a cascade), and the
 * stored links on either side tell an edited event from a rewritten chain row.
 * Links whose event is missing and breaks are kept for `reconcile` (they may pair with
 * unsealed events). Push the items in chain order, then `finish` with the sealer's head.
 */
export class ChainWalk {
  readonly findings: IntegrityFinding[] = [];
  readonly missing: SealedLink[] = [];
  readonly breaks: ChainBreak[] = [];
  checked = 0;
  private pending: ChainItem | null = null;
  private previous: SealedLink | null = null;
  /** The hash the next link may also point at: the true hash of a link whose stored hash was rewritten. */
  private excused: string | null = null;

  push(item: ChainItem): void {
    if (this.pending) this.decide(this.pending, item.link.prevHash);
    this.pending = item;
  }

  finish(head: ChainHead | null): void {
    const last = this.pending;
    this.pending = null;
    if (last) this.decide(last, head?.hash ?? null);
    if (!head) {
      if (last) this.report('chain-tampered', last.link, 'the chain has rows but the sealer recorded no head for it');
      return;
    }
    const lastHash = this.previous?.hash ?? GENESIS_HASH;
    if (lastHash === head.hash || this.excused === head.hash) return;
    const detail = `the sealer's head is link ${head.length} (${head.hash.slice(0, 12)}…), but the chain ends here: sealed links after it were removed`;
    if (last) this.report('chain-tampered', last.link, detail);
    else
      this.findings.push({
        kind: 'chain-tampered',
        eventId: null,
        streamId: null,
        streamVersion: null,
        globalPosition: null,
        sealedSeq: null,
        detail,
      });
  }

  private decide({ link, event }: ChainItem, nextPrev: string | null): void {
    this.checked++;
    const expectedPrev = this.previous?.hash ?? GENESIS_HASH;
    const linked = link.prevHash === expectedPrev || (this.excused !== null && link.prevHash === this.excused);
    const continues = nextPrev === null || nextPrev === link.hash;
    this.excused = null;
    if (!event) {
      if (linked && continues) this.missing.push(link);
      else this.report('chain-tampered', link, 'a chain row for an event that is not in the log, and the chain does not run through it');
    } else {
      const computed = chainHash(link.prevHash, event);
      if (computed === link.hash) {
        const moved = identityChanges(link, event);
        if (moved)
          this.report('chain-tampered', link, `the chain row's record of the event was changed (${moved}); the event is as sealed`);
        else if (!linked) this.breaks.push({ before: this.previous, after: link });
      } else if (!linked && chainHash(expectedPrev, event) === link.hash) {
        this.report('chain-tampered', link, 'the chain row’s prev_hash was changed; the event is as sealed');
      } else if (nextPrev !== null && computed === nextPrev) {
        this.report('chain-tampered', link, 'the chain row’s hash was changed; the event is as sealed');
        this.excused = computed;
        if (!linked) this.breaks.push({ before: this.previous, after: link });
      } else {
        if (chainHash(link.prevHash, atSealedPosition(event, link)) === link.hash) {
          this.report(
            'reordered',
            link,
            `sealed at ${describe(link.transactionId, link.globalPosition, link.streamVersion)}, now at ${describe(event.transaction_id, event.global_position, event.stream_version)}`,
          );
        } else {
          this.report('edited', link, 'the event row no longer matches its sealed hash');
        }
        if (!linked) this.breaks.push({ before: this.previous, after: link });
      }
    }
    this.previous = link;
  }

  private report(kind: IntegrityFindingKind, link: SealedLink, detail: string): void {
    this.findings.push(findingFor(kind, link, detail));
  }
}

export function findingFor(kind: IntegrityFindingKind, link: SealedLink, detail: string): IntegrityFinding {
  return {
    kind,
    eventId: link.eventId,
    streamId: link.streamId,
    streamVersion: Number(link.streamVersion),
    globalPosition: Number(link.globalPosition),
    sealedSeq: link.seq,
    detail,
  };
}

/** The event as it would be at the position (commit order, stream version) its link recorded. */
export function atSealedPosition(event: ChainEventRow, link: SealedLink): ChainEventRow {
  return { ...event, transaction_id: link.transactionId, global_position: link.globalPosition, stream_version: link.streamVersion };
}

function identityChanges(link: SealedLink, event: ChainEventRow): string | null {
  const changed = [
    link.transactionId !== event.transaction_id ? 'transaction_id' : null,
    link.globalPosition !== event.global_position ? 'global_position' : null,
    link.streamId !== event.stream_id ? 'stream_id' : null,
    link.streamVersion !== event.stream_version ? 'stream_version' : null,
    link.partnershipId !== event.partnership_id ? 'partnership_id' : null,
  ].filter((column): column is string => column !== null);
  return changed.length > 0 ? changed.join(', ') : null;
}

function describe(transactionId: string, globalPosition: string, streamVersion: string): string {
  return `position ${transactionId}:${globalPosition}, stream version ${streamVersion}`;
}
