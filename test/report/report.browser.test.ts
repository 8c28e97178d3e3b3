import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditVerdict } from '../../src/output/csv.js';
import { writeReport } from '../../src/report/build.js';
import { run } from '../../src/batch/run.js';
import type { FinalDocument } from '../../src/schema.js';

/**
 * The review page in a real browser: Debian's Chromium driven by playwright-core, the report
 * opened from file://. The batch is the repository's corpus plus one notice derived from
 * 003 whose stated totals were changed so that its arithmetic fails (23 → 25 completed,
 * 1389 → 1399 petitions resolved of 1390), one output edited to hold a misaligned span, and
 * dev d94, whose four problems are under no category heading.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const DOC_003 = '003_7004f69c1b986a66';
const DERIVED = 'derived-arithmetic-fails';
const UNCATEGORIZED = 'd94';
const IDS = ['000_2d89892f4871253d', '001_b5c919a87834dfca', '002_96900efc544a01e9', DOC_003, DERIVED, '004_7e4e6f0c30fead75', UNCATEGORIZED];
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const haveChromium = existsSync(CHROMIUM);
/** Set by .ci/run, which installs Chromium: there a missing browser fails, it is not skipped. */
const required = process.env.ZHENGGAI_BROWSER_TESTS === 'required';
if (!haveChromium && !required) console.warn(`report browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium, as .ci/run does)`);

test.runIf(required)(`Chromium is at ${CHROMIUM}, as .ci/run requires (ZHENGGAI_BROWSER_TESTS=required)`, () => {
  expect(existsSync(CHROMIUM)).toBe(true);
});

describe.skipIf(!haveChromium)('review page (report.html) in Chromium', { timeout: 60_000 }, () => {
  let out: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  const final = (id: string): FinalDocument => JSON.parse(readFileSync(path.join(out, id, '5-validate.json'), 'utf8'));

  beforeAll(async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'zhenggai-report-'));
    const inputs = path.join(tmp, 'in');
    out = path.join(tmp, 'out');
    mkdirSync(inputs);
    for (const name of ['000_2d89892f4871253d', '001_b5c919a87834dfca', '002_96900efc544a01e9', DOC_003, '004_7e4e6f0c30fead75']) {
      writeFileSync(path.join(inputs, `${name}.txt`), readFileSync(path.join(ROOT, 'corpus', `${name}.txt`)));
    }
    const text003 = readFileSync(path.join(ROOT, 'corpus', `${DOC_003}.txt`), 'utf8');
    const derived = text003.replace('已完成整改23个', '已完成整改25个').replace('已办结1389件', '已办结1399件');
    expect(derived).not.toBe(text003);
    writeFileSync(path.join(inputs, `${DERIVED}.txt`), derived);
    writeFileSync(path.join(inputs, `${UNCATEGORIZED}.txt`), readFileSync(path.join(ROOT, 'dev', `${UNCATEGORIZED}.txt`)));
    await run({ inputs: [inputs], outDir: out, jobs: 2 });
    expect(existsSync(path.join(out, 'report.html'))).toBe(true);

    const broken = final(DERIVED);
    broken.numbers.push({ text: '99个', value: 99, unit: '个', approx: null, span: [900000, 900003] });
    writeFileSync(path.join(out, DERIVED, '5-validate.json'), JSON.stringify(broken));
    // Without its resume record, which would no longer match it: a page shows a document no run vouches for as it is.
    rmSync(path.join(out, DERIVED, '.done.json'));
    await writeReport(out);

    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(path.join(out, 'report.html')).href);
    await page.waitForSelector('html[data-ready="overview"]');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  const openDoc = async (id: string) => {
    await page.evaluate((h) => { location.hash = h; }, `#doc/${encodeURIComponent(id)}`);
    await page.waitForSelector('#docview:not([hidden])');
    await expect.poll(() => page.locator('#doc-meta').innerText()).toContain(id);
  };

  test('the overview lists every document with its verdict', async () => {
    await expect.poll(() => page.locator('#docs tbody tr[data-id]').count()).toBe(IDS.length);
    await expect(page.locator(`#docs tr[data-id="${DOC_003}"] td.n`).first().innerText()).resolves.toBe('36');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview.png') });
  });

  test('the arithmetic filter narrows the table to the notices whose arithmetic fails', async () => {
    const all = await page.locator('#docs tbody tr[data-id]').count();
    const failing = IDS.filter((id) => auditVerdict(final(id)) !== 'ok');
    expect(failing).toContain(DERIVED);
    await page.check('#f-arith');
    await expect.poll(() => page.locator('#docs tbody tr[data-id]').count()).toBe(failing.length);
    expect(failing.length).toBeLessThan(all);
    const shown = await page.locator('#docs tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(shown.sort()).toEqual(failing.sort());
    await expect(page.locator(`#docs tr[data-id="${DERIVED}"] td.audit`).innerText()).resolves.toMatch(/totals|petitions/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-arithmetic.png') });
    await page.uncheck('#f-arith');
    await expect.poll(() => page.locator('#docs tbody tr[data-id]').count()).toBe(all);
  });

  test('reposts show both ways, and the flagged-copies filter finds them', async () => {
    expect(final(DERIVED).duplicateOf?.id).toBe(DOC_003);
    await expect(page.locator(`#docs tr[data-id="${DERIVED}"] td`).last().innerText()).resolves.toBe(`copy of ${DOC_003} (similarity ${final(DERIVED).duplicateOf!.similarity})`);
    await expect(page.locator(`#docs tr[data-id="${DOC_003}"] td`).last().innerText()).resolves.toBe(`reposted as ${DERIVED}`);
    const flagged = IDS.filter((id) => final(id).quality.flags.length > 0 || final(id).duplicateOf !== null);
    expect(flagged).toContain(DERIVED);
    await page.check('#f-flagged');
    const shown = await page.locator('#docs tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(shown.sort()).toEqual(flagged.sort());
    await page.uncheck('#f-flagged');
  });

  test('the category chart counts problems under each heading that holds any, and "(no category)" comes last', async () => {
    // Expected from the final documents: problems per category title over the batch, most first.
    const counts = new Map<string, number>();
    let none = 0;
    for (const id of IDS) {
      for (const p of final(id).problems) {
        const title = final(id).categories.find((c) => c.number === p.category)?.title;
        if (title === undefined) none++;
        else counts.set(title, (counts.get(title) ?? 0) + 1);
      }
    }
    expect(none).toBe(4);
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    // 003 and its copy: six headings, 72 problems; the smallest holds 2, fewer than the 4 of d94 under none.
    expect(sorted.map(([, n]) => n)).toEqual([22, 22, 12, 8, 6, 2]);
    const bars = await page.locator('#chart-categories .bar').evaluateAll((els) => els.map((e) => [e.querySelector('.lab')!.textContent, Number(e.lastElementChild!.textContent)]));
    expect(bars).toEqual([...sorted, ['(no category)', 4]]);
    await expect(page.locator('#chart-categories').innerText()).resolves.toContain('76 problems found in 3 of the filtered documents, each counted under its category heading; 4 under none');
    await expect(page.locator('.charts figcaption').nth(1).innerText()).resolves.toBe('Problems found, by the category heading they are under');
    await page.locator('.charts').screenshot({ path: path.join(ARTIFACTS, 'overview-charts.png') });
  });

  test('each character shows one region, the innermost; hiding a type shows the one beneath', async () => {
    await openDoc(DOC_003);
    const regions = () => page.locator('#text .hl').evaluateAll((els) => els.map((e) => ['t-problem', 't-rectification', 't-heading', 't-meta'].filter((c) => e.classList.contains(c)).length));
    const counts = await regions();
    expect(counts.some((n) => n === 1)).toBe(true);
    expect(counts.filter((n) => n > 1)).toEqual([]);
    const problems = await page.locator('#text .t-problem').count();
    const rectificationsBefore = await page.locator('#text .t-rectification').count();
    expect(problems).toBeGreaterThan(0);
    await page.uncheck('#legend input[value="problem"]');
    await expect(page.locator('#text .t-problem').count()).resolves.toBe(0);
    await expect(page.locator('#text .t-number').count()).resolves.toBeGreaterThan(0);
    expect(await page.locator('#text .t-rectification').count() + (await page.locator('#text .t-heading').count())).toBeGreaterThanOrEqual(rectificationsBefore);
    await page.check('#legend input[value="problem"]');
    await expect(page.locator('#text .t-problem').count()).resolves.toBe(problems);
  });

  test('003 lists its 36 problems beside the text', async () => {
    await openDoc(DOC_003);
    expect(final(DOC_003).problems).toHaveLength(36);
    await expect(page.locator('#problem-list li').count()).resolves.toBe(36);
    await expect(page.locator('#problem-count').innerText()).resolves.toBe('(36)');
    await page.click('#problem-list button:text("问题12")');
    await expect(page.locator('#detail').innerText()).resolves.toContain('问题12');
  });

  test('clicking 11.3万人次 shows the value and unit the JSON holds', async () => {
    await openDoc(DOC_003);
    const mention = final(DOC_003).numbers.find((n) => n.text.includes('11.3万人次'));
    expect(mention, 'the extract stage found 11.3万人次').toBeDefined();
    await page.locator('#text .t-number', { hasText: mention!.text }).first().click();
    const detail = await page.locator('#detail .entry.primary').innerText();
    expect(detail).toContain(`${mention!.value}${mention!.valueMax !== undefined ? `–${mention!.valueMax}` : ''} ${mention!.unit}`);
    if (mention!.value === 113000 && mention!.unit === '人次') expect(detail).toContain('113000 人次');
    await page.screenshot({ path: path.join(ARTIFACTS, 'document-number.png') });
  });

  test('clicking a date shows its range', async () => {
    await openDoc(DOC_003);
    const date = final(DOC_003).dates.find((d) => d.start && d.end && d.start !== d.end);
    expect(date, 'a date range in 003').toBeDefined();
    await page.locator('#text .t-date', { hasText: date!.text }).first().click();
    const detail = await page.locator('#detail .entry.primary').innerText();
    expect(detail).toContain(`${date!.start} .. ${date!.end}`);
    expect(detail).toContain(date!.kind);
  });

  test('the raw switch shows the raw input with the same spans mapped back', async () => {
    await openDoc(DOC_003);
    await page.check('#raw-switch');
    await expect(page.locator('#text').getAttribute('data-mode')).resolves.toBe('raw');
    await expect(page.locator('#text .t-number', { hasText: '11.3万人次' }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'document-raw.png') });
    await page.uncheck('#raw-switch');
    await expect(page.locator('#text').getAttribute('data-mode')).resolves.toBe('text');
  });

  test('a mention without a valid span and the arithmetic diagnostics are listed, not hidden', async () => {
    await openDoc(DERIVED);
    await expect(page.locator('#unaligned-list').innerText()).resolves.toContain('99个');
    const codes = final(DERIVED).diagnostics.map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    const listed = await page.locator('#diag-list').innerText();
    for (const code of codes) expect(listed).toContain(code);
    await page.screenshot({ path: path.join(ARTIFACTS, 'document-diagnostics.png') });
  });

  test('keys move between findings and documents', async () => {
    await openDoc(DOC_003);
    await page.locator('#text').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('j');
    const first = await page.locator('#detail .entry.primary').innerText();
    await page.keyboard.press('j');
    const second = await page.locator('#detail .entry.primary').innerText();
    expect(second).not.toBe(first);
    await page.keyboard.press('k');
    await expect(page.locator('#detail .entry.primary').innerText()).resolves.toBe(first);
    await page.keyboard.press(']');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain(DOC_003);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#overview:not([hidden])');
  });

  test('the page made no network request and raised no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
