import { isDeepStrictEqual } from 'node:util';
import { fromAnchors } from '../stages/1-clean/text-map.js';
import { STAGES, type PipelineDocument, stageFiles } from '../pipeline.js';

/**
 * The invariants every output keeps, as a list of what breaks them (empty when none): spans in
 * bounds and ordered, each mention's `text` equal to its slice of the cleaned text, tokens in
 * order, the offset map monotonic and inside the raw input, and every stage's JSON, as written,
 * valid against its schema and equal to the layer in memory. The tests and the fuzz bench
 * (`npm run bench:fuzz`) both check them.
 */
export function violations(doc: PipelineDocument): string[] {
  const out: string[] = [];
  const { text } = doc.clean;
  const span = (s: [number, number] | null, what: string) => {
    if (s && !(s[0] >= 0 && s[1] >= s[0] && s[1] <= text.length)) out.push(`${what}: span [${s}] outside [0, ${text.length}]`);
  };
  const slice = (s: [number, number] | null, surface: string | null, what: string) => {
    span(s, what);
    if (s && text.slice(s[0], s[1]) !== surface) out.push(`${what}: ${JSON.stringify(surface)} is not its span's text ${JSON.stringify(text.slice(s[0], s[1]))}`);
  };
  for (const n of doc.final.numbers) slice(n.span, n.text, `number ${n.text}`);
  for (const d of doc.final.dates) slice(d.span, d.text, `date ${d.text}`);
  for (const p of doc.final.problems) {
    slice(p.span, p.text, `problem ${p.number}`);
    if (p.rectificationSpan) slice(p.rectificationSpan, p.rectification, `rectification ${p.number}`);
  }
  for (const c of doc.final.categories) slice(c.span, c.title, `category ${c.number}`);
  for (const d of doc.final.diagnostics) span(d.span, `diagnostic ${d.code}`);
  let previous = -1;
  for (const [start, end] of doc.segment.tokens) {
    if (start < previous || end <= start) out.push(`token [${start}, ${end}) after ${previous}`);
    previous = end;
  }
  const map = fromAnchors(doc.clean.offsetMap, text.length);
  for (let i = 1; i < map.length; i++) if (map[i]! < map[i - 1]!) out.push(`offset map goes back at ${i}`);
  if (map[text.length]! > doc.raw.length) out.push(`offset map ends at ${map[text.length]}, past the raw input's ${doc.raw.length}`);
  const files = stageFiles(doc);
  STAGES.forEach((stage, i) => {
    const json = files[i]!.json;
    const written = JSON.parse(typeof json === 'string' ? json : Buffer.from(json).toString('utf8'));
    if (!stage.schema.safeParse(written).success) out.push(`${stage.file} does not match its schema`);
    if (!isDeepStrictEqual(written, JSON.parse(JSON.stringify(stage.layer(doc as never))))) out.push(`${stage.file} says other than the layer in memory`);
  });
  return out;
}
