// Saves the README's screenshots of the review page: node test/report/screenshots.mjs OUT
// (OUT is an out/ folder with report.html; run `npm run build` first). Needs a CJK font
// (Debian: fonts-wqy-microhei) or Chinese shows as boxes.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../dist/bench/report.js';

const out = process.argv[2];
const dir = fileURLToPath(new URL('../screenshots/', import.meta.url));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
await page.goto(pathToFileURL(path.join(out, 'report.html')).href);
await page.waitForSelector('#docs tbody tr[data-id]');
await page.screenshot({ path: path.join(dir, 'overview.png') });
await page.check('#f-arith');
await page.screenshot({ path: path.join(dir, 'overview-arithmetic-fails.png') });
await page.uncheck('#f-arith');
await page.evaluate(() => { location.hash = '#doc/003_7004f69c1b986a66'; });
await page.waitForSelector('#problem-list li');
await page.locator('#text .t-number', { hasText: '11.3万人次' }).first().click();
await page.locator('#text .t-number', { hasText: '11.3万人次' }).first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
await page.screenshot({ path: path.join(dir, 'document.png') });
await page.evaluate(() => window.scrollTo(0, 0));
await page.locator('#text .t-date').first().click();
await page.screenshot({ path: path.join(dir, 'document-date-and-legend.png') });
await page.check('#raw-switch');
await page.screenshot({ path: path.join(dir, 'document-raw.png') });
await page.uncheck('#raw-switch');
const derived = await page.evaluate(() => [...document.querySelectorAll('script[id^=doc-]')].map((s) => JSON.parse(s.textContent).id).find((id) => id.includes('derived')));
if (derived) {
  await page.evaluate((id) => { location.hash = '#doc/' + id; }, derived);
  await page.waitForSelector('#diag-list li');
  await page.locator('#diag-list button').first().click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, 'document-diagnostics.png') });
}
await browser.close();
