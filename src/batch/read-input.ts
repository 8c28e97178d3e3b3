import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { describeError } from './errors.js';

/** A size as a user reads it: `12.4 MB`, `14 KB`. */
export const megabytes = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`);

/** The reason of an input over `--max-mb`, whose size is `bytes`. */
export const tooLarge = (bytes: number, maxBytes: number) => `${megabytes(bytes)}, over the limit of ${megabytes(maxBytes)} for one document (--max-mb)`;

const roundUp8 = (n: number) => Math.ceil(n / 8) * 8;

/** What the first read asks for when a file says it is empty: a file of /proc says so and holds text. */
const FIRST_READ = 64 * 1024;

/**
 * An input's bytes, or why they cannot be read: not a file, over the size limit, or a system
 * error (`gone`: it is not there, as an input removed since it was listed). The size the file
 * reports is checked before anything is read, so a 2 GB dump fails at once; and reading stops at
 * the limit whatever the file reported, since a file of /proc reports 0 bytes and some never end
 * (/proc/self/pagemap: 8 bytes for each page of the reader's address space, read at some 90 MB/s).
 */
export function readInput(file: string, maxBytes = Infinity): { bytes: Uint8Array } | { reason: string; gone?: boolean } {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a named pipe among the inputs is opened without waiting for a writer, then refused as not a file.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { reason: 'not a file' };
    if (stat.size > maxBytes) return { reason: tooLarge(stat.size, maxBytes) };
    // More than it says, to see its end in the same read (the next read returns 0); in multiples of
    // 8 bytes, as /proc/self/pagemap requires of a read (it refuses others: EINVAL).
    const most = roundUp8(maxBytes + 1);
    let buffer = Buffer.allocUnsafe(Math.min(most, roundUp8(stat.size || FIRST_READ) + 8));
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return { bytes: buffer.subarray(0, length) };
      length += n;
      if (length > maxBytes) return { reason: `more than ${megabytes(maxBytes)} though the file says ${megabytes(stat.size)}, over the limit of ${megabytes(maxBytes)} for one document (--max-mb)` };
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(most, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
    }
  } catch (error) {
    return { reason: `cannot read it: ${describeError(error)}`, ...((error as NodeJS.ErrnoException).code === 'ENOENT' ? { gone: true } : {}) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
