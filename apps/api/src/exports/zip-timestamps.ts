/**
 * Sets every entry's modification time in a zip (local headers and central directory) to one
 * instant, so a zip built twice from the same content is the same bytes. exceljs stamps entries
 * with the wall clock; an export "as of" an instant must not depend on when it was asked for.
 */
export function withFixedZipTimestamps(zip: Buffer, instant: Date): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const entries = out.readUInt16LE(end + 10);
  const { time, date } = dosDateTime(instant);
  let offset = out.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index++) {
    if (out.readUInt32LE(offset) !== 0x02014b50) throw new Error('not a zip: bad central directory entry');
    out.writeUInt16LE(time, offset + 12);
    out.writeUInt16LE(date, offset + 14);
    const local = out.readUInt32LE(offset + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('not a zip: bad local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    offset += 46 + out.readUInt16LE(offset + 28) + out.readUInt16LE(offset + 30) + out.readUInt16LE(offset + 32);
  }
  return out;
}

/** MS-DOS date and time (UTC, two-second resolution), clamped to the format's 1980–2107 range. */
function dosDateTime(instant: Date): { time: number; date: number } {
  const year = Math.min(Math.max(instant.getUTCFullYear(), 1980), 2107);
  return {
    time: (instant.getUTCHours() << 11) | (instant.getUTCMinutes() << 5) | Math.floor(instant.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((instant.getUTCMonth() + 1) << 5) | instant.getUTCDate(),
  };
}
