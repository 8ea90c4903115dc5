import { ZipFile } from 'yazl';
import type { PackFile } from './pack-file';

/** rw-r--r-- regular file, so extracted files look the same whoever made the pack. */
const FILE_MODE = 0o100644;

/**
 * A Date whose local-time fields are `instant`'s UTC fields: yazl writes the DOS timestamp in
 * local time, so this keeps the zip's bytes the same whatever the server's time zone (the DOS
 * fields read as the instant in UTC, to the even second).
 */
export function dosWallClock(instant: Date): Date {
  return new Date(
    instant.getUTCFullYear(),
    instant.getUTCMonth(),
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
  );
}

/**
 * A deterministic zip: the files in the order given, each stamped with `mtime` (DOS fields only:
 * yazl's extended Unix timestamp would be taken from the shifted wall clock), mode 0644, deflated;
 * no archive comment. Equal inputs give equal bytes.
 */
export function zipFiles(files: readonly PackFile[], mtime: Date): Promise<Buffer> {
  const zip = new ZipFile();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.on('error', reject);
  });
  const stamp = dosWallClock(mtime);
  for (const file of files)
    zip.addBuffer(file.bytes, file.path, { mtime: stamp, mode: FILE_MODE, compress: true, forceDosTimestamp: true });
  zip.end();
  return done;
}
