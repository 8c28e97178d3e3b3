import { createHash } from 'node:crypto';
import { documentId } from '../stages/1-clean/index.js';

/**
 * Document ids that are safe folder names under out/ and unique in a batch. The contract's rule
 * (`documentId`: relative path, extension dropped, `/` → `__`, odd characters → `_`) names every
 * ordinary file; these rules change only the ids it would make unsafe or shared, and each
 * change is recorded (run.json `renamed`, documents.csv `plainId`).
 */

/** Files the run writes at the top of out/: no document folder may take their names. */
export const RESERVED_NAMES = ['run.json', 'report.html', 'report.html.body', 'documents.csv', 'problems.csv', 'numbers.csv', 'dates.csv', 'diagnostics.csv', 'zhenggai.xlsx', '.zhenggai.lock'];

/**
 * The longest id, in UTF-8 bytes. File systems allow 255 bytes a name (eCryptfs 143); a longer
 * id keeps its start and ends in a hash of the whole path.
 */
export const MAX_ID_BYTES = 140;

const hash = (text: string, hexDigits = 8) => createHash('sha256').update(text).digest('hex').slice(0, hexDigits);

/** Cuts `id` to at most `bytes` UTF-8 bytes, never inside a character. */
function cut(id: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const c of id) {
    used += Buffer.byteLength(c);
    if (used > bytes) break;
    out += c;
  }
  return out;
}

/**
 * `plain` as a safe name, and why it changed (null when it did not):
 * - `...txt` → `..`, `..txt` → `.`, `.txt`'s empty stem: names of folders that are not theirs,
 *   each dot written `_` (`__`, `_`, `_`);
 * - `run.json.txt` → `run.json_`: a name the run writes at out/'s top, or one ending `.tmp`;
 * - over `MAX_ID_BYTES`: its start and `~` and a hash of `source`.
 * Control characters and separators never reach here: `documentId` writes them `_`.
 */
export function safeId(plain: string, source: string): { id: string; why: string | null } {
  if (/^\.*$/.test(plain)) return { id: plain.replace(/\./g, '_') || '_', why: `"${plain}" is not a folder name of its own` };
  const lower = plain.toLowerCase();
  if (RESERVED_NAMES.includes(lower) || lower.endsWith('.tmp')) return { id: `${plain}_`, why: `"${plain}" is a name the run uses in out/` };
  if (Buffer.byteLength(plain) > MAX_ID_BYTES) return { id: `${cut(plain, MAX_ID_BYTES - 9)}~${hash(source)}`, why: `longer than ${MAX_ID_BYTES} bytes` };
  return { id: plain, why: null };
}

export interface Named {
  /** The file's path as given or found (documents.csv `source`). */
  source: string;
  /** Its path relative to the folder given (its own name for a file given by itself). */
  relative: string;
}

export interface Identified extends Named {
  id: string;
  /** The contract's id when `id` differs from it, and why. */
  renamed?: { plainId: string; why: string };
}

/**
 * Ids for a batch, safe and unique, case-insensitively too (`N.txt` and `n.txt` share a folder
 * on macOS and Windows). Files whose ids collide keep their extensions (`n.txt` + `n.htm` →
 * `n.txt`, `n.htm`); when that is not enough (`sub/m.txt` + `sub__m.txt`, or one file name
 * in two folders given on the command line), each gets `~` and a hash of its source path. Each
 * id depends only on the set of files in the batch, never on the order they are listed in.
 */
export function assignIds(files: readonly Named[]): Identified[] {
  const safe = files.map((f) => {
    const plainId = documentId(f.relative);
    return { ...f, plainId, ...safeId(plainId, f.source) };
  });
  const key = (id: string) => id.toLowerCase();
  const groups = new Map<string, typeof safe>();
  for (const f of safe) groups.set(key(f.id), [...(groups.get(key(f.id)) ?? []), f]);
  const taken = new Set([...groups.keys()]);
  const result = new Map<(typeof safe)[number], Identified>();
  const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [groupKey, group] of sorted) {
    if (group.length === 1) {
      const f = group[0]!;
      result.set(f, { source: f.source, relative: f.relative, id: f.id, ...(f.why ? { renamed: { plainId: f.plainId, why: f.why } } : {}) });
      continue;
    }
    taken.delete(groupKey);
    const why = `${group.length} files have the id "${group[0]!.id}" (letter case aside)`;
    const withExtension = group.map((f) => safeId(documentId(f.relative, true), f.source).id);
    const distinct = new Set(withExtension.map(key)).size === group.length && withExtension.every((id) => !taken.has(key(id)));
    group.forEach((f, i) => {
      let id = distinct ? withExtension[i]! : `${f.id}~${hash(f.source)}`;
      for (let digits = 16; taken.has(key(id)); digits += 8) id = `${f.id}~${hash(f.source, digits)}`;
      taken.add(key(id));
      result.set(f, { source: f.source, relative: f.relative, id, renamed: { plainId: f.plainId, why } });
    });
  }
  return safe.map((f) => result.get(f)!);
}
