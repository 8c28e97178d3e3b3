/** A value that writes itself as UTF-8 bytes, as `toJson` would write its `toJSON()`, only faster (a token layer). */
export interface JsonBytes {
  toJsonBytes(indent: string): Uint8Array;
}

/** Holds the place of a value written as bytes in `toJson`'s string: U+0000 is never raw in JSON text. */
const BYTES_MARK = '\u0000';

/**
 * A stage file's contents: `toJson` and a final line break, as bytes when some value wrote
 * itself as bytes (spliced in where `toJson` marked them), or else as a string.
 */
export function toJsonFile(value: unknown): string | Uint8Array {
  const parts: Uint8Array[] = [];
  const text = `${toJson(value, '', parts)}\n`;
  if (parts.length === 0) return text;
  const chunks: Uint8Array[] = [];
  text.split(BYTES_MARK).forEach((piece, i) => {
    chunks.push(Buffer.from(piece, 'utf8'));
    if (i < parts.length) chunks.push(parts[i]!);
  });
  return Buffer.concat(chunks);
}

/**
 * JSON as the stage files are written: one member or element per line, indented by one space,
 * except that an array of plain values (a span `[9, 25]`, a token `[0, 2, "n"]`, an anchor of
 * the offset map) stays on one line. A token layer then costs one short line per token instead
 * of five, and a reviewer reads a span at a glance. `JSON.parse` gives back the same value.
 *
 * Built by `+=` over `for…in`, with no arrays of entries or parts to join: half the time it
 * took with `Object.entries`, `map` and `join`. A value that writes itself as bytes goes to
 * `parts`, and `BYTES_MARK` holds its place.
 */
function toJson(value: unknown, indent: string, parts: Uint8Array[]): string {
  if (value === null || typeof value !== 'object') return plain(value);
  if (typeof (value as Partial<JsonBytes>).toJsonBytes === 'function') {
    parts.push((value as JsonBytes).toJsonBytes(indent));
    return BYTES_MARK;
  }
  const inner = indent + ' ';
  if (Array.isArray(value)) {
    const line = plainArray(value);
    if (line !== null) return line;
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',\n' : '\n') + inner + toJson(value[i], inner, parts);
    return `${out}\n${indent}]`;
  }
  let out = '';
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out += (out ? ',\n' : '{\n') + inner + quotedKey(key) + toJson(v, inner, parts);
  }
  return out ? `${out}\n${indent}}` : '{}';
}

/** Keys recur in every object of a layer (`span`, `text`, `value`): each quoted once. */
const KEYS = new Map<string, string>();

function quotedKey(key: string): string {
  let q = KEYS.get(key);
  if (q === undefined) {
    q = `${JSON.stringify(key)}: `;
    if (KEYS.size < 10_000) KEYS.set(key, q);
  }
  return q;
}

/** A number as `String` writes it (a span's offsets: cheaper than `JSON.stringify`), anything else as JSON. */
const plain = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? 'null'));

/** `[a,b,c]` for an array of plain values, or null when some element is an object or array. */
function plainArray(a: unknown[]): string | null {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== null && typeof v === 'object') return null;
    out += (i ? ',' : '') + plain(v);
  }
  return out + ']';
}
