import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { random } from './random.js';

/**
 * `npm run bench [-- --corpus small|large|both] [--docs N] [--mb N] [--doc-kb N] [--jobs N]
 * [--rounds N] [--sources DIR]... [--no-report]`: the pipeline against the segmenter it is built on.
 * Builds, in a temporary folder, from varied copies of the repository's `corpus/` and `dev/`
 * (and of any `--sources` folder's .txt files), two corpora: the small one, N documents (default 10,000)
 * of the sizes of published notices (2–40 KB, drawn log-uniformly: a mean near 13 KB, as the
 * notices'), and the large one, N MB (default 100) of documents of about `--doc-kb` KB (default
 * 100). On each it runs, each in a child process of its own so that its peak resident memory
 * is its own: (a) nodejieba cut with HMM (the segmentation the pipeline does) over the same
 * texts in one thread, (b) the whole pipeline with one worker, (c) with all workers. Prints
 * MB/s, documents/s, peak memory, the ratios (b)/(a) and (c)/(b), and the milliseconds per
 * document a one-worker run spends outside the stages. Then (d) the extract stage alone, (e)
 * the report in Chromium and (f) what `--xlsx` adds.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1e6;

interface Measure {
  seconds: number;
  maxRssMb: number;
  documents: number;
  /** A pipeline run's milliseconds in the stages, summed over documents (run.json `timings`). */
  stagesMs?: number;
}

/** The .txt files the corpora are made of: the repository's seeds and dev set, and those of `--sources`. */
function sourceTexts(extra: readonly string[]): string[] {
  const dirs = [path.join(ROOT, 'corpus'), path.join(ROOT, 'dev'), ...extra].filter((d) => existsSync(d));
  const texts = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(d, f), 'utf8')),
  );
  if (!texts.length) throw new Error(`no .txt files in ${dirs.join(', ')}`);
  return texts;
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
 * Documents written 1,000 to a folder, each of the size `size(i)` gives (in bytes): varied
 * copies of the sources, one after another under a copy number, cut at the last line break
 * before that size (a document is at least one copy's first lines).
 */
async function writeCorpus(dir: string, sources: readonly string[], count: (files: number, bytes: number) => boolean, size: (i: number) => number): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  let files = 0;
  let k = 0;
  while (count(files, bytes)) {
    const sub = path.join(dir, String(Math.floor(files / 1000)).padStart(3, '0'));
    if (files % 1000 === 0) await fs.mkdir(sub, { recursive: true });
    const target = size(files);
    let text = '';
    while (Buffer.byteLength(text) < target) {
      text += `${text ? '\n' : ''}（第${k}份）\n${vary(sources[k % sources.length]!, Math.floor(k / sources.length))}`;
      k++;
    }
    // Cut by UTF-16 units to about the size, then back to a line break.
    const cut = text.slice(0, Math.round((text.length * target) / Buffer.byteLength(text)));
    text = cut.lastIndexOf('\n') > 0 ? cut.slice(0, cut.lastIndexOf('\n')) : cut;
    await fs.writeFile(path.join(sub, `n${String(files).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}

/** The large corpus: `mb` MB of documents of about `docKb` KB (the workload of a gigabyte in ten thousand files). */
function buildLarge(dir: string, sources: readonly string[], mb: number, docKb: number) {
  return writeCorpus(dir, sources, (_, bytes) => bytes < mb * MB, () => docKb * 1000);
}

/**
 * The small corpus: `docs` documents of the sizes of published notices, 2–40 KB, drawn
 * log-uniformly (seeded): a median near 9 KB and a mean near 13 KB, as the notices' 14 KB.
 */
function buildSmall(dir: string, sources: readonly string[], docs: number) {
  const next = random(15);
  return writeCorpus(dir, sources, (files) => files < docs, () => Math.round(2000 * 20 ** next()));
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Before each measured run: the disk written back, so that a run does not pay for the
 * writeback of the one before.
 */
function settle(): void {
  spawnSync('sync');
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
    const { STAGES } = await import('../pipeline.js');
    const report = await run({ inputs: [dir], outDir: out, jobs, force: true });
    documents = report.counts.processed;
    const stagesMs = STAGES.map((s) => s.name).reduce((sum, s) => sum + ((report.timings as Record<string, number>)[s] ?? 0), 0);
    return { seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, documents, stagesMs };
  }
  return { seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, documents };
}

/** Rounds of (a), (b), (c) on one corpus: prints each run, each round's ratios, their medians, and returns the medians. */
/** How many pipeline runs the bench has made: each writes `out-N`. */
let pipelineRuns = 0;

function compare(name: string, dir: string, out: string, corpus: { files: number; bytes: number }, jobs: number, rounds: number) {
  const size = corpus.bytes / MB;
  const line = (label: string, m: Measure) =>
    `${label.padEnd(48)} ${(size / m.seconds).toFixed(2).padStart(7)} MB/s ${(m.documents / m.seconds).toFixed(1).padStart(8)} docs/s ${m.maxRssMb.toFixed(0).padStart(6)} MB peak  (${m.seconds.toFixed(1)} s)`;
  console.log(`${name} corpus: ${corpus.files} documents, ${size.toFixed(1)} MB (${((corpus.bytes / corpus.files) / 1000).toFixed(1)} KB a document)`);
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
  // favours neither side of a ratio from round to round. The references run in the first round.
  const measures = runs.map(() => [] as Measure[]);
  const ratios: { ba: number; cb: number; outside: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const turn = round % 2 ? [0, 3, 4] : [4, 3, 0];
    for (const i of round === 1 ? [...turn, 1, 2] : turn) {
      const { label, args } = runs[i]!;
      // Each pipeline run writes a folder of its own, all removed when the bench ends: on ext4
      // without a journal (this machine's disk), a new file avoids every inode freed in the last
      // minute (five while its inode table is not written back) by scanning past them, and right
      // after the previous run's 70,000 files were removed a document's seven files took 2–5 ms
      // to create instead of under 1.
      const target = args[0] === 'pipeline' ? `${out}-${++pipelineRuns}` : out;
      settle();
      const m = child([...args, '--dir', dir, '--out', target]);
      measures[i]!.push(m);
      console.log(`${line(label, m)}  round ${round}`);
    }
    const [a, , , b, c] = measures.map((ms) => ms[ms.length - 1]!);
    const outside = (b!.seconds * 1000 - b!.stagesMs!) / b!.documents;
    ratios.push({ ba: a!.seconds / b!.seconds, cb: b!.seconds / c!.seconds, outside });
    console.log(`    round ${round}: (b)/(a) = ${(a!.seconds / b!.seconds).toFixed(2)}   (c)/(b) = ${(b!.seconds / c!.seconds).toFixed(2)}   outside the stages: ${outside.toFixed(2)} ms a document\n`);
  }
  if (rounds > 1) {
    console.log(`median of ${rounds} rounds (peak memory: the highest):`);
    runs.forEach(({ label }, i) => {
      const ms = measures[i]!;
      console.log(line(label, { seconds: median(ms.map((m) => m.seconds)), maxRssMb: Math.max(...ms.map((m) => m.maxRssMb)), documents: ms[0]!.documents }));
    });
  }
  const result = { ba: median(ratios.map((r) => r.ba)), cb: median(ratios.map((r) => r.cb)), outside: median(ratios.map((r) => r.outside)) };
  console.log(
    `${name}: (b)/(a) = ${result.ba.toFixed(2)}   (c)/(b) = ${result.cb.toFixed(2)}   outside the stages (b): ${result.outside.toFixed(2)} ms a document${rounds > 1 ? `   (medians of the rounds)` : ''}\n`,
  );
  return result;
}

const USAGE = 'usage: npm run bench -- [--corpus small|large|both] [--docs N] [--mb N] [--doc-kb N] [--jobs N] [--rounds N] [--sources DIR]... [--no-report] [--corpus-only DIR]';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseBenchArgs();
  } catch (error) {
    // One line in the bench's own words, not Node's parser's stack.
    console.error(`bench: ${(error as Error).message.split('\n')[0]}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  await run(parsed.values);
}

function parseBenchArgs() {
  return parseArgs({
    options: {
      corpus: { type: 'string', default: 'both' },
      docs: { type: 'string', default: '10000' },
      mb: { type: 'string', default: '100' },
      'doc-kb': { type: 'string', default: '100' },
      jobs: { type: 'string', default: String(os.availableParallelism()) },
      /** Rounds of (a), (b) and (c) in turn; the ratios are the medians of each round's. */
      rounds: { type: 'string', default: '3' },
      /** More folders of .txt notices to make the corpora from, beside the repository's corpus/. */
      sources: { type: 'string', multiple: true, default: [] },
      child: { type: 'string' },
      /** Only build the corpus (small or large, by --corpus), into this folder, and keep it (for profiling). */
      'corpus-only': { type: 'string' },
      dir: { type: 'string' },
      out: { type: 'string' },
      /** Leave out the report's browser measurement. */
      'no-report': { type: 'boolean', default: false },
    },
  });
}

async function run(values: ReturnType<typeof parseBenchArgs>['values']): Promise<void> {
  const jobs = Number(values.jobs);
  const rounds = Number(values.rounds);
  if (values.child) {
    console.log(JSON.stringify(await measureChild(values.child, values.dir!, values.out!, jobs)));
    return;
  }
  const mb = Number(values.mb);
  const docs = Number(values.docs);
  const which = values.corpus;
  if (!(mb > 0) || !(docs > 0) || !(jobs >= 1) || !(rounds >= 1) || !(Number(values['doc-kb']) > 0) || !['small', 'large', 'both'].includes(which)) {
    console.error(`bench: a value out of range\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const sources = sourceTexts(values.sources);
  const build = (kind: string, dir: string) => (kind === 'small' ? buildSmall(dir, sources, docs) : buildLarge(dir, sources, mb, Number(values['doc-kb'])));
  if (values['corpus-only']) {
    const corpus = await build(which === 'large' ? 'large' : 'small', values['corpus-only']);
    console.log(`corpus: ${corpus.files} documents, ${(corpus.bytes / MB).toFixed(1)} MB in ${values['corpus-only']}`);
    return;
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'zhenggai-bench-'));
  try {
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`sources: ${sources.length} notices (corpus/, dev/${values.sources.length ? `, ${values.sources.join(', ')}` : ''})\n`);
    const out = path.join(tmp, 'out');
    let dir = '';
    // The last pipeline run's folder, whose CSV files (f) makes a workbook of.
    const last = () => `${out}-${pipelineRuns}`;
    for (const kind of which === 'both' ? ['small', 'large'] : [which]) {
      dir = path.join(tmp, kind);
      const corpus = await build(kind, dir);
      compare(kind, dir, out, corpus, jobs, rounds);
    }

    // What --xlsx adds to a run: the workbook of the last pipeline run's CSV files.
    const rows = readdirSync(last()).filter((f) => f.endsWith('.csv')).reduce((n, f) => n + readFileSync(path.join(last(), f), 'utf8').split('\r\n').length - 2, 0);
    const x = child(['xlsx', '--dir', dir, '--out', last()]);
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
