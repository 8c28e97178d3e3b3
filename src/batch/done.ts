import { createHash } from 'node:crypto';
import { type Dirent, type Stats, closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FINAL_FILE, STAGES } from '../pipeline.js';
import { kindOf } from './atomic.js';

/**
 * The resume record, `out/<docId>/.done.json`, written after a document's other files: what they
 * were made from (the input's SHA-256 and path), by which code (the pipeline's version), and what
 * they are (each file's size and SHA-256, hashed from the bytes as they were written). A later run
 * skips the document only when all of it still holds; a file changed since (by hand, or by
 * another program) redoes the document, and the run says so.
 */
export const DONE_FILE = '.done.json';

export interface Done {
  /** SHA-256 of the input's bytes. */
  sha256: string;
  version: string;
  minhash: number[] | null;
  /** The input's path as given: the outputs name it (`source`), so another path is another document. */
  source: string;
  /**
   * Each stage file by name: its size in bytes and SHA-256. The final document's are of its
   * bytes before its repost link (`"duplicateOf": …`, its last member), which every run sets anew.
   */
  files: Record<string, { bytes: number; sha256: string }>;
  /** SHA-256 of this record's JSON without `check`: a record changed by hand is caught too. */
  check: string;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The final document's last member, its repost link, as `toJsonFile` writes it. */
const REPOST_MEMBER = Buffer.from('\n "duplicateOf": ');

/** A final document's bytes before its repost link, or null when it has none where it should be. */
export function finalBody(bytes: Uint8Array): Uint8Array | null {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).lastIndexOf(REPOST_MEMBER);
  return at < 0 ? null : bytes.subarray(0, at);
}

/** What the record says of one file, from the bytes written. */
export function fileRecord(name: string, bytes: Uint8Array): { bytes: number; sha256: string } {
  const body = name === FINAL_FILE ? (finalBody(bytes) ?? bytes) : bytes;
  return { bytes: body.length, sha256: sha256(body) };
}

/** The resume file's contents. */
export function doneJson(record: Omit<Done, 'check'>): string {
  const json = JSON.stringify(record);
  return `${JSON.stringify({ ...record, check: sha256(json) })}\n`;
}

/**
 * A file of out/ this program wrote, read whole, with its `stat`: never through a link
 * (`O_NOFOLLOW`), and only a regular file (a pipe or a folder at its name is an error).
 */
export function readOwnFile(file: string): { bytes: Buffer; stat: Stats } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    const kind = kindOf(stat);
    if (kind) throw Object.assign(new Error(`${file} is ${kind}`), { code: 'EINVAL' });
    return { bytes: readFileSync(fd), stat };
  } finally {
    closeSync(fd);
  }
}

export const differs = (file: string) => `${file} differs from what the last run wrote`;

/**
 * The resume record of the folder `dir` (its listing `entries`), with the time it was written and
 * whether it is as written (`intact`: its `check` holds); a reason when it cannot be read (a link,
 * not JSON); null when there is none (a document never finished, as a killed run leaves it).
 */
export function readDone(dir: string, entries: readonly Dirent[]): { done: Done; mtimeMs: number; intact: boolean } | { problem: string } | null {
  const entry = entries.find((e) => e.name === DONE_FILE);
  if (!entry) return null;
  const file = path.join(dir, DONE_FILE);
  if (entry.isSymbolicLink()) return { problem: `${file} is a link (it is replaced, never followed)` };
  try {
    const { bytes, stat } = readOwnFile(file);
    const done = JSON.parse(bytes.toString('utf8')) as Done;
    const { check, ...rest } = done;
    const intact = typeof check === 'string' && sha256(JSON.stringify(rest)) === check && typeof rest.files === 'object' && rest.files !== null;
    return { done, mtimeMs: stat.mtimeMs, intact };
  } catch {
    return { problem: differs(file) };
  }
}

/**
 * Why the files of `dir` are not those its resume record describes, or null when they are. The
 * final document's bytes (`final`, read by the caller, which needs them anyway) are hashed; each
 * other stage file is first compared by `lstat`: the size it had, and written no later than the
 * record (every file is written before it). Only a file changed since is read and hashed, so that
 * a rerun over finished documents reads none of their large files (a hand edit that keeps a
 * file's size and sets its time back is not seen).
 */
export function changedFile(dir: string, entries: readonly Dirent[], record: { done: Done; mtimeMs: number; intact: boolean }, final: Uint8Array): string | null {
  if (!record.intact) return differs(path.join(dir, DONE_FILE));
  for (const stage of STAGES) {
    const file = path.join(dir, stage.file);
    const want = record.done.files[stage.file];
    const entry = entries.find((e) => e.name === stage.file);
    if (!entry) return `${file} is missing`;
    if (entry.isSymbolicLink()) return `${file} is a link (it is replaced, never followed)`;
    if (!want) return differs(file);
    if (stage.file === FINAL_FILE) {
      const body = finalBody(final);
      if (!body || body.length !== want.bytes || sha256(body) !== want.sha256) return differs(file);
      continue;
    }
    try {
      const stat = lstatSync(file);
      if (stat.size !== want.bytes) return differs(file);
      if (stat.mtimeMs > record.mtimeMs && sha256(readOwnFile(file).bytes) !== want.sha256) return differs(file);
    } catch {
      return `${file} is missing`;
    }
  }
  return null;
}
