import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `npm run bench:doubling [-- --kb N] [--shape NAME]... [--timeout S] [--repeats N]`: does a document twice as
 * long take twice as long? Each pathological shape is made at n and 2n KB and run through the
 * whole pipeline, each size in a child process of its own (a stack overflow or a hang is then
 * that size's result, not the end of the check), and the time of each stage is compared: a
 * ratio near 2 is linear, near 4 quadratic. Prints one line per shape and stage; each time is the
 * fastest of `--repeats` runs (default 3).
 */

const KB = 1000;

/** A real notice, from the repository's corpus: the text that shapes repeat or take apart. */
function notice(): string {
  return readFileSync(fileURLToPath(new URL('../../corpus/003_7004f69c1b986a66.txt', import.meta.url)), 'utf8');
}

/** Repeats `unit` until the text is `bytes` long (UTF-8), then ends it with `tail`. */
function repeat(unit: string, bytes: number, head = '', tail = ''): string {
  const n = Math.max(1, Math.floor((bytes - Buffer.byteLength(head + tail)) / Buffer.byteLength(unit)));
  return head + unit.repeat(n) + tail;
}

/**
 * The shapes: each makes a document of about `bytes` bytes. They are the inputs an attacker or a
 * bad crawl gives: one long run of a character, one heading repeated, markup nested deep, a
 * notice without its line breaks, and so on.
 */
export const SHAPES: Record<string, { html: boolean; make: (bytes: number) => string }> = {
  'nines': { html: false, make: (b) => `关于巡察整改的通报\n${'9'.repeat(b)}` },
  'heading-lines': { html: false, make: (b) => repeat('一、整改\n', b, '关于巡察整改进展情况的通报\n') },
  // Nesting as deep as a page may (MAX_HTML_DEPTH), block after block; deeper fails at once, with its reason.
  'div-nesting': { html: true, make: (b) => repeat(`${'<div>'.repeat(4000)}巡察整改情况${'</div>'.repeat(4000)}`, b, '<html><body>', '</body></html>') },
  'div-nesting-deeper': { html: true, make: (b) => `<html><body>${'<div>'.repeat(b / 11)}巡察整改情况${'</div>'.repeat(b / 11)}</body></html>` },
  'span-nesting-text': { html: true, make: (b) => repeat(`${'<span>整改'.repeat(2000)}${'</span>'.repeat(2000)}`, b, '<html><body>', '</body></html>') },
  'one-line-notice': { html: false, make: (b) => repeat(notice().replace(/\s+/g, ''), b, '当前位置:首页>>巡察工作') },
  'notice-repeated': { html: false, make: (b) => repeat(`${notice()}\n`, b) },
  'paragraphs-html': { html: true, make: (b) => repeat(`<p>${notice().split('\n').slice(0, 8).join('</p><p>')}</p>`, b, '<html><body><div id="zoom">', '</div></body></html>') },
  'han-no-punctuation': { html: false, make: (b) => repeat('巡察组反馈问题整改落实情况', b) },
  'short-lines': { html: false, make: (b) => repeat('整\n', b) },
  'problem-items': { html: false, make: (b) => repeat('问题1:党组织软弱涣散。整改情况:已完成整改。\n', b, '关于巡察整改进展情况的通报\n') },
  'numbers': { html: false, make: (b) => repeat('共计12.5万元、3人、第4次,', b, '整改通报\n') },
  'dates': { html: false, make: (b) => repeat('2024年1月1日至2024年3月31日,', b, '整改通报\n') },
  'numerals': { html: false, make: (b) => repeat('一二三四五六七八九十百千万', b, '整改通报\n') },
  'spaces': { html: false, make: (b) => `整改 ${' \u3000'.repeat(b / 4)} 通报` },
  'entities': { html: false, make: (b) => repeat('&amp;rdquo;整改', b) },
  'pinyin': { html: false, make: (b) => repeat('整(zhěng)改(gǎi)', b) },
};

interface Measure { ok: boolean; reason?: string; timings?: Record<string, number> }

async function measure(shape: string, bytes: number, repeats: number): Promise<Measure> {
  const { runPipeline } = await import('../pipeline.js');
  const { html, make } = SHAPES[shape]!;
  const text = make(bytes);
  runPipeline({ id: 'warm', source: 'warm.txt', bytes: Buffer.from('关于巡察整改进展情况的通报\n问题1:整改。') });
  // The fastest of `repeats` runs, stage by stage: other work on the machine only ever adds time.
  const best: Record<string, number> = {};
  for (let r = 0; r < repeats; r++) {
    const timings: Record<string, number> = {};
    const t0 = performance.now();
    try {
      runPipeline({ id: shape, source: `${shape}.${html ? 'html' : 'txt'}`, bytes: Buffer.from(text) }, timings);
    } catch (error) {
      return { ok: false, reason: (error as Error).message.split('\n')[0] };
    }
    timings.total = performance.now() - t0;
    for (const [stage, ms] of Object.entries(timings)) best[stage] = Math.min(best[stage] ?? Infinity, ms);
  }
  return { ok: true, timings: best };
}

function child(shape: string, bytes: number, timeout: number, repeats: number): Measure {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', shape, '--bytes', String(bytes), '--repeats', String(repeats)], {
    encoding: 'utf8',
    timeout: timeout * 1000,
  });
  if (result.error || result.signal) return { ok: false, reason: `no result in ${timeout} s` };
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) return { ok: false, reason: (result.stderr.trim().split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${result.status}`).slice(0, 120) };
  return JSON.parse(line) as Measure;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kb: { type: 'string', default: '100' },
      shape: { type: 'string', multiple: true },
      timeout: { type: 'string', default: '120' },
      child: { type: 'string' },
      bytes: { type: 'string' },
      repeats: { type: 'string', default: '3' },
    },
  });
  if (values.child) {
    console.log(JSON.stringify(await measure(values.child, Number(values.bytes), Number(values.repeats))));
    return;
  }
  const kb = Number(values.kb);
  const timeout = Number(values.timeout);
  const shapes = values.shape ?? Object.keys(SHAPES);
  const unknown = shapes.filter((s) => !(s in SHAPES));
  if (!(kb > 0) || !(timeout > 0) || unknown.length) {
    throw new Error(`usage: npm run bench:doubling -- [--kb N] [--timeout S] [--shape NAME]...  (shapes: ${Object.keys(SHAPES).join(', ')})`);
  }
  console.log(`each shape at ${kb} KB and ${2 * kb} KB; ms per stage; ratio = time at 2n / time at n (2 is linear, 4 quadratic)\n`);
  const { STAGES } = await import('../pipeline.js');
  const stages = [...STAGES.map((s) => s.name), 'total'];
  console.log(`${'shape'.padEnd(20)} ${stages.map((s) => s.padStart(22)).join('')}`);
  for (const shape of shapes) {
    const repeats = Number(values.repeats);
    const small = child(shape, kb * KB, timeout, repeats);
    const large = child(shape, 2 * kb * KB, timeout, repeats);
    if (!small.ok || !large.ok) {
      console.log(`${shape.padEnd(20)} n: ${small.ok ? 'ok' : small.reason}; 2n: ${large.ok ? 'ok' : large.reason}`);
      continue;
    }
    const cells = stages.map((s) => {
      const a = small.timings![s] ?? 0;
      const b = large.timings![s] ?? 0;
      const ratio = a >= 5 || b >= 10 ? `${(b / Math.max(a, 0.01)).toFixed(1)}×` : '-';
      return `${a.toFixed(0)}→${b.toFixed(0)} ${ratio}`.padStart(22);
    });
    console.log(`${shape.padEnd(20)} ${cells.join('')}`);
  }
}

await main();
