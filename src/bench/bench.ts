import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `npm run bench [-- --mb N] [--doc-kb N] [--jobs N] [--rounds N] [--no-report]`: the pipeline against the segmenter it is built on.
 * Builds a corpus of N MB (default 100) from varied copies of the notices in corpus/ and dev/
 * in a temporary folder, then runs, each in a child process of its own so that its peak
 * resident memory is its own: (a) nodejieba cut with HMM (the segmentation the pipeline does)
 * over the same texts in one thread, (b) the whole pipeline with one worker, (c) with all
 * workers. Prints MB/s, documents/s, peak memory, and the ratios (b)/(a) and (c)/(b).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The notices the copies are made from: the seeds, then the dev set. */
const SOURCES = [path.join(ROOT, 'corpus'), path.join(ROOT, 'dev')];
const MB = 1e6;

interface Measure {
  seconds: number;
  maxRssMb: number;
  documents: number;
}

/** A copy that differs from the source: its digits shifted, two middle paragraphs swapped. */
function vary(text: string, k: number): string {
  const shifted = text.replace(/[0-9]/g, (d) => String((Number(d) + k) % 10));
  const lines = shifted.split('\n');
  if (lines.length > 6) {
    const i = 2 + (k % (lines.length - 4));
    [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
  }
  return lines.join('\n');
}

/**
 * Documents of about `docKb` KB each (the workload of the issue: ten thousand files, a
 * gigabyte, is 100 KB a file): varied copies of the sources, one after another under a
 * copy number, until the document is that long.
 */
async function buildCorpus(dir: string, mb: number, docKb: number): Promise<{ files: number; bytes: number }> {
  const sources = SOURCES.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(d, f), 'utf8')),
  );
  if (!sources.length) throw new Error(`no .txt files in ${SOURCES.join(' or ')}`);
  let bytes = 0;
  let files = 0;
  let k = 0;
  while (bytes < mb * MB) {
    const sub = path.join(dir, String(Math.floor(files / 1000)).padStart(3, '0'));
    if (files % 1000 === 0) await fs.mkdir(sub, { recursive: true });
    const parts: string[] = [];
    let size = 0;
    do {
      const part = `（第${k}份）\n${vary(sources[k % sources.length]!, Math.floor(k / sources.length))}`;
      parts.push(part);
      size += Buffer.byteLength(part) + 1;
      k++;
    } while (size < docKb * 1000);
    const text = parts.join('\n');
    await fs.writeFile(path.join(sub, `n${String(files).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs this file as a child doing one measurement, and reads its report line. */
function child(args: string[]): Measure {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) throw new Error(`bench child ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(line) as Measure;
}

async function measureChild(kind: string, dir: string, out: string, jobs: number): Promise<Measure> {
  let t0 = performance.now();
  let documents = 0;
  if (kind === 'cut' || kind === 'cut-nohmm' || kind === 'spans') {
    const { jieba, segmenter } = await import('../jieba.js');
    // The dictionaries load before the clock starts: (a) is the segmenter's speed alone.
    const hmm = kind === 'cut';
    const cut: (text: string) => unknown = kind === 'spans' ? (text) => segmenter().spans(text) : (text) => jieba().cut(text, hmm);
    cut('预热');
    t0 = performance.now();
    for (const sub of readdirSync(dir).sort()) {
      for (const f of readdirSync(path.join(dir, sub)).sort()) {
        cut(readFileSync(path.join(dir, sub, f), 'utf8'));
        documents++;
      }
    }
  } else if (kind === 'xlsx') {
    // The CSV files of the last pipeline run as zhenggai.xlsx, as `--xlsx` writes them.
    const { writeXlsx } = await import('../output/xlsx.js');
    const { TABLES } = await import('../output/csv.js');
    await writeXlsx(out, TABLES.map((t) => t.file));
    documents = readFileSync(path.join(out, 'documents.csv'), 'utf8').split('\r\n').length - 2;
  } else {
    const { run } = await import('../batch/run.js');
    const report = await run({ inputs: [dir], outDir: out, jobs, force: true });
    documents = report.counts.processed;
  }
  return { seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, documents };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '100' },
      'doc-kb': { type: 'string', default: '100' },
      jobs: { type: 'string', default: String(os.availableParallelism()) },
      /** Rounds of (a), (b) and (c) in turn; the ratios are the medians of each round's. */
      rounds: { type: 'string', default: '5' },
      child: { type: 'string' },
      /** Only build the corpus, into this folder, and keep it (for profiling). */
      'corpus-only': { type: 'string' },
      dir: { type: 'string' },
      out: { type: 'string' },
      /** Leave out the report's browser measurement. */
      'no-report': { type: 'boolean', default: false },
    },
  });
  const jobs = Number(values.jobs);
  const rounds = Number(values.rounds);
  if (values.child) {
    console.log(JSON.stringify(await measureChild(values.child, values.dir!, values.out!, jobs)));
    return;
  }
  const mb = Number(values.mb);
  if (values['corpus-only']) {
    const corpus = await buildCorpus(values['corpus-only'], mb, Number(values['doc-kb']));
    console.log(`corpus: ${corpus.files} documents, ${(corpus.bytes / MB).toFixed(1)} MB in ${values['corpus-only']}`);
    return;
  }
  if (!(mb > 0) || !(jobs >= 1) || !(rounds >= 1) || !(Number(values['doc-kb']) > 0)) {
    throw new Error('usage: npm run bench -- [--mb N] [--doc-kb N] [--jobs N] [--rounds N] [--no-report]');
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'zhenggai-bench-'));
  try {
    const dir = path.join(tmp, 'in');
    const corpus = await buildCorpus(dir, mb, Number(values['doc-kb']));
    const size = corpus.bytes / MB;
    console.log(`corpus: ${corpus.files} documents, ${size.toFixed(1)} MB, from varied copies of corpus/ and dev/`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
    const line = (label: string, m: Measure) =>
      `${label.padEnd(48)} ${(size / m.seconds).toFixed(2).padStart(7)} MB/s ${(m.documents / m.seconds).toFixed(1).padStart(8)} docs/s ${m.maxRssMb.toFixed(0).padStart(6)} MB peak  (${m.seconds.toFixed(1)} s)`;
    const out = path.join(tmp, 'out');
    const runs = [
      { label: '(a) nodejieba cut, HMM, one thread', args: ['cut'] },
      { label: '    nodejieba cut, no HMM (reference)', args: ['cut-nohmm'] },
      { label: '    the same segmentation as spans (src/native)', args: ['spans'] },
      { label: '(b) pipeline, 1 worker', args: ['pipeline', '--jobs', '1'] },
      { label: `(c) pipeline, ${jobs} workers`, args: ['pipeline', '--jobs', String(jobs)] },
    ];
    // This machine's speed drifts by 15% from one minute to the next (a shared host), so the runs
    // take turns, round after round, each ratio is taken within a round, and (a), (b), (c) run
    // one after the other, in reverse order every other round, so that a drift during a round
    // favours neither side of a ratio from round to round.
    const measures = runs.map(() => [] as Measure[]);
    const ratios: { ba: number; cb: number }[] = [];
    const order = [0, 3, 4, 1, 2];
    for (let round = 1; round <= rounds; round++) {
      const turn = round % 2 ? order : [4, 3, 0, 1, 2];
      for (const i of turn) {
        const { label, args } = runs[i]!;
        if (args[0] === 'pipeline') rmSync(out, { recursive: true, force: true });
        const m = child([...args, '--dir', dir, '--out', out]);
        measures[i]!.push(m);
        console.log(`${line(label, m)}  round ${round}`);
      }
      const [a, , , b, c] = measures.map((ms) => ms[round - 1]!.seconds);
      ratios.push({ ba: a! / b!, cb: b! / c! });
      console.log(`    round ${round}: (b)/(a) = ${(a! / b!).toFixed(2)}   (c)/(b) = ${(b! / c!).toFixed(2)}\n`);
    }
    if (rounds > 1) {
      console.log(`median of ${rounds} rounds (peak memory: the highest):`);
      runs.forEach(({ label }, i) => {
        const ms = measures[i]!;
        console.log(line(label, { seconds: median(ms.map((m) => m.seconds)), maxRssMb: Math.max(...ms.map((m) => m.maxRssMb)), documents: ms[0]!.documents }));
      });
    }
    console.log(`\n(b)/(a) = ${median(ratios.map((r) => r.ba)).toFixed(2)}   (c)/(b) = ${median(ratios.map((r) => r.cb)).toFixed(2)}${rounds > 1 ? `   (medians of the rounds' ratios)` : ''}`);

    // What --xlsx adds to a run: the workbook of the last pipeline run's CSV files.
    const rows = readdirSync(out).filter((f) => f.endsWith('.csv')).reduce((n, f) => n + readFileSync(path.join(out, f), 'utf8').split('\r\n').length - 2, 0);
    const x = child(['xlsx', '--dir', dir, '--out', out]);
    console.log(`(f) --xlsx: zhenggai.xlsx of ${rows} CSV rows in ${x.seconds.toFixed(1)} s, ${x.maxRssMb.toFixed(0)} MB peak`);

    // The extract stage alone (dates and numbers) over the corpus texts, so it never becomes the bottleneck.
    const { benchExtract } = await import('./mentions.js');
    const texts: string[] = [];
    let taken = 0;
    for (const sub of readdirSync(dir).sort()) {
      for (const f of readdirSync(path.join(dir, sub)).sort()) {
        if (taken > 20 * MB) break;
        const text = readFileSync(path.join(dir, sub, f), 'utf8');
        texts.push(text);
        taken += Buffer.byteLength(text);
      }
    }
    console.log(`(d) extract stage alone (findDates + findNumbers) ${(await benchExtract(texts)).mbPerSecond.toFixed(1)} MB/s over ${(taken / MB).toFixed(1)} MB`);

    if (values['no-report']) return;
    const { benchReport, CHROMIUM } = await import('./report.js');
    if (!existsSync(CHROMIUM)) {
      console.log(`(e) report: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);
      return;
    }
    const r = await benchReport(2000);
    console.log(`(e) report of ${r.documents} documents (${(r.htmlBytes / MB).toFixed(0)} MB): overview shown in ${r.openMs.toFixed(0)} ms, whole page parsed in ${r.loadedMs.toFixed(0)} ms, a document opened in ${r.documentMs.toFixed(0)} ms`);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

await main();
