import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../batch/run.js';
import { writeReport } from '../report/build.js';
import { FINAL_FILE, stageFile } from '../pipeline.js';

/** Debian's Chromium, the browser the tests and the bench drive. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
/** Only the files the report reads. */
const REPORT_FILES = [stageFile('clean'), stageFile('sections'), FINAL_FILE];

/**
 * Builds the report of a 2,000-document batch (copies of the real outputs of `corpus/`, each
 * with its own id) and measures how long Chromium takes from navigation to the overview table
 * on screen. Target: under 2 s.
 */
export async function benchReport(documents = 2000): Promise<{ documents: number; openMs: number; loadedMs: number; documentMs: number; htmlBytes: number }> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'zhenggai-report-bench-'));
  try {
    const real = path.join(tmp, 'real');
    await run({ inputs: [CORPUS], outDir: real, jobs: os.availableParallelism() });
    const ids = (await fs.readdir(real, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const out = path.join(tmp, 'out');
    await fs.mkdir(out);
    const originals = await Promise.all(ids.map(async (id) => Object.fromEntries(await Promise.all(REPORT_FILES.map(async (f) => [f, JSON.parse(await fs.readFile(path.join(real, id, f), 'utf8'))])))));
    for (let i = 0; i < documents; i++) {
      const original = originals[i % originals.length]!;
      const id = `${ids[i % ids.length]}-copy${String(i).padStart(5, '0')}`;
      await fs.mkdir(path.join(out, id));
      for (const f of REPORT_FILES) await fs.writeFile(path.join(out, id, f), JSON.stringify({ ...original[f], id }));
    }
    const file = await writeReport(out);
    const htmlBytes = (await fs.stat(file)).size;

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const t0 = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
      await page.waitForSelector('#docs tbody tr[data-id]');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      const openMs = Math.round(performance.now() - t0);
      // The document blocks after the overview keep parsing while the overview is shown.
      await page.waitForFunction(() => document.readyState === 'complete');
      const loadedMs = Math.round(performance.now() - t0);
      const last = `${ids[(documents - 1) % ids.length]}-copy${String(documents - 1).padStart(5, '0')}`;
      const t1 = performance.now();
      await page.evaluate((h) => { location.hash = h; }, `#doc/${encodeURIComponent(last)}`);
      await page.waitForFunction((id) => document.getElementById('doc-meta')?.textContent?.includes(id), last);
      const documentMs = Math.round(performance.now() - t1);
      return { documents, openMs, loadedMs, documentMs, htmlBytes };
    } finally {
      await browser.close();
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchReport()));
}
