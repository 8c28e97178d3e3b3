import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { random } from './random.js';

/**
 * `npm run bench [-- --corpus NAME,…] [--docs N] [--mb N] [--doc-kb N] [--jobs N] [--rounds N]
 * [--sources DIR]... [--references] [--no-report]`: the pipeline as a user waits for it, against
 * the segmenter it is built on. Builds, in a temporary folder, from the repository's `corpus/`
 * and `dev/` (and any `--sources` folder's .txt files), the corpora named by `--corpus`:
 *
 * - `seeds`: 1,280 copies of the five seeds (14 KB; every document a repost of one of five);
 * - `mixed`: 1,768 documents of five seed and dev excerpts each (11 KB; a combination recurs);
 * - `distinct`: 1,500 documents of 20 KB, each twelve excerpts drawn at random (no reposts);
 * - `small`: `--docs` documents (default 2,000) of the sizes of published notices, 2–40 KB;
 * - `large`: `--mb` MB (default 100) of documents of about `--doc-kb` KB (default 100).
 *
 * On each it runs (a) nodejieba cut with HMM over the same texts in one thread (the segmentation
 * the pipeline does; its dictionary loads before the clock starts), and the command a user runs,
 * `zhenggai run DIR --out NEW --jobs N`, as a process of its own after `sync`, timed by the wall
 * clock from its start to its exit (start-up, the segmenter's loading, the CSV files and the
 * review page included): (b) with one worker, (c) with `--jobs` workers. It prints one table:
 * MB/s, the ratios (b)/(a) and (c)/(b), peak resident memory, the milliseconds a document spends
 * outside the stages (run.json), and how long after its start the first document was written.
 * Then (f) what `--xlsx` adds, (d) the extract stage alone, (g) how soon a run of 100 notices
 * writes its first document, and (e) the report in Chromium.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1e6;

interface Measure {
  seconds: number;
  maxRssMb: number;
  documents: number;
  /** A pipeline run's milliseconds in the stages, summed over documents (run.json `timings`). */
  stagesMs?: number;
  /** A pipeline run: milliseconds from the command's start to its first document written. */
  firstMs?: number;
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

/** Documents written 1,000 to a folder, document i's text `make(i)`. */
async function writeTexts(dir: string, count: number, make: (i: number) => string): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) await fs.mkdir(sub, { recursive: true });
    const text = make(i);
    await fs.writeFile(path.join(sub, `n${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}

/** 1,280 copies of the five seed notices (14 KB a document): a batch where every document reposts one of five. */
function buildSeeds(dir: string) {
  const seeds = sourceTexts([]).slice(0, 5);
  return writeTexts(dir, 1280, (i) => seeds[i % seeds.length]!);
}

/** 1,768 documents of five seed and dev excerpts each (11 KB): excerpt i … i+4 of the 147, so a combination recurs every 147 documents. */
function buildMixed(dir: string, sources: readonly string[]) {
  return writeTexts(dir, 1768, (i) => Array.from({ length: 5 }, (_, j) => sources[(5 * i + j) % sources.length]!).join('\n\n'));
}

/** 1,500 documents of about 20 KB, each twelve excerpts drawn at random (seeded): no two alike, no reposts. */
function buildDistinct(dir: string, sources: readonly string[]) {
  const next = random(20261207);
  return writeTexts(dir, 1500, () => Array.from({ length: 12 }, () => sources[Math.floor(next() * sources.length)]!).join('\n\n'));
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
    return runCommand(dir, out, jobs);
  }
  return { seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, documents };
}

const CLI = path.join(ROOT, 'dist', 'cli.js');
const RSS_HOOK = fileURLToPath(new URL('./rss-hook.js', import.meta.url));

/**
 * `zhenggai run DIR --out OUT --jobs N` as a user starts it: a process of its own, its wall clock
 * from start to exit, its peak resident memory (written at exit by rss-hook.ts), the moment its
 * first document's files were all written (the first `.done.json`, looked for every 10 ms), and
 * from run.json the milliseconds its stages took.
 */
async function runCommand(dir: string, out: string, jobs: number): Promise<Measure> {
  const { spawn } = await import('node:child_process');
  const rss = `${out}.rss`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', RSS_HOOK, CLI, 'run', dir, '--out', out, '--jobs', String(jobs)], {
    env: { ...process.env, ZHENGGAI_BENCH_RSS: rss },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let firstMs: number | undefined;
  const poll = setInterval(() => {
    if (firstMs !== undefined || !existsSync(out)) return;
    for (const e of readdirSync(out, { withFileTypes: true })) {
      if (e.isDirectory() && existsSync(path.join(out, e.name, '.done.json'))) {
        firstMs = performance.now() - t0;
        break;
      }
    }
  }, 10);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(poll);
  if (status !== 0) throw new Error(`zhenggai run ${dir} exited ${status}:\n${stderr}`);
  const report = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')) as { counts: { processed: number }; timings: Record<string, number> };
  const { STAGES } = await import('../pipeline.js');
  const stagesMs = STAGES.reduce((sum, s) => sum + (report.timings[s.name] ?? 0), 0);
  return { seconds, maxRssMb: Number(readFileSync(rss, 'utf8')) / 1024, documents: report.counts.processed, stagesMs, firstMs };
}

/** One corpus's figures, medians of the rounds: the bench's table row. */
interface Row { name: string; files: number; mb: number; cut: number; one: number; ba: number; cb: number; rss: number; outside: number; firstMs: number }

/** How many pipeline runs the bench has made: each writes `out-N`. */
let pipelineRuns = 0;

/** Rounds of (a), (b), (c) on one corpus: prints each run, each round's ratios, and returns the medians. */
function compare(name: string, dir: string, out: string, corpus: { files: number; bytes: number }, jobs: number, rounds: number, references: boolean): Row {
  const size = corpus.bytes / MB;
  const line = (label: string, m: Measure) =>
    `${label.padEnd(48)} ${(size / m.seconds).toFixed(2).padStart(7)} MB/s ${(m.documents / m.seconds).toFixed(1).padStart(8)} docs/s ${m.maxRssMb.toFixed(0).padStart(6)} MB peak  (${m.seconds.toFixed(1)} s${m.firstMs === undefined ? '' : `, first document at ${m.firstMs.toFixed(0)} ms`})`;
  console.log(`${name} corpus: ${corpus.files} documents, ${size.toFixed(1)} MB (${((corpus.bytes / corpus.files) / 1000).toFixed(1)} KB a document)`);
  const runs = [
    { label: '(a) nodejieba cut, HMM, one thread', args: ['cut'] },
    { label: '(b) zhenggai run, 1 worker', args: ['pipeline', '--jobs', '1'] },
    { label: `(c) zhenggai run, ${jobs} workers`, args: ['pipeline', '--jobs', String(jobs)] },
    { label: '    nodejieba cut, no HMM (reference)', args: ['cut-nohmm'] },
    { label: '    the same segmentation as spans (src/native)', args: ['spans'] },
  ];
  // This machine's speed drifts by 15% from one minute to the next (a shared host), so the runs
  // take turns, round after round, each ratio is taken within a round, and (a), (b), (c) run
  // one after the other, in reverse order every other round, so that a drift during a round
  // favours neither side of a ratio from round to round. The references run in the first round.
  const measures = runs.map(() => [] as Measure[]);
  const ratios: { ba: number; cb: number; outside: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const turn = round % 2 ? [0, 1, 2] : [2, 1, 0];
    for (const i of round === 1 && references ? [...turn, 3, 4] : turn) {
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
    const [a, b, c] = measures.map((ms) => ms[ms.length - 1]!);
    const outside = (b!.seconds * 1000 - b!.stagesMs!) / b!.documents;
    ratios.push({ ba: a!.seconds / b!.seconds, cb: b!.seconds / c!.seconds, outside });
    console.log(`    round ${round}: (b)/(a) = ${(a!.seconds / b!.seconds).toFixed(2)}   (c)/(b) = ${(b!.seconds / c!.seconds).toFixed(2)}   outside the stages: ${outside.toFixed(2)} ms a document\n`);
  }
  const ms = (i: number) => measures[i]!;
  return {
    name,
    files: corpus.files,
    mb: size,
    cut: size / median(ms(0).map((m) => m.seconds)),
    one: size / median(ms(1).map((m) => m.seconds)),
    ba: median(ratios.map((r) => r.ba)),
    cb: median(ratios.map((r) => r.cb)),
    rss: Math.max(...ms(1).map((m) => m.maxRssMb), ...ms(2).map((m) => m.maxRssMb)),
    outside: median(ratios.map((r) => r.outside)),
    firstMs: median(ms(1).map((m) => m.firstMs ?? NaN)),
  };
}

/** The bench's table: one row per corpus, the targets beside it. */
function table(rows: Row[], jobs: number, rounds: number): string {
  const head = `| corpus | documents | MB | raw cut MB/s | 1 worker MB/s | (b)/(a) ≥ 0.5 | ${jobs} workers vs 1 ≥ 1.7 | peak RSS ≤ 500 MB | outside the stages, ms a document | first document written |`;
  const lines = rows.map((r) => `| ${r.name} | ${r.files} | ${r.mb.toFixed(1)} | ${r.cut.toFixed(2)} | ${r.one.toFixed(2)} | ${r.ba.toFixed(2)} | ${r.cb.toFixed(2)}× | ${r.rss.toFixed(0)} MB | ${r.outside.toFixed(2)} | ${(r.firstMs / 1000).toFixed(2)} s |`);
  return [`medians of ${rounds} round${rounds > 1 ? 's' : ''} (peak memory: the highest of the runs):`, '', head, `|${' --- |'.repeat(10)}`, ...lines].join('\n');
}

const CORPORA = ['seeds', 'mixed', 'distinct', 'small', 'large'] as const;
const USAGE = `usage: npm run bench -- [--corpus ${CORPORA.join('|')}[,…]] [--docs N] [--mb N] [--doc-kb N] [--jobs N] [--rounds N] [--sources DIR]... [--references] [--no-report] [--corpus-only DIR]`;

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
      /** The corpora, comma-separated: seeds, mixed, distinct, small, large. */
      corpus: { type: 'string', default: 'seeds,mixed,distinct,small' },
      docs: { type: 'string', default: '2000' },
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
      /** Also run the segmentation references (cut without HMM, the addon's spans) in the first round. */
      references: { type: 'boolean', default: false },
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
  const which = values.corpus.split(',').map((c) => (c === 'both' ? 'small,large' : c)).join(',').split(',');
  if (!(mb > 0) || !(docs > 0) || !(jobs >= 1) || !(rounds >= 1) || !(Number(values['doc-kb']) > 0) || !which.every((c) => (CORPORA as readonly string[]).includes(c))) {
    console.error(`bench: a value out of range\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const sources = sourceTexts(values.sources);
  const build = (kind: string, dir: string) =>
    kind === 'seeds' ? buildSeeds(dir) : kind === 'mixed' ? buildMixed(dir, sources) : kind === 'distinct' ? buildDistinct(dir, sources) : kind === 'small' ? buildSmall(dir, sources, docs) : buildLarge(dir, sources, mb, Number(values['doc-kb']));
  if (values['corpus-only']) {
    const corpus = await build(which[0]!, values['corpus-only']);
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
    const rows: Row[] = [];
    for (const kind of which) {
      dir = path.join(tmp, kind);
      const corpus = await build(kind, dir);
      rows.push(compare(kind, dir, out, corpus, jobs, rounds, values.references));
    }
    console.log(`${table(rows, jobs, rounds)}\n`);

    // What --xlsx adds to a run: the workbook of the last pipeline run's CSV files.
    const csvRows = readdirSync(last()).filter((f) => f.endsWith('.csv')).reduce((n, f) => n + readFileSync(path.join(last(), f), 'utf8').split('\r\n').length - 2, 0);
    const x = child(['xlsx', '--dir', dir, '--out', last()]);
    console.log(`(f) --xlsx: zhenggai.xlsx of ${csvRows} CSV rows in ${x.seconds.toFixed(1)} s, ${x.maxRssMb.toFixed(0)} MB peak`);

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

    // (g) A small run, as a user tries the command first: how soon its first document is written.
    const hundred = path.join(tmp, 'hundred');
    await writeTexts(hundred, 100, (i) => sources[i % sources.length]!);
    settle();
    const h = child(['pipeline', '--jobs', String(jobs), '--dir', hundred, '--out', `${out}-${++pipelineRuns}`]);
    console.log(`(g) a run of 100 notices (${jobs} workers): first document written ${(h.firstMs! / 1000).toFixed(2)} s after the command started, all in ${h.seconds.toFixed(2)} s`);

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
