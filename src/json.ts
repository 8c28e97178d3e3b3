/** A value that writes itself, as `toJson` would write its `toJSON()`, only faster (a token layer). */
export interface JsonLines {
  toJsonLines(indent: string): string;
}

/**
 * JSON as the stage files are written: one member or element per line, indented by one space,
 * except that an array of plain values (a span `[9, 25]`, a token `[0, 2, "n"]`, an anchor of
 * the offset map) stays on one line. A token layer then costs one short line per token instead
 * of five, and a reviewer reads a span at a glance. `JSON.parse` gives back the same value.
 */
export function toJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return plain(value);
  if (typeof (value as Partial<JsonLines>).toJsonLines === 'function') return (value as JsonLines).toJsonLines(indent);
  const inner = indent + ' ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const line = plainArray(value);
    if (line !== null) return line;
    let out = '[\n';
    for (let i = 0; i < value.length; i++) out += (i ? ',\n' : '') + inner + toJson(value[i], inner);
    return `${out}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Short strings recur (part-of-speech tags, units): quoted once. */
const QUOTED = new Map<string, string>();

function plain(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string' && v.length <= 8) {
    let q = QUOTED.get(v);
    if (q === undefined) {
      q = JSON.stringify(v);
      if (QUOTED.size < 10_000) QUOTED.set(v, q);
    }
    return q;
  }
  return JSON.stringify(v) ?? 'null';
}

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
