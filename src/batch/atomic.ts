import { type Dirent, type Stats, closeSync, promises as fs, constants, fstatSync, ftruncateSync, lstatSync, openSync, readdirSync, readlinkSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Every file the pipeline writes in out/ goes through here, and is written whole or not at all:
 * a temporary file beside it, then a rename. A write that fails (a full disk) removes its
 * temporary file; a run killed at any moment leaves at most a `*.tmp`, which the next run
 * removes. Nothing is ever deleted but the files this program writes, by name, and nothing is
 * written or deleted through a link: a temporary file is made new (`O_EXCL`, which refuses
 * whatever is at its name, a link included), an old file is opened with `O_NOFOLLOW`, and the
 * rename replaces a link at the file's name instead of following it. What is neither a file nor
 * a link where a file goes (a folder, a named pipe) is left as it is, and named in the error.
 */

/** A temporary name beside `file`, unique to this process and thread. */
export const temporary = (file: string) => `${file}.${process.pid}-${threadId}.tmp`;

/** Whether `name` is a temporary file `temporary` made for one of `names`. */
export function isTemporaryOf(name: string, names: readonly string[]): boolean {
  const m = /^(.*)\.\d+-\d+\.tmp$/.exec(name);
  return m !== null && names.includes(m[1]!);
}

/** What a directory entry is, in words (`a folder`), or null for a regular file. */
export function kindOf(entry: Stats | Dirent): string | null {
  if (entry.isFile()) return null;
  if (entry.isDirectory()) return 'a folder';
  if (entry.isSymbolicLink()) return 'a link';
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * Something that is not a regular file where the run writes one (`out/x/5-validate.json` made a
 * folder by hand), or not a real folder where it writes a document's folder (one replaced by a
 * link to a folder elsewhere): the run neither writes through it nor removes it.
 */
export class InTheWay extends Error {
  constructor(readonly file: string, readonly kind: string, wanted: 'file' | 'folder') {
    super(
      kind.startsWith('a link')
        ? `${file} is ${kind}, not a ${wanted}: a run never writes through a link (remove it, then run again)`
        : `${file} is ${kind}, not a ${wanted} (move it away, then run again)`,
    );
  }
}

/** `lstat`, or null when nothing is there. */
function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Removes a file or a link by name (a link itself, never what it leads to); a folder or nothing there is left as it is. */
export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder (EISDIR on Linux, EPERM on macOS) is not this program's to remove.
    if (code === 'ENOENT' || code === 'EISDIR' || (code === 'EPERM' && lstatOrNull(file)?.isDirectory())) return;
    throw error;
  }
}

/** A temporary file is opened new: `O_EXCL` makes the file or fails, so a link or a pipe at the name is never opened. */
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Clears the name of a temporary file for a new one: a leftover there (a file of a killed process that had this pid) goes; anything else is in the way. */
function clearTemporary(tmp: string): void {
  const there = lstatOrNull(tmp);
  if (there && !there.isFile() && !there.isSymbolicLink()) throw new InTheWay(tmp, kindOf(there)!, 'file');
  removeFile(tmp);
}

/** A new, empty temporary file, open for writing (`NEW_FILE`). */
export function createTemporary(tmp: string): number {
  try {
    return openSync(tmp, NEW_FILE, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  clearTemporary(tmp);
  return openSync(tmp, NEW_FILE, 0o666);
}

/** `createTemporary` as a file handle, for a table written as rows arrive. */
export async function openTemporary(tmp: string): Promise<FileHandle> {
  return fs.open(tmp, NEW_FILE, 0o666).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    clearTemporary(tmp);
    return fs.open(tmp, NEW_FILE, 0o666);
  });
}

/**
 * Opens a file this program wrote, to write over it or patch it: never through a link
 * (`O_NOFOLLOW`), never a pipe's wait for a reader (`O_NONBLOCK`), and only if it is a regular file.
 */
export function openOwnFile(file: string): number {
  const fd = openSync(file, constants.O_RDWR | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  const kind = kindOf(fstatSync(fd));
  if (kind) {
    closeSync(fd);
    throw new InTheWay(file, kind, 'file');
  }
  return fd;
}

/** Writes all of `bytes` at `position` on: a write may write less than it was given (a disk nearly full), and says so only in its count. */
function writeAllSync(fd: number, bytes: Uint8Array, position: number | null = null): void {
  for (let done = 0; done < bytes.length; ) {
    const n = writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
    if (n === 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    done += n;
  }
}

/**
 * Writes all of `data` at the end of what `handle` has written, until the system refuses with an
 * error, which is thrown.
 */
export async function writeAll(handle: FileHandle, data: string): Promise<void> {
  const bytes = Buffer.from(data, 'utf8');
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    if (bytesWritten === 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

/** `writeAtomicSync` for the files at the top of out/ (run.json, documents.csv). */
export async function writeAtomic(file: string, data: string): Promise<void> {
  writeAtomicSync(file, data);
}

/**
 * Before a file is rewritten: its old copy becomes the temporary file (true), which is then
 * written over and renamed back. On this machine's disk (ext4 without a journal, mounted with
 * `discard`) a rewrite through a new file, or one that empties the old file first, frees the old
 * data blocks and allocates new ones: rewriting six files a document took 0.8 ms, writing over
 * the same blocks 0.09 (3,000 documents' files of a notice's sizes), and a `--force` rerun of
 * 10,000 notices spent 1.3 ms a document writing against 0.42 for a first run. In between, the
 * file is missing, never cut short (the next run writes it whole). False when there is no
 * regular file to keep: nothing there, or a link, which the rename at the end replaces.
 */
function keepInode(file: string, tmp: string): boolean {
  const there = lstatOrNull(file);
  if (!there || there.isSymbolicLink()) return false;
  if (!there.isFile()) throw new InTheWay(file, kindOf(there)!, 'file');
  renameSync(file, tmp);
  return true;
}

/**
 * Writes `file` whole or not at all. Pool threads call it: a thread has one document at a time
 * and nothing else to do while its files are written, and synchronous calls spare a round trip
 * through libuv's thread pool for each of them (with asynchronous writes a worker sat idle a
 * third of the time). `replacing`: the file is there (from an earlier run), and its blocks are
 * written over (`keepInode`); the temporary file may hold the old copy already (the resume file
 * is set aside first).
 */
export function writeAtomicSync(file: string, data: string | Uint8Array, replacing = false): void {
  const tmp = temporary(file);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    if (replacing && (keepInode(file, tmp) || lstatOrNull(tmp)?.isFile())) {
      fd = openOwnFile(tmp);
      writeAllSync(fd, bytes, 0);
      ftruncateSync(fd, bytes.length);
    } else {
      fd = createTemporary(tmp);
      writeAllSync(fd, bytes);
    }
    closeSync(fd);
    fd = undefined;
    // A folder at `file` makes this fail (EISDIR), and stays; a link there is replaced.
    renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      if (!(error instanceof InTheWay && error.file === tmp)) removeFile(tmp);
    } catch {
      // The error that matters is the write's; the next run removes what is left.
    }
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
 * What a document's folder holds, or null when it is not there. A link where the folder goes (to
 * a folder elsewhere), or a file, is in the way: listing it would list another folder, and writing
 * in it would write outside out/.
 */
export function readFolder(dir: string): Dirent[] | null {
  const there = lstatOrNull(dir);
  if (!there) return null;
  if (there.isSymbolicLink()) {
    let to = '';
    try {
      to = ` (to ${path.resolve(path.dirname(dir), readlinkSync(dir))})`;
    } catch {
      // Gone meanwhile: named without its target.
    }
    throw new InTheWay(dir, `a link${to}`, 'folder');
  }
  if (!there.isDirectory()) throw new InTheWay(dir, kindOf(there) ?? 'a file', 'folder');
  return readdirSync(dir, { withFileTypes: true });
}

/**
 * Removes from `dir` the files named `names` and their temporary files, then the folder if
 * nothing else is left in it: the outputs of one document, and nothing a user put beside them
 * (nor a folder or pipe at one of the names). Never through a link: a `dir` that is not a real
 * folder is left alone. `listing` is the folder's contents when already read.
 */
export function removeOutputs(dir: string, names: readonly string[], listing?: readonly Dirent[]): void {
  let entries: readonly Dirent[] | null;
  try {
    entries = listing ?? readFolder(dir);
  } catch {
    return;
  }
  for (const e of entries ?? []) {
    if ((names.includes(e.name) || isTemporaryOf(e.name, names)) && (e.isFile() || e.isSymbolicLink())) removeFile(path.join(dir, e.name));
  }
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (something else is in it) or already gone: left as it is.
  }
}
