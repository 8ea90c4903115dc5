import type { LedgerReach } from './ledger-reach';
import { sha256, type PackFile } from './pack-file';

export const PACK_FORMAT = 'learning-ledger/inspection-pack@1';

export interface PackManifest {
  readonly format: typeof PACK_FORMAT;
  readonly partnershipId: string;
  readonly partnershipName: string;
  readonly asOf: string;
  readonly basis: string;
  readonly ledger: LedgerReach & { readonly chain: string };
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly sha256: string }[];
}

/** manifest.json: what the pack is of, how far into the ledger it reaches, and every other file's SHA-256. */
export function packManifest(
  partnership: { readonly id: string; readonly name: string },
  asOf: Date,
  reach: LedgerReach,
  files: readonly PackFile[],
): PackManifest {
  return {
    format: PACK_FORMAT,
    partnershipId: partnership.id,
    partnershipName: partnership.name,
    asOf: asOf.toISOString(),
    basis: `as recorded at ${asOf.toISOString()}: the partnership's events recorded at or before this instant; derived values judged at it`,
    ledger: { ...reach, chain: `partnership ${partnership.id} (ADR 7): chainHash is link ${reach.events} of its hash chain` },
    files: files.map((file) => ({ path: file.path, bytes: file.bytes.length, sha256: sha256(file.bytes) })),
  };
}

export function manifestFile(manifest: PackManifest): PackFile {
  return { path: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') };
}

/** `inspection-pack-<pid>-<asOf, basic ISO format>.zip`. */
export function packFilename(partnershipId: string, asOf: Date): string {
  return `inspection-pack-${partnershipId}-${asOf.toISOString().replace(/[-:]/g, '')}.zip`;
}
