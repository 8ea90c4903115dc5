/**
 * What verification found wrong with one event (or chain row):
 * - `edited`: a sealed event's row no longer hashes to its link (content or identity changed);
 * - `deleted`: a sealed event is missing from `events`, its link intact in the chain;
 * - `inserted`: an event older than the sealer's checkpoint that was never sealed;
 * - `reordered`: a sealed event whose content is intact but whose position moved (transaction id,
 *   global position, stream id or version: e.g. two events' positions swapped);
 * - `chain-tampered`: a row of `event_chain` (or the chain's head) was changed, removed or forged
 *   while the event itself is as sealed.
 */
export type IntegrityFindingKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'chain-tampered';

export interface IntegrityFinding {
  readonly kind: IntegrityFindingKind;
  /** The event named: as sealed when it was sealed, as found in `events` otherwise. */
  readonly eventId: string | null;
  readonly streamId: string | null;
  readonly streamVersion: number | null;
  readonly globalPosition: number | null;
  /** Its link number in the chain verified (ledger `seq` or `partnership_seq`); null if unsealed. */
  readonly sealedSeq: number | null;
  readonly detail: string;
}

export interface IntegrityReport {
  /** True when nothing sealed was found changed, missing, forged or moved. */
  readonly ok: boolean;
  /** The chain verified: the whole ledger, or one partnership's chain. */
  readonly scope: 'ledger' | 'partnership';
  readonly partnershipId: string | null;
  /** The sealer's commit-safe checkpoint (`"<txid>:<position>"`); null before the first seal. */
  readonly sealedThrough: string | null;
  /** The head hash of the verified chain (hex), to record outside the database as an anchor. */
  readonly headHash: string | null;
  /** Sealed events checked. */
  readonly checked: number;
  /** Events younger than the sealer's checkpoint, not sealed yet: not tampering. */
  readonly unsealed: number;
  readonly findings: readonly IntegrityFinding[];
}

/** Identity and link of one sealed event, as its `event_chain` row recorded it. */
export interface SealedLink {
  readonly seq: number;
  readonly eventId: string;
  readonly transactionId: string;
  readonly globalPosition: string;
  readonly streamId: string;
  readonly streamVersion: string;
  readonly partnershipId: string;
  readonly hash: string;
  readonly prevHash: string;
}
