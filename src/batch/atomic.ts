import { promises as fs, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/**
 * Every file the pipeline writes is written whole or not at all: a temporary file beside it,
 * then a rename. A run killed at any moment leaves at most a `*.tmp`, which the next run removes.
 */

/** A temporary name beside `file`, unique to this process and thread. */
export const temporary = (file: string) => `${file}.${process.pid}-${threadId}.tmp`;

export async function writeAtomic(file: string, data: string): Promise<void> {
  const tmp = temporary(file);
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

/**
 * `writeAtomic` for pool threads. A thread has one document at a time and nothing else to do
 * while its files are written, and synchronous calls spare a round trip through libuv's
 * thread pool for each of them: with asynchronous writes a worker sat idle a third of the time.
 */
export function writeAtomicSync(file: string, data: string | Uint8Array): void {
  const tmp = temporary(file);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
