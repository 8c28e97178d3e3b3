// Interim quantity reader; replaced by the full normalizer (issue 3).
import type { NumberMention, Span } from '../schema.js';

export function findNumbers(text: string, options: { exclude?: Span[] } = {}): NumberMention[] {
  const out: NumberMention[] = [];
  const re = /(\d+(?:\.\d+)?)(万|亿)?(余|多)?(个|件|家|人次|人|名|户|次|项|份|条|处|元|%|公里|平方米|公顷|小时)/g;
  for (const m of text.matchAll(re)) {
    const span: [number, number] = [m.index!, m.index! + m[0].length];
    if (options.exclude?.some(([s, e]) => s < span[1] && span[0] < e)) continue;
    const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
    out.push({ text: m[0], value: Math.round(Number(m[1]) * scale * 1e6) / 1e6, unit: m[4]!, approx: m[3] ? 'over' : null, span });
  }
  return out;
}
