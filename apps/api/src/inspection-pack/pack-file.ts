import { createHash } from 'node:crypto';

/** One file of the inspection pack: its path inside the zip and its bytes. */
export interface PackFile {
  readonly path: string;
  readonly bytes: Buffer;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
