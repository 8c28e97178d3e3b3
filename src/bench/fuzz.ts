import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { CleanError } from '../stages/1-clean/index.js';
import { runPipeline } from '../pipeline.js';
import { violations } from './invariants.js';

/**
 * `npm run bench:fuzz [-- --runs N] [--seed S]`: the whole pipeline on random documents made of
 * real fragments, markup and noise (default 10,000; the test suite runs a few hundred of the
 * same). A document either fails with a reason of its content (`CleanError`: empty, binary, no
 * Chinese text …) or keeps every invariant (src/bench/invariants.ts); anything else (a crash,
 * a hang, a broken span) is a counterexample, printed with the seed that repeats it.
 */

/** Lines of the repository's corpus: the real fragments documents are made of. */
export function corpusLines(): string[] {
  const dir = fileURLToPath(new URL('../../corpus/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(dir + f, 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Markup a crawled page carries, whole and broken. */
const MARKUP = [
  '<p>', '</p>', '<br>', '<br/>', '<div class="TRS_Editor">', '</div>', '<div id="zoom">', '<span>', '</span>', '<b>', '<font size=3>',
  '<table><tr><td>', '</td><td>', '</td></tr></table>', '<h1>', '</h1>', '<script>var a="<p>整改</p>";</script>', '<style>p{}</style>',
  '<!-- 正文开始 -->', '<!--', '-->', '&nbsp;', '&amp;', '&amp;rdquo;', '&#8220;', '&#x4e00;', 'rdquo;', '<a href="#">附件</a>', '<',
  '>', '<html><head><meta charset="gbk"></head><body>', '</body></html>', '<![CDATA[x]]>', '<svg><text>巡察</text></svg>', '<nav>首页</nav>',
];

/** Pieces of notices' own vocabulary: headings, totals, dates, statuses. */
const NOTICE_BITS = [
  '一、', '(一)', '（二）', '问题1:', '问题12：', '1.', '①', '一是', '二是', '第一,', '整改情况:', '已完成整改', '正在整改', '已整改到位',
  '反馈的36个问题,已完成整改23个,阶段性完成12个,未完成1个', '2024年4月2日至8月20日', '二〇二四年九月', '12.5万元', '近3年', '100%',
  '当前位置:首页>>巡察工作', '版权所有', '【打印本页】', '整(zhěng)改(gǎi)', '巡視整改', '\u3000\u3000', '\r\n', '\n\n\n', '\t',
];

/** One piece of a document: a real line (whole or cut), markup, notice vocabulary, or noise. */
function piece(lines: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...lines) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...lines), fc.nat(), fc.nat()).map(([l, a, b]) => l.slice(Math.min(a, b) % (l.length + 1), Math.max(a, b) % (l.length + 1))) },
    { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
    { weight: 3, arbitrary: fc.constantFrom(...NOTICE_BITS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9０-９.,，%万亿年月日至~-]{1,12}$/) },
    { weight: 1, arbitrary: fc.constantFrom('\n', ' ', '。', '；', '、', '\u0000', '\uFEFF', '\uFFFD', '\u200B') },
  );
}

export interface FuzzDocument {
  source: string;
  bytes: Uint8Array;
}

/** A document: pieces joined, named .txt or .html, as UTF-8, UTF-16 with a byte-order mark, or with a byte dropped. */
export function documentArbitrary(lines: readonly string[] = corpusLines()): fc.Arbitrary<FuzzDocument> {
  return fc
    .record({
      pieces: fc.array(piece(lines), { minLength: 0, maxLength: 60 }),
      name: fc.constantFrom('doc.txt', 'page.html', 'page.htm', 'noext'),
      encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'utf16', 'cut'),
      cutAt: fc.nat(),
    })
    .map(({ pieces, name, encoding, cutAt }) => {
      const text = pieces.join('');
      let bytes: Uint8Array = Buffer.from(text, 'utf8');
      if (encoding === 'utf16') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      if (encoding === 'cut' && bytes.length > 1) {
        const at = cutAt % bytes.length;
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
      }
      return { source: `fuzz/${name}`, bytes };
    });
}

/** What went wrong with one document (nothing: an empty list); `refused` counts those failed with a reason. */
export function check(doc: FuzzDocument, refused = { count: 0 }): string[] {
  let result;
  try {
    result = runPipeline({ id: 'fuzz', source: doc.source, bytes: doc.bytes });
  } catch (error) {
    if (!(error instanceof CleanError)) return [`threw ${(error as Error).stack ?? String(error)}`];
    refused.count++;
    return [];
  }
  return violations(result);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? Date.now() % 1e9 : Number(values.seed);
  const lines = corpusLines();
  const refused = { count: 0 };
  const t0 = performance.now();
  const result = fc.check(
    fc.property(documentArbitrary(lines), (doc) => {
      const problems = check(doc, refused);
      if (problems.length) throw new Error(problems.join('\n'));
    }),
    { numRuns: runs, seed },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (result.failed) {
    console.log(`counterexample after ${result.numRuns} documents (seed ${seed}, path ${result.counterexamplePath}):`);
    console.log(JSON.stringify(result.counterexample?.[0] && { source: result.counterexample[0].source, text: Buffer.from(result.counterexample[0].bytes).toString('utf8') }));
    console.log(String(result.errorInstance).slice(0, 2000));
    process.exitCode = 1;
    return;
  }
  console.log(`${runs} random documents (seed ${seed}) in ${seconds.toFixed(1)} s: no crash, every invariant kept; ${refused.count} refused with a reason (empty, binary, no Chinese text …)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
