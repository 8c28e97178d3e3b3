import { promises as fs, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Every file the pipeline writes is written whole or not at all: a temporary file beside it,
 * then a rename. A write that fails (a full disk) removes its temporary file; a run killed at
 * any moment leaves at most a `*.tmp`, which the next run removes. Nothing is ever deleted but
 * the files this program writes, by name.
 */

/** A temporary name beside `file`, unique to this process and thread. */
export const temporary = (file: string) => `${file}.${process.pid}-${threadId}.tmp`;

/** Whether `name` is a temporary file `temporary` made for one of `names`. */
export function isTemporaryOf(name: string, names: readonly string[]): boolean {
  const m = /^(.*)\.\d+-\d+\.tmp$/.exec(name);
  return m !== null && names.includes(m[1]!);
}

/**
 * Writes all of `data` at the end of what `handle` has written: one `write` may write less than
 * it was given (a disk nearly full), and says so only in its count, so the rest is written
 * until the system refuses with an error, which is thrown.
 */
export async function writeAll(handle: fs.FileHandle, data: string): Promise<void> {
  const bytes = Buffer.from(data, 'utf8');
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    if (bytesWritten === 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

export async function writeAtomic(file: string, data: string): Promise<void> {
  const tmp = temporary(file);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => {});
    throw error;
  }
}

/**
 * Before a file is rewritten: its old copy becomes the temporary file, which is then written
 * over (the same inode, emptied) and renamed back, so that rewriting a document frees no inode
 * and makes none. On ext4 without a journal (this machine's disk) each new file is placed past
 * every inode freed in the last minutes, one lookup each: rewriting 10,000 documents through new
 * temporary files, which freed 60,000 inodes as it went, took their writing from 0.42 to 1.30 ms
 * a document. In between, the file is missing, never cut short (the next run writes it whole).
 */
function keepInode(file: string, tmp: string): void {
  try {
    renameSync(file, tmp);
  } catch (error) {
    // Already gone: written new.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * `writeAtomic` for pool threads. A thread has one document at a time and nothing else to do
 * while its files are written, and synchronous calls spare a round trip through libuv's
 * thread pool for each of them: with asynchronous writes a worker sat idle a third of the time.
 * `replacing`: the file is there (from an earlier run), and its inode is reused (`keepInode`).
 */
export function writeAtomicSync(file: string, data: string | Uint8Array, replacing = false): void {
  const tmp = temporary(file);
  try {
    if (replacing) keepInode(file, tmp);
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * The folder of document `id` in `outDir` (an absolute path). Ids are made safe by
 * src/batch/ids.ts; this is the check that nothing else reaches a write or a delete.
 */
export function documentFolder(outDir: string, id: string): string {
  const dir = path.join(outDir, id);
  if (!id || /^\.*$/.test(id) || /[/\\\0]/.test(id) || path.dirname(dir) !== outDir) throw new Error(`unsafe document id ${JSON.stringify(id)}`);
  return dir;
}

/**
 * Removes from `dir` the files named `names` and their temporary files, then the folder if
 * nothing else is left in it: the outputs of one document, and nothing a user put beside them.
 * `listing` is the folder's contents when already read.
 */
export function removeOutputs(dir: string, names: readonly string[], listing?: readonly string[]): void {
  let entries: readonly string[];
  try {
    entries = listing ?? readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) if (names.includes(name) || isTemporaryOf(name, names)) rmSync(path.join(dir, name), { force: true });
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (something else is in it) or already gone: left as it is.
  }
}
