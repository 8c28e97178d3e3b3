import type { Category, Problem } from '../../schema.js';

/** Where a mention sits: the number of the problem it falls in, and that problem's category (or the category whose title holds it). */
export interface Place { problem: number | null; category: number | null }

/**
 * Each mention's place in the notice's structure: the problem whose statement or 整改情况 it
 * falls in (from the start of the statement to the end of its rectification: 问题3's
 * "整改资金217.69万元" is in 问题3) with that problem's category, else the category whose title
 * holds it ("(一)3个方面的问题" is in category 1). Found by binary search over the problems in
 * text order, so a notice of thousands of items costs a logarithm per mention.
 */
export function placeMentions<T extends { span: [number, number] }>(mentions: readonly T[], problems: readonly Problem[], categories: readonly Category[]): (T & Place)[] {
  const regions = problems.map((p) => ({ p, start: p.span[0], end: Math.max(p.span[1], p.rectificationSpan?.[1] ?? 0) })).sort((a, b) => a.start - b.start);
  return mentions.map((m) => {
    const [start, end] = m.span;
    let lo = 0;
    let hi = regions.length;
    // The last region starting at or before the mention.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (regions[mid]!.start <= start) lo = mid + 1;
      else hi = mid;
    }
    const region = regions[lo - 1];
    if (region && end <= region.end) return { ...m, problem: region.p.number, category: region.p.category };
    const heading = categories.find((c) => c.span[0] <= start && end <= c.span[1]);
    return { ...m, problem: null, category: heading?.number ?? null };
  });
}
