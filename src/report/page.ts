import type { Batch } from './build.js';
import { CLIENT_JS } from './client.js';

/**
 * The HTML of the review page. Nothing is fetched: CSS and JavaScript are inline, the overview
 * index and each document are JSON in `<script type="application/json">` blocks (`<` escaped
 * as `\u003c`, so no text can close the block early).
 */
/** JSON safe inside a `<script>` element. */
export const json = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The whole page for a batch held in memory; `writeReport` streams the same parts instead. */
export function renderPage(batch: Batch, generatedAt: string): string {
  return pageStart(batch.outDir, batch.rows, generatedAt) + batch.docs.map((d, n) => docBlock(d, n)).join('') + PAGE_END;
}

/** One document's data, parsed by the page only when the document is opened. */
export function docBlock(doc: Batch['docs'][number], n: number): string {
  return `${blockStart(n)}${json(doc)}${BLOCK_END}`;
}

/** The element around document n's data (a run's page writes the data between them in pieces). */
export const blockStart = (n: number): string => `<script type="application/json" id="doc-${n}">`;
export const BLOCK_END = '</script>\n';

export const PAGE_END = '</body>\n</html>\n';

/** Everything before the documents' data: the overview works as soon as this is parsed. */
export function pageStart(outDir: string, rows: Batch['rows'], generatedAt: string): string {
  const index = { outDir, generatedAt, rows };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'; connect-src 'none'">
<title>zhenggai review · ${escapeHtml(outDir)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
  <h1><a href="#" id="home">zhenggai review</a></h1>
  <span id="batch-info"></span>
  <span class="keys">keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding · <kbd>]</kbd>/<kbd>[</kbd> next/previous document · <kbd>r</kbd> raw/cleaned · <kbd>Esc</kbd> overview</span>
</header>
<main id="overview">
  <section class="filters" aria-label="filters">
    <label>Search <input id="f-q" type="search" placeholder="id, title, issuer"></label>
    <label>Kind <select id="f-kind"><option value="">all</option></select></label>
    <label>Issuer <select id="f-issuer"><option value="">all</option></select></label>
    <label><input id="f-arith" type="checkbox"> arithmetic fails</label>
    <label><input id="f-flagged" type="checkbox"> flagged copies (quality flags, or a copy of another document)</label>
    <label><input id="f-diag" type="checkbox"> has errors or warnings</label>
    <button id="f-reset" type="button">clear filters</button>
    <span id="count" aria-live="polite"></span>
  </section>
  <section class="charts">
    <figure><figcaption>Completion per notice, as stated <span class="swatches"><i class="c-done"></i>completed <i class="c-part"></i>partial <i class="c-not"></i>not completed</span></figcaption><div id="chart-completion"></div></figure>
    <figure><figcaption>Problems found, by the category heading they are under</figcaption><div id="chart-categories"></div></figure>
  </section>
  <table id="docs">
    <thead><tr>
      <th data-key="id">document</th><th data-key="kind">kind</th><th data-key="title">title</th><th data-key="issuer">issuer</th>
      <th data-key="date">notice date</th><th data-key="problems" class="n">problems found</th><th data-key="total" class="n">stated totals</th>
      <th data-key="rate" class="n">completion</th><th data-key="audit">audit</th><th data-key="flags">quality flags</th><th data-key="reposts">reposts</th>
    </tr></thead>
    <tbody></tbody>
  </table>
  <nav id="pager"></nav>
</main>
<main id="docview" hidden>
  <div class="docbar">
    <button id="back" type="button">← overview</button>
    <button id="prev-doc" type="button">[ previous document</button>
    <button id="next-doc" type="button">next document ]</button>
    <label class="switch"><input id="raw-switch" type="checkbox"> show raw input</label>
    <h2 id="doc-title"></h2>
  </div>
  <dl id="doc-meta" class="meta"></dl>
  <div class="docgrid">
    <article id="text" class="text" aria-label="document text"></article>
    <aside class="side">
      <section><h3>Legend</h3><ul id="legend" class="legend"></ul></section>
      <section><h3>Selected finding</h3><div id="detail" aria-live="polite"><p class="muted">Click or focus a highlight, or press <kbd>j</kbd>.</p></div></section>
      <section><h3>Problems <span id="problem-count"></span></h3><ol id="problem-list" class="plist"></ol></section>
      <section><h3>Diagnostics <span id="diag-count"></span></h3><ul id="diag-list" class="dlist"></ul></section>
      <section><h3>Not aligned <span id="unaligned-count"></span></h3><p class="muted">Mentions whose span is missing, out of bounds or does not match its text. Listed, never hidden.</p><ul id="unaligned-list" class="dlist"></ul></section>
    </aside>
  </div>
</main>
<script type="application/json" id="index">${json(index)}</script>
<script>${CLIENT_JS}</script>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * Types are told apart by shape as well as colour: problems a plain tint, rectifications a
 * striped tint, numbers a solid box, dates a dashed box, headings a double underline,
 * metadata a dotted underline, diagnostics a wavy underline.
 */
const CSS = `
:root { --fg:#1b1b1b; --muted:#666; --line:#ccc; --problem:#ffe98a; --rect:#bfe8c4; --number:#1f5fbf; --date:#b35900; --heading:#6a2c91; --meta:#006d6d; --diag:#c0001a; --sel:#000; }
* { box-sizing: border-box; }
body { margin:0; font: 14px/1.5 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color:var(--fg); background:#fafafa; }
header.top { display:flex; gap:1em; align-items:baseline; padding:.5em 1em; background:#fff; border-bottom:1px solid var(--line); position:sticky; top:0; z-index:5; }
header.top h1 { font-size:1.1em; margin:0; } header.top h1 a { color:inherit; text-decoration:none; }
.keys { margin-left:auto; color:var(--muted); font-size:.85em; }
kbd { border:1px solid var(--line); border-radius:3px; padding:0 .3em; background:#f3f3f3; font-size:.9em; }
main { padding: .5em 1em 2em; }
.filters { display:flex; flex-wrap:wrap; gap:.4em 1.2em; align-items:center; margin:.5em 0; }
.filters select { max-width: 16em; }
#count { color:var(--muted); }
.charts { display:grid; grid-template-columns: 1fr 1fr; gap:1em; }
.charts figure { margin:0; background:#fff; border:1px solid var(--line); padding:.5em; max-height: 22em; overflow:auto; }
figcaption { font-weight:600; margin-bottom:.3em; }
.swatches { font-weight:normal; font-size:.85em; margin-left:.5em; } .swatches i { display:inline-block; width:1.4em; height:.9em; vertical-align:middle; margin:0 .2em 0 .6em; border:1px solid #333; }
.bar { display:grid; grid-template-columns: 14em 1fr 6em; gap:.4em; align-items:center; font-size:.85em; margin:1px 0; }
.bar .lab { overflow:hidden; white-space:nowrap; text-overflow:ellipsis; }
.bar .track { display:flex; height:1em; background:#eee; border:1px solid #bbb; }
.bar .track > i { display:block; height:100%; }
.c-done { background:#2e7d32; }
.c-part { background: repeating-linear-gradient(45deg, #f2a900 0 3px, #fff3c4 3px 6px); }
.c-not { background: radial-gradient(circle, #c62828 1.2px, #ffd6d6 1.4px) 0 0 / 5px 5px; }
.c-cat { background:#5c6bc0; }
table#docs { border-collapse:collapse; width:100%; background:#fff; margin-top:.8em; font-size:.9em; }
#docs th, #docs td { border-bottom:1px solid var(--line); padding:.25em .4em; text-align:left; vertical-align:top; }
#docs th { cursor:pointer; user-select:none; background:#f0f0f0; position:sticky; top:2.4em; }
#docs th[aria-sort="ascending"]::after { content:" ▲"; } #docs th[aria-sort="descending"]::after { content:" ▼"; }
#docs td.n, #docs th.n { text-align:right; }
#docs tbody tr { cursor:pointer; } #docs tbody tr:hover, #docs tbody tr:focus { background:#eef4ff; outline:none; }
.bad { color:var(--diag); font-weight:600; } .ok { color:#2e7d32; } .muted { color:var(--muted); }
.tag { display:inline-block; border:1px solid var(--line); border-radius:3px; padding:0 .3em; margin:0 .2em .1em 0; font-size:.85em; background:#f7f7f7; }
.tag.bad { border-color: var(--diag); }
#pager { margin-top:.5em; display:flex; gap:.5em; align-items:center; }
.docbar { display:flex; gap:.6em; align-items:center; flex-wrap:wrap; }
.docbar h2 { font-size:1.1em; margin:0 0 0 .5em; flex-basis:100%; }
dl.meta { display:grid; grid-template-columns: max-content 1fr max-content 1fr; gap:.1em .8em; background:#fff; border:1px solid var(--line); padding:.5em; margin:.5em 0; font-size:.9em; }
dl.meta dt { color:var(--muted); } dl.meta dd { margin:0; }
.docgrid { display:grid; grid-template-columns: minmax(0, 1fr) 26em; gap:1em; align-items:start; }
.text { background:#fff; border:1px solid var(--line); padding:1em; white-space:pre-wrap; word-break:break-all; font-size:15px; line-height:1.9; }
.text .unavailable { color:var(--diag); white-space:normal; }
.text .mode-note { margin:0 0 .6em; padding:.2em .5em; background:#eef; border-left:4px solid #446; white-space:normal; font-size:.85em; }
.side { position:sticky; top:3em; max-height: calc(100vh - 4em); overflow:auto; background:#fff; border:1px solid var(--line); padding:.5em .8em; }
.side h3 { font-size:1em; margin:.8em 0 .3em; }
.legend { list-style:none; padding:0; margin:0; display:grid; grid-template-columns: 1fr 1fr; gap:.2em; }
.legend label { cursor:pointer; }
.plist, .dlist { padding-left:1.6em; margin:0; font-size:.9em; }
.plist li, .dlist li { margin:.15em 0; }
.plist button, .dlist button { all:unset; cursor:pointer; color:#0645ad; text-decoration:underline; }
.plist button:focus, .dlist button:focus { outline:2px solid var(--sel); }
#detail .val { font-size:1.15em; font-weight:700; }
#detail .entry { border-left:3px solid var(--line); padding-left:.5em; margin:.3em 0; }
#detail .entry.primary { border-left-color: var(--sel); }
#detail table { border-collapse:collapse; } #detail td { padding:0 .5em 0 0; vertical-align:top; }
.hl { cursor:pointer; }
.text.show-problem .t-problem { background-color: var(--problem); }
.text.show-rectification .t-rectification { background-image: repeating-linear-gradient(135deg, var(--rect) 0 4px, #e7f7e9 4px 8px); }
.text.show-number .t-number { border:2px solid var(--number); border-radius:3px; padding:0 1px; }
.text.show-date .t-date { border:2px dashed var(--date); border-radius:3px; padding:0 1px; }
.text.show-heading .t-heading { font-weight:700; text-decoration: underline double var(--heading); text-underline-offset: 3px; }
.text.show-meta .t-meta { text-decoration: underline dotted var(--meta) 2px; text-underline-offset: 4px; }
.text.show-diagnostic .t-diagnostic { text-decoration: underline wavy var(--diag) 1.5px; text-underline-offset: 4px; }
.text .sel { outline:2px solid var(--sel); outline-offset:1px; }
.hl:focus { outline:3px solid #0645ad; outline-offset:1px; }
.sw { display:inline-block; min-width:3.2em; text-align:center; margin-right:.3em; padding:0 2px; }
.sw.t-problem { background: var(--problem); }
.sw.t-rectification { background-image: repeating-linear-gradient(135deg, var(--rect) 0 4px, #e7f7e9 4px 8px); }
.sw.t-number { border:2px solid var(--number); border-radius:3px; }
.sw.t-date { border:2px dashed var(--date); border-radius:3px; }
.sw.t-heading { font-weight:700; text-decoration: underline double var(--heading); }
.sw.t-meta { text-decoration: underline dotted var(--meta) 2px; }
.sw.t-diagnostic { text-decoration: underline wavy var(--diag) 1.5px; }
@media (max-width: 1000px) { .docgrid, .charts { grid-template-columns: 1fr; } .side { position:static; max-height:none; } }
`;
