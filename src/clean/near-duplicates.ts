/**
 * Reposts of one notice across a batch. A notice travels to dozens of sites, each adding its
 * own header and footer, some converting it to traditional script; a researcher should count it
 * once. Documents are compared by MinHash over character shingles of their Han text (site
 * chrome in Latin letters and digits of page counters weigh nothing), and a pair whose
 * estimated Jaccard similarity passes `DUPLICATE_THRESHOLD` is linked, the later one in batch
 * order pointing at the earliest one of its group.
 */

/** Characters per shingle: 5 Han characters rarely repeat across different notices. */
export const SHINGLE = 5;
/** Hash functions in the signature. */
export const PERMUTATIONS = 128;
/**
 * Estimated Jaccard similarity from which two documents are one notice. Reposts with a header
 * and footer of their own score 0.98–1.0, a copy cut to 70% 0.65–0.71; different notices of the
 * corpus and dev set score at most 0.06.
 */
export const DUPLICATE_THRESHOLD = 0.5;

export interface Duplicate<Id> {
  duplicateOf: Id;
  similarity: number;
}

/** FNV-1a over a string, 32 bits. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed pseudo-random coefficients so that signatures are the same on every run. */
const COEFFS: [number, number][] = (() => {
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  return Array.from({ length: PERMUTATIONS }, () => [next() | 1, next()] as [number, number]);
})();

/** The Han characters of a text, so that punctuation, spacing and page chrome in Latin letters do not count. */
function hanOnly(text: string): string {
  return Array.from(text.matchAll(/\p{Script=Han}/gu), (m) => m[0]).join('');
}

export function shingles(text: string, k = SHINGLE): Set<number> {
  const s = hanOnly(text);
  const out = new Set<number>();
  for (let i = 0; i + k <= s.length; i++) out.add(fnv1a(s.slice(i, i + k)));
  return out;
}

export function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const x of set) {
    for (let p = 0; p < PERMUTATIONS; p++) {
      const [a, b] = COEFFS[p]!;
      const h = (Math.imul(a, x) + b) >>> 0;
      if (h < sig[p]!) sig[p] = h;
    }
  }
  return sig;
}

export function estimateSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let p = 0; p < PERMUTATIONS; p++) if (a[p] === b[p]) same++;
  return same / PERMUTATIONS;
}

/**
 * A document's MinHash signature, or `null` when it is too short to have a shingle. The clean
 * stage stores it in `1-clean.json`, so a batch links reposts from 128 numbers per document
 * without holding any text.
 */
export function minhash(text: string): number[] | null {
  const set = shingles(text);
  return set.size ? Array.from(signature(set)) : null;
}

/**
 * Locality-sensitive hashing: the signature in `BANDS` bands of `PERMUTATIONS / BANDS` rows;
 * two documents are compared only when some band is equal. 32 bands of 4 rows catch pairs of
 * similarity 0.5 with probability 1 − (1 − 0.5⁴)³² ≈ 0.87 and of 0.65 (a copy cut to 70%)
 * with 0.995, while the cost stays linear in the batch instead of quadratic.
 */
export const BANDS = 32;

/**
 * Links reposts within a batch, given in batch order: each document that repeats an earlier
 * one maps to the first document of its group, with the similarity to it. Documents without a
 * signature are never linked.
 */
export function linkDuplicates<Id>(docs: readonly { id: Id; minhash: readonly number[] | null }[]): Map<Id, Duplicate<Id>> {
  const rows = PERMUTATIONS / BANDS;
  const buckets = new Map<string, number[]>();
  const out = new Map<Id, Duplicate<Id>>();
  const isRoot = docs.map(() => true);
  docs.forEach((doc, j) => {
    const sig = doc.minhash;
    if (!sig) return;
    const keys: string[] = [];
    for (let b = 0; b < BANDS; b++) keys.push(`${b}:${sig.slice(b * rows, (b + 1) * rows).join(',')}`);
    let best = -1;
    let bestSim = 0;
    const seen = new Set<number>();
    for (const key of keys) {
      for (const i of buckets.get(key) ?? []) {
        if (seen.has(i) || !isRoot[i]) continue;
        seen.add(i);
        const sim = estimateSimilarity(docs[i]!.minhash!, sig);
        if (sim > bestSim) (best = i), (bestSim = sim);
      }
    }
    if (best >= 0 && bestSim >= DUPLICATE_THRESHOLD) {
      isRoot[j] = false;
      out.set(doc.id, { duplicateOf: docs[best]!.id, similarity: Math.round(bestSim * 1000) / 1000 });
      return;
    }
    for (const key of keys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(j);
      else buckets.set(key, [j]);
    }
  });
  return out;
}

/** `linkDuplicates` on texts (simplified, cleaned), for use on its own. */
export function findDuplicates<Id>(docs: readonly { id: Id; text: string }[]): Map<Id, Duplicate<Id>> {
  return linkDuplicates(docs.map((d) => ({ id: d.id, minhash: minhash(d.text) })));
}
