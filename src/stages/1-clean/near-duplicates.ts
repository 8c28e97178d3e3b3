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
 * and footer of their own score 0.98–1.0, a copy cut to 70% 0.63–0.76; different notices of the
 * corpus and dev set score at most 0.06.
 */
export const DUPLICATE_THRESHOLD = 0.5;

export interface Duplicate<Id> {
  duplicateOf: Id;
  similarity: number;
}

/**
 * Fixed pseudo-random coefficients so that signatures are the same on every run: the first pair
 * mixes every shingle hash, `COEFF_B[p]` offsets a value that empty bin `p` borrows.
 */
const [COEFF_A, COEFF_B] = (() => {
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const a = new Uint32Array(PERMUTATIONS);
  const b = new Uint32Array(PERMUTATIONS);
  for (let p = 0; p < PERMUTATIONS; p++) (a[p] = next() | 1), (b[p] = next());
  return [a, b];
})();

/** Whether a UTF-16 code unit is a Han character of the BMP (CJK unified, extension A, compatibility). */
function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

const EMPTY = 0xffffffff;

/**
 * A document's MinHash signature, or `null` when it is too short to have a shingle. The clean
 * stage stores it in `1-clean.json`, so a batch links reposts from 128 numbers per document
 * without holding any text.
 *
 * Shingles are runs of `k` Han characters, skipping everything else, so that punctuation,
 * spacing and page chrome in Latin letters do not count; each is hashed with FNV-1a over its
 * code units. One-permutation MinHash: each shingle hash is mixed once and falls in one of
 * `PERMUTATIONS` bins by its top bits; a bin keeps its smallest value. Empty bins borrow from
 * the next full bin (with an offset per step, so borrowed values are not mistaken for shared
 * shingles). Cost is linear in the shingles, where 128 hash functions cost 128 times that. A
 * repeated shingle cannot lower a bin twice, so the shingles are not collected into a set.
 */
export function minhash(text: string, k = SHINGLE): number[] | null {
  const han = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han[n++] = c;
  }
  if (n < k) return null;
  const sig = new Uint32Array(PERMUTATIONS).fill(EMPTY);
  for (let i = 0; i + k <= n; i++) {
    let x = 0x811c9dc5;
    for (let j = i; j < i + k; j++) x = Math.imul(x ^ han[j]!, 0x01000193);
    const h = (Math.imul(COEFF_A[0]!, x) + COEFF_B[0]!) >>> 0;
    const mixed = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    const bin = mixed >>> 25;
    const value = mixed & 0x1ffffff;
    if (value < sig[bin]!) sig[bin] = value;
  }
  const full = sig.slice();
  for (let p = 0; p < PERMUTATIONS; p++) {
    if (full[p] !== EMPTY) continue;
    let q = p;
    let step = 0;
    do (q = (q + 1) % PERMUTATIONS), step++;
    while (full[q] === EMPTY);
    sig[p] = (full[q]! + Math.imul(step, COEFF_B[p]!)) >>> 0;
  }
  return Array.from(sig);
}

export function estimateSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let p = 0; p < PERMUTATIONS; p++) if (a[p] === b[p]) same++;
  return same / PERMUTATIONS;
}

/**
 * Locality-sensitive hashing: the signature in `BANDS` bands of `PERMUTATIONS / BANDS` rows;
 * two documents are compared only when some band is equal. 32 bands of 4 rows catch pairs of
 * similarity 0.5 with probability 1 − (1 − 0.5⁴)³² ≈ 0.87 and of 0.65 (a copy cut to 70%)
 * with 0.995, while the cost stays linear in the batch instead of quadratic.
 */
export const BANDS = 32;

/**
 * Links reposts within a batch, one document at a time in batch order: each document that
 * repeats an earlier one is linked to the first document of its group, with the similarity to
 * it. A document's link depends only on the documents before it, so a run links each as it
 * arrives. Documents without a signature are never linked.
 */
export class RepostLinker<Id> {
  /** Per band, the roots by a hash of their rows in it (a hash match is checked row by row). */
  private readonly bands = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  /** The first documents of their groups, which later ones are compared with. */
  private readonly roots: { id: Id; minhash: readonly number[] }[] = [];

  add(id: Id, sig: readonly number[] | null): Duplicate<Id> | null {
    if (!sig) return null;
    const rows = PERMUTATIONS / BANDS;
    const keys: number[] = [];
    for (let b = 0; b < BANDS; b++) {
      let h = b;
      for (let r = b * rows; r < (b + 1) * rows; r++) h = Math.imul(h ^ sig[r]!, 0x01000193) ^ (h >>> 15);
      keys.push(h);
    }
    let best = -1;
    let bestSim = 0;
    const seen = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      for (const i of this.bands[b]!.get(keys[b]!) ?? []) {
        if (seen.has(i) || !sameBand(this.roots[i]!.minhash, sig, b * rows, (b + 1) * rows)) continue;
        seen.add(i);
        const sim = estimateSimilarity(this.roots[i]!.minhash, sig);
        if (sim > bestSim) (best = i), (bestSim = sim);
      }
    }
    if (best >= 0 && bestSim >= DUPLICATE_THRESHOLD) return { duplicateOf: this.roots[best]!.id, similarity: Math.round(bestSim * 1000) / 1000 };
    const j = this.roots.push({ id, minhash: sig }) - 1;
    for (let b = 0; b < BANDS; b++) {
      const bucket = this.bands[b]!.get(keys[b]!);
      if (bucket) bucket.push(j);
      else this.bands[b]!.set(keys[b]!, [j]);
    }
    return null;
  }
}

/** Whether two signatures have the same rows `[from, to)`. */
function sameBand(a: readonly number[], b: readonly number[], from: number, to: number): boolean {
  for (let r = from; r < to; r++) if (a[r] !== b[r]) return false;
  return true;
}

/** `RepostLinker` over a whole batch, given in batch order: each repost by id. */
export function linkDuplicates<Id>(docs: readonly { id: Id; minhash: readonly number[] | null }[]): Map<Id, Duplicate<Id>> {
  const linker = new RepostLinker<Id>();
  const out = new Map<Id, Duplicate<Id>>();
  for (const doc of docs) {
    const found = linker.add(doc.id, doc.minhash);
    if (found) out.set(doc.id, found);
  }
  return out;
}

/** `linkDuplicates` on texts (simplified, cleaned), for use on its own. */
export function findDuplicates<Id>(docs: readonly { id: Id; text: string }[]): Map<Id, Duplicate<Id>> {
  return linkDuplicates(docs.map((d) => ({ id: d.id, minhash: minhash(d.text) })));
}
