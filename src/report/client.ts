/**
 * The review page's script, inlined into report.html. Plain ES2020 for the browser, no
 * libraries. The overview comes from the `index` block; a document's `doc-N` block is parsed
 * the first time it is opened (a few are kept in memory).
 */
export const CLIENT_JS = String.raw`
(function () {
'use strict';
var INDEX = JSON.parse(document.getElementById('index').textContent);
var ROWS = INDEX.rows;
var $ = function (id) { return document.getElementById(id); };
var ARITH_LABEL = { 'validate/item-count-mismatch': 'item count', 'validate/totals-mismatch': 'totals', 'validate/rate-mismatch': 'rate', 'validate/petitions-exceed': 'petitions', 'validate/status-contradicts-totals': 'status vs totals' };
var TYPES = [
  ['problem', 'problem statement'], ['rectification', 'rectification (整改情况)'], ['number', 'number'], ['date', 'date'],
  ['heading', 'heading'], ['meta', 'metadata'], ['diagnostic', 'diagnostic']
];
var state = { sort: 'id', dir: 1, q: '', kind: '', issuer: '', arith: false, flagged: false, diag: false, page: 0, pageSize: 100 };
var filtered = ROWS.slice();
var cache = new Map();

function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
function el(tag, attrs, html) { var e = document.createElement(tag); if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]); if (html != null) e.innerHTML = html; return e; }
function pct(x) { return x == null ? '' : (Math.round(x * 10000) / 100) + '%'; }

function loadDoc(n) {
  if (cache.has(n)) { var d = cache.get(n); cache.delete(n); cache.set(n, d); return d; }
  var block = $('doc-' + n);
  if (!block) return null;
  var doc = JSON.parse(block.textContent);
  cache.set(n, doc);
  if (cache.size > 8) cache.delete(cache.keys().next().value);
  return doc;
}

/* ---------- overview ---------- */
function rateOf(r) {
  if (r.rate != null) return { v: r.rate, stated: true };
  if (r.total && r.completed != null) return { v: r.completed / r.total, stated: false };
  return { v: null, stated: false };
}
function sortValue(r, key) {
  switch (key) {
    case 'rate': return rateOf(r).v;
    case 'audit': return r.failed ? 'zz failed' : r.audit.join(' ');
    case 'flags': return r.flags.join(' ');
    case 'reposts': return r.copyOf ? 'copy of ' + r.copyOf.id : r.copies.length ? 'reposted as ' + r.copies[0] : null;
    default: return r[key];
  }
}
function applyFilters() {
  var q = state.q.trim().toLowerCase();
  filtered = ROWS.filter(function (r) {
    if (q && [r.id, r.title, r.issuer].join(' ').toLowerCase().indexOf(q) < 0) return false;
    if (state.kind && r.kind !== state.kind) return false;
    if (state.issuer && r.issuer !== state.issuer) return false;
    if (state.arith && !r.audit.length) return false;
    if (state.flagged && !r.flags.length && !r.copyOf) return false;
    if (state.diag && !(r.errors + r.warnings) && !r.failed) return false;
    return true;
  });
  var key = state.sort, dir = state.dir;
  filtered.sort(function (a, b) {
    var x = sortValue(a, key), y = sortValue(b, key);
    if (x == null && y == null) return a.id < b.id ? -1 : 1;
    if (x == null) return 1;
    if (y == null) return -1;
    if (x < y) return -dir;
    if (x > y) return dir;
    return a.id < b.id ? -1 : 1;
  });
}
function totalsCell(r) {
  if (r.total == null && r.completed == null && r.partial == null && r.notCompleted == null) return '<span class="muted">none stated</span>';
  var parts = [];
  if (r.total != null) parts.push('<b>' + r.total + '</b>');
  parts.push([r.completed, r.partial, r.notCompleted].map(function (v) { return v == null ? '–' : v; }).join(' / '));
  var s = parts.join(' = ');
  if (r.petitionsReceived != null || r.petitionsResolved != null) s += '<br><span class="muted">petitions ' + (r.petitionsResolved == null ? '–' : r.petitionsResolved) + ' of ' + (r.petitionsReceived == null ? '–' : r.petitionsReceived) + '</span>';
  return s;
}
function docLink(id) { return '<a href="#doc/' + encodeURIComponent(id) + '">' + esc(id) + '</a>'; }
/* A copy links to the document it reposts, an original to its copies. */
function repostsHtml(r, sep) {
  if (r.copyOf) return '<span class="tag">copy</span> of ' + docLink(r.copyOf.id) + ' <span class="muted">(similarity ' + r.copyOf.similarity + ')</span>';
  if (r.copies.length) return 'reposted as ' + r.copies.map(docLink).join(sep);
  return '';
}
function auditCell(r) {
  if (r.failed) return '<span class="bad">failed</span> <span class="muted">' + esc(r.failed) + '</span>';
  if (!r.audit.length) return '<span class="ok">ok</span>' + (r.errors + r.warnings ? ' <span class="muted">(' + r.errors + ' errors, ' + r.warnings + ' warnings)</span>' : '');
  return r.audit.map(function (c) { return '<span class="tag bad" title="' + esc(c) + '">' + esc(ARITH_LABEL[c] || c) + '</span>'; }).join('');
}
function renderTable() {
  var pages = Math.max(1, Math.ceil(filtered.length / state.pageSize));
  if (state.page >= pages) state.page = pages - 1;
  var from = state.page * state.pageSize, slice = filtered.slice(from, from + state.pageSize);
  var html = slice.map(function (r) {
    var rate = rateOf(r);
    return '<tr tabindex="0" data-id="' + esc(r.id) + '">' +
      '<td>' + esc(r.id) + '</td><td>' + esc(r.kind || '') + '</td><td>' + esc(r.title || '') + '</td><td>' + esc(r.issuer || '') + '</td>' +
      '<td>' + esc(r.date || '') + '</td><td class="n">' + r.problems + '</td><td class="n">' + totalsCell(r) + '</td>' +
      '<td class="n">' + (rate.v == null ? '' : rate.stated ? pct(rate.v) : '<span class="muted" title="computed from the stated totals">' + pct(rate.v) + '*</span>') + '</td>' +
      '<td class="audit">' + auditCell(r) + '</td>' +
      '<td>' + r.flags.map(function (f) { return '<span class="tag">' + esc(f) + '</span>'; }).join('') + '</td>' +
      '<td>' + repostsHtml(r, '<br>') + '</td></tr>';
  }).join('');
  document.querySelector('#docs tbody').innerHTML = html || '<tr><td colspan="11" class="muted">no documents match</td></tr>';
  document.querySelectorAll('#docs th').forEach(function (th) {
    th.setAttribute('aria-sort', th.dataset.key === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
  });
  $('count').textContent = filtered.length + ' of ' + ROWS.length + ' documents';
  $('pager').innerHTML = pages > 1 ? '<button id="pg-prev" type="button">‹ previous</button> page ' + (state.page + 1) + ' of ' + pages + ' <button id="pg-next" type="button">next ›</button>' : '';
  renderCharts(slice);
}
function renderCharts(pageRows) {
  var withTotals = pageRows.filter(function (r) { return r.completed != null || r.partial != null || r.notCompleted != null; });
  var shown = withTotals.slice(0, 40);
  var html = shown.map(function (r) {
    var c = r.completed || 0, p = r.partial || 0, n = r.notCompleted || 0;
    var total = Math.max(r.total || 0, c + p + n) || 1;
    var w = function (v) { return (100 * v / total) + '%'; };
    return '<div class="bar" title="' + esc(r.id) + '"><a class="lab" href="#doc/' + encodeURIComponent(r.id) + '">' + esc(r.title || r.issuer || r.id) + '</a>' +
      '<span class="track"><i class="c-done" style="width:' + w(c) + '"></i><i class="c-part" style="width:' + w(p) + '"></i><i class="c-not" style="width:' + w(n) + '"></i></span>' +
      '<span>' + c + ' / ' + p + ' / ' + n + (r.total != null ? ' of ' + r.total : '') + '</span></div>';
  }).join('');
  $('chart-completion').innerHTML = (html || '<p class="muted">no notice on this page states completion totals</p>') +
    (withTotals.length > shown.length ? '<p class="muted">first ' + shown.length + ' of ' + withTotals.length + ' on this page</p>' : '') +
    '<p class="muted">notices on the current page of the table</p>';
  /* Problems found per category title over the filtered documents (a title shared by several notices is one bar);
     problems under no category are one bar, last, whatever its size: it is no category to rank. */
  var cats = new Map(), none = 0, problems = 0, docs = 0;
  filtered.forEach(function (r) {
    if (r.categories.length) docs++;
    r.categories.forEach(function (c) {
      problems += c[1];
      if (c[0] == null) none += c[1]; else cats.set(c[0], (cats.get(c[0]) || 0) + c[1]);
    });
  });
  var list = Array.from(cats).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  var shown = list.slice(0, 25);
  if (none) shown.push([null, none]);
  var max = Math.max.apply(null, shown.map(function (c) { return c[1]; }).concat([1]));
  $('chart-categories').innerHTML = shown.map(function (c) {
    var label = c[0] == null ? '<span class="lab muted">(no category)</span>' : '<span class="lab" title="' + esc(c[0]) + '">' + esc(c[0]) + '</span>';
    return '<div class="bar"' + (c[0] == null ? ' data-none' : '') + '>' + label + '<span class="track"><i class="c-cat" style="width:' + (100 * c[1] / max) + '%"></i></span><span>' + c[1] + '</span></div>';
  }).join('') + (problems
    ? '<p class="muted">' + problems + ' problem' + (problems === 1 ? '' : 's') + ' found in ' + docs + ' of the filtered documents, each counted under its category heading' +
      (list.length > 25 ? '; the 25 headings with most problems of ' + list.length : '') + (none ? '; ' + none + ' under none' : '') + '</p>'
    : '<p class="muted">no problems found in the filtered documents</p>');
}
function initOverview() {
  var kinds = Array.from(new Set(ROWS.map(function (r) { return r.kind; }).filter(Boolean))).sort();
  var issuers = Array.from(new Set(ROWS.map(function (r) { return r.issuer; }).filter(Boolean))).sort();
  $('f-kind').insertAdjacentHTML('beforeend', kinds.map(function (k) { return '<option>' + esc(k) + '</option>'; }).join(''));
  $('f-issuer').insertAdjacentHTML('beforeend', issuers.map(function (k) { return '<option>' + esc(k) + '</option>'; }).join(''));
  var failed = ROWS.filter(function (r) { return r.failed; }).length;
  $('batch-info').textContent = INDEX.outDir + ' · ' + ROWS.length + ' documents' + (failed ? ' · ' + failed + ' failed' : '') + ' · built ' + INDEX.generatedAt;
  var refresh = function () { state.page = 0; applyFilters(); renderTable(); };
  $('f-q').addEventListener('input', function (e) { state.q = e.target.value; refresh(); });
  $('f-kind').addEventListener('change', function (e) { state.kind = e.target.value; refresh(); });
  $('f-issuer').addEventListener('change', function (e) { state.issuer = e.target.value; refresh(); });
  $('f-arith').addEventListener('change', function (e) { state.arith = e.target.checked; refresh(); });
  $('f-flagged').addEventListener('change', function (e) { state.flagged = e.target.checked; refresh(); });
  $('f-diag').addEventListener('change', function (e) { state.diag = e.target.checked; refresh(); });
  $('f-reset').addEventListener('click', function () {
    state.q = state.kind = state.issuer = ''; state.arith = state.flagged = state.diag = false;
    ['f-q', 'f-kind', 'f-issuer'].forEach(function (id) { $(id).value = ''; });
    ['f-arith', 'f-flagged', 'f-diag'].forEach(function (id) { $(id).checked = false; });
    refresh();
  });
  document.querySelector('#docs thead').addEventListener('click', function (e) {
    var th = e.target.closest('th'); if (!th) return;
    if (state.sort === th.dataset.key) state.dir = -state.dir; else { state.sort = th.dataset.key; state.dir = 1; }
    applyFilters(); renderTable();
  });
  var tbody = document.querySelector('#docs tbody');
  tbody.addEventListener('click', function (e) {
    if (e.target.closest('a')) return;
    var tr = e.target.closest('tr[data-id]'); if (tr) location.hash = '#doc/' + encodeURIComponent(tr.dataset.id);
  });
  tbody.addEventListener('keydown', function (e) {
    var tr = e.target.closest('tr[data-id]');
    if (tr && e.key === 'Enter') location.hash = '#doc/' + encodeURIComponent(tr.dataset.id);
  });
  $('pager').addEventListener('click', function (e) {
    if (e.target.id === 'pg-prev' && state.page > 0) state.page--;
    else if (e.target.id === 'pg-next') state.page++;
    else return;
    renderTable();
  });
  applyFilters(); renderTable();
}

/* ---------- document view ---------- */
var view = null; // { row, doc, findings, order, current, raw }

function validSpan(sp, len) { return Array.isArray(sp) && sp.length === 2 && Number.isInteger(sp[0]) && Number.isInteger(sp[1]) && sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= len; }
function buildFindings(doc) {
  var f = doc.final, text = doc.text, len = text.length, out = [], unaligned = [];
  function add(type, span, label, rows, expect) {
    var item = { type: type, span: span, label: label, rows: rows, valid: validSpan(span, len), why: '' };
    if (!item.valid) item.why = span == null ? 'no span' : 'span ' + JSON.stringify(span) + ' is out of bounds (text has ' + len + ' code units)';
    else if (expect != null && text.slice(span[0], span[1]) !== expect) { item.valid = false; item.why = 'span ' + JSON.stringify(span) + ' reads "' + text.slice(span[0], span[1]) + '", not "' + expect + '"'; }
    item.i = out.length; out.push(item);
    if (!item.valid) unaligned.push(item);
    return item;
  }
  var cats = {}; (f.categories || []).forEach(function (c) { cats[c.number] = c.title; });
  (doc.sections.headings || []).forEach(function (h) { add('heading', h.span, 'heading ' + h.number + ' (level ' + h.level + ')', [['title', h.title], ['level', h.level], ['number', h.number]]); });
  var mk = doc.sections.metaSpans || {}, meta = f.meta || {};
  Object.keys(mk).forEach(function (k) {
    if (!mk[k]) return;
    var v = meta[k]; if (v && typeof v === 'object') v = v.start + ' .. ' + v.end;
    add('meta', mk[k], 'metadata: ' + k, [['field', k], ['value', v == null ? '(none)' : v]]);
  });
  if (doc.sections.summarySpan) {
    var s = f.summary || {};
    add('meta', doc.sections.summarySpan, 'metadata: stated totals', Object.keys(s).map(function (k) { return [k, s[k] == null ? '–' : (k === 'completionRate' ? pct(s[k]) : s[k])]; }));
  }
  (f.problems || []).forEach(function (p) {
    var rows = [['number', '问题' + p.number], ['category', p.category == null ? '–' : p.category + ' ' + (cats[p.category] || '')], ['status', p.status || 'not stated']];
    p.f = add('problem', p.span, '问题' + p.number, rows.concat([['text', p.text]]));
    p.rf = p.rectificationSpan ? add('rectification', p.rectificationSpan, '问题' + p.number + ' 整改情况', rows) : null;
  });
  (f.numbers || []).forEach(function (n) {
    var v = n.value + (n.valueMax != null ? '–' + n.valueMax : '') + ' ' + n.unit;
    add('number', n.span, n.text, [['value', '<span class="val">' + esc(v) + '</span>'], ['approx', n.approx || 'exact']], n.text).html = true;
  });
  (f.dates || []).forEach(function (d) {
    var range = d.start === d.end ? (d.start || '?') : (d.start || '−∞') + ' .. ' + (d.end || '+∞');
    add('date', d.span, d.text, [['range', '<span class="val">' + esc(range) + '</span>'], ['kind', esc(d.kind)], ['grain', esc(d.grain)], ['year', d.yearInferred ? 'inferred from the notice date' : 'stated']], d.text).html = true;
  });
  (f.diagnostics || []).forEach(function (d) {
    d.f = add('diagnostic', d.span, d.code, [['level', d.level], ['code', d.code], ['message', d.message]]);
  });
  return { all: out, unaligned: unaligned };
}
function rawText(doc) {
  if (doc.raw == null || typeof doc.raw === 'string') return doc.raw;
  var map = rawMap(doc), out = new Array(doc.raw.length), t = doc.text;
  for (var i = 0; i < t.length; i++) if (map[i] >= 0 && map[i] < out.length) out[map[i]] = t[i];
  doc.raw.patches.forEach(function (p) { for (var k = 0; k < p[1].length; k++) out[p[0] + k] = p[1][k]; });
  doc.raw = out.join('');
  return doc.raw;
}
function rawMap(doc) {
  if (doc._map) return doc._map;
  var len = doc.text.length, map = new Int32Array(len + 1), a = 0, an = doc.offsetMap || [[0, 0]];
  for (var i = 0; i <= len; i++) {
    while (a + 1 < an.length && an[a + 1][0] <= i) a++;
    var t = an[a] ? an[a][0] : 0, r = an[a] ? an[a][1] : 0;
    map[i] = r + (i - t);
  }
  doc._map = map; return map;
}
/*
 * Each character is drawn as one region, the innermost visible span over it (equal spans: metadata, problem,
 * rectification, heading), so that a paragraph that is a heading, a problem and its rectification at once reads
 * as the problem; numbers, dates and diagnostics are marks drawn over any region. A click still lists every span
 * covering the spot.
 */
var REGION_ORDER = { meta: 0, problem: 1, rectification: 2, heading: 3 };
function renderHighlights(text, items, visible) {
  items = items.filter(function (it) { return visible[it.f.type]; });
  var points = new Set([0, text.length]);
  items.forEach(function (it) { points.add(it.s); points.add(it.e); });
  var pts = Array.from(points).sort(function (a, b) { return a - b; });
  var byStart = items.slice().sort(function (a, b) { return a.s - b.s; });
  var active = [], k = 0, html = [];
  for (var j = 0; j + 1 < pts.length; j++) {
    var a = pts[j], b = pts[j + 1];
    if (a >= b) continue;
    while (k < byStart.length && byStart[k].s <= a) { active.push(byStart[k]); k++; }
    active = active.filter(function (it) { return it.e > a; });
    var seg = esc(text.slice(a, b));
    if (!active.length) { html.push(seg); continue; }
    var types = {}, ids = [], starts = false, region = null;
    active.forEach(function (it) {
      var t = it.f.type;
      ids.push(it.f.i);
      if (t in REGION_ORDER) {
        if (!region || it.e - it.s < region.e - region.s || (it.e - it.s === region.e - region.s && REGION_ORDER[t] < REGION_ORDER[region.f.type])) region = it;
      } else types['t-' + t] = 1;
      if (it.s === a && t !== 'problem' && t !== 'rectification') starts = true;
    });
    if (region) types['t-' + region.f.type] = 1;
    html.push('<span class="hl ' + Object.keys(types).join(' ') + '" data-f="' + ids.join(' ') + '"' + (starts ? ' tabindex="0"' : '') + '>' + seg + '</span>');
  }
  return html.join('');
}
var PRIORITY = { number: 0, date: 0, diagnostic: 1, meta: 2, heading: 3, problem: 4, rectification: 5 };
function bySpecificity(a, b) { return (a.span[1] - a.span[0]) - (b.span[1] - b.span[0]) || PRIORITY[a.type] - PRIORITY[b.type] || a.i - b.i; }
function renderText() {
  var doc = view.doc, box = $('text');
  var items;
  if (view.raw) {
    var raw = rawText(doc);
    if (raw == null) { box.innerHTML = '<p class="unavailable">Raw input unavailable: ' + esc(doc.rawNote || 'not embedded') + '</p>'; return; }
    var map = rawMap(doc);
    items = view.findings.all.filter(function (f) { return f.valid; }).map(function (f) { return { s: map[f.span[0]], e: Math.max(map[f.span[1]], map[f.span[0]] + 1), f: f }; })
      .filter(function (x) { return x.s >= 0 && x.e <= raw.length && x.s < x.e; });
    box.innerHTML = '<p class="mode-note">Raw input as read from ' + esc(doc.source) + '; every span mapped back through the offset map.</p>' + renderHighlights(raw, items, visibleTypes());
  } else {
    items = view.findings.all.filter(function (f) { return f.valid; }).map(function (f) { return { s: f.span[0], e: f.span[1], f: f }; });
    box.innerHTML = renderHighlights(doc.text, items, visibleTypes());
  }
  box.setAttribute('data-mode', view.raw ? 'raw' : 'text');
  if (view.current != null) markSelected(view.current, false);
}
function detailHtml(f, primary) {
  var rows = f.rows.map(function (r) { return '<tr><td class="muted">' + esc(r[0]) + '</td><td>' + (f.html ? r[1] : esc(r[1])) + '</td></tr>'; }).join('');
  var where = f.valid ? 'text [' + f.span[0] + ', ' + f.span[1] + ')' : '<span class="bad">' + esc(f.why) + '</span>';
  if (f.valid && view.doc.raw != null) { var m = rawMap(view.doc); where += ' · raw [' + m[f.span[0]] + ', ' + m[f.span[1]] + ')'; }
  return '<div class="entry' + (primary ? ' primary' : '') + '"><span class="sw t-' + f.type + '">' + esc(f.type) + '</span> <b>' + esc(f.label) + '</b><table>' + rows + '</table><span class="muted">' + where + '</span></div>';
}
function showDetail(list) {
  $('detail').innerHTML = list.map(function (f, i) { return detailHtml(f, i === 0); }).join('');
}
function markSelected(i, scroll) {
  document.querySelectorAll('#text .sel').forEach(function (e) { e.classList.remove('sel'); });
  var segs = document.querySelectorAll('#text [data-f~="' + i + '"]');
  segs.forEach(function (e) { e.classList.add('sel'); });
  if (scroll && segs.length) segs[0].scrollIntoView({ block: 'center' });
}
function select(i, scroll) {
  view.current = i;
  var f = view.findings.all[i];
  var others = [];
  if (f.valid) {
    others = view.findings.all.filter(function (g) { return g !== f && g.valid && g.span[0] <= f.span[0] && g.span[1] >= f.span[1]; })
      .sort(bySpecificity);
  }
  showDetail([f].concat(others));
  markSelected(i, scroll);
}
function onTextActivate(e) {
  var seg = e.target.closest('.hl'); if (!seg) return;
  var ids = seg.dataset.f.split(' ').map(Number).map(function (i) { return view.findings.all[i]; });
  // Focus that follows j/k lands on the finding already chosen: keep it.
  if (e.type === 'focusin' && ids.some(function (f) { return f.i === view.current; })) return;
  ids.sort(bySpecificity);
  view.current = ids[0].i;
  showDetail(ids);
  markSelected(ids[0].i, false);
}
function visibleTypes() { var t = {}; document.querySelectorAll('#legend input').forEach(function (c) { if (c.checked) t[c.value] = 1; }); return t; }
function step(dir) {
  var vis = visibleTypes();
  var order = view.findings.all.filter(function (f) { return f.valid && vis[f.type] && f.type !== 'rectification'; })
    .sort(function (a, b) { return a.span[0] - b.span[0] || b.span[1] - a.span[1] || PRIORITY[a.type] - PRIORITY[b.type] || a.i - b.i; });
  if (!order.length) return;
  var pos = order.findIndex(function (f) { return f.i === view.current; });
  pos = pos < 0 ? (dir > 0 ? 0 : order.length - 1) : (pos + dir + order.length) % order.length;
  select(order[pos].i, true);
  var seg = document.querySelector('#text [data-f~="' + order[pos].i + '"]');
  if (seg) { seg.setAttribute('tabindex', '0'); seg.focus({ preventScroll: true }); }
}
function metaHtml(row, doc) {
  var f = doc.final, m = f.meta || {};
  var items = [
    ['id', esc(doc.id)], ['source', esc(doc.source)],
    ['kind', esc(f.kind) + (doc.sections.kindEvidence.length ? ' <span class="muted">(' + esc(doc.sections.kindEvidence.join('; ')) + ')</span>' : '')],
    ['issuer', esc(m.issuer || '–')], ['notice date', esc(m.documentDate || '–')],
    ['inspection', m.inspectionPeriod ? esc(m.inspectionPeriod.start + ' .. ' + m.inspectionPeriod.end) : '–'], ['feedback date', esc(m.feedbackDate || '–')],
    ['stated totals', totalsCell(row)], ['completion', row.rate != null ? pct(row.rate) : (rateOf(row).v != null ? pct(rateOf(row).v) + ' <span class="muted">computed</span>' : '–')],
    ['audit', auditCell(row)], ['quality flags', row.flags.map(function (x) { return '<span class="tag">' + esc(x) + '</span>'; }).join('') || '–'],
    ['reposts', repostsHtml(row, ', ') || '–']
  ];
  return items.map(function (x) { return '<dt>' + x[0] + '</dt><dd>' + x[1] + '</dd>'; }).join('');
}
function openDoc(id) {
  var row = ROWS.find(function (r) { return r.id === id; });
  $('overview').hidden = true; $('docview').hidden = false;
  if (!row || row.n < 0) {
    view = null;
    $('doc-title').textContent = id;
    $('doc-meta').innerHTML = '<dt>status</dt><dd class="bad">' + esc(row ? row.failed : 'no such document in this batch') + '</dd>';
    $('text').innerHTML = '<p class="unavailable">No output for this document.</p>';
    ['problem-list', 'diag-list', 'unaligned-list', 'legend'].forEach(function (x) { $(x).innerHTML = ''; });
    return;
  }
  var doc = loadDoc(row.n);
  view = { row: row, doc: doc, findings: buildFindings(doc), current: null, raw: $('raw-switch').checked };
  $('doc-title').textContent = (doc.final.meta && doc.final.meta.title) || doc.id;
  $('doc-meta').innerHTML = metaHtml(row, doc);
  var counts = {}; view.findings.all.forEach(function (f) { if (f.valid) counts[f.type] = (counts[f.type] || 0) + 1; });
  var prevVis = document.querySelectorAll('#legend input').length ? visibleTypes() : null;
  $('legend').innerHTML = TYPES.map(function (t) {
    var on = !prevVis || prevVis[t[0]];
    return '<li><label><input type="checkbox" value="' + t[0] + '"' + (on ? ' checked' : '') + '> <span class="sw t-' + t[0] + '">abc</span>' + esc(t[1]) + ' <span class="muted">' + (counts[t[0]] || 0) + '</span></label></li>';
  }).join('');
  syncLegend();
  var f = doc.final;
  $('problem-count').textContent = '(' + f.problems.length + ')';
  $('problem-list').innerHTML = f.problems.map(function (p) {
    var snippet = (p.text || '').slice(0, 48) + ((p.text || '').length > 48 ? '…' : '');
    return '<li value="' + p.number + '"><button type="button" data-f="' + p.f.i + '">问题' + p.number + '</button> ' +
      '<span class="tag">' + esc(p.status || 'status not stated') + '</span>' + (p.f.valid ? '' : ' <span class="bad">' + esc(p.f.why) + '</span>') + '<br>' + esc(snippet) + '</li>';
  }).join('') || '<li class="muted">no numbered problems found</li>';
  $('diag-count').textContent = '(' + f.diagnostics.length + ')';
  $('diag-list').innerHTML = f.diagnostics.map(function (d) {
    return '<li><span class="tag' + (d.level === 'error' ? ' bad' : '') + '">' + esc(d.level) + '</span> <button type="button" data-f="' + d.f.i + '">' + esc(d.code) + '</button> ' + esc(d.message) +
      (d.f.valid ? '' : ' <span class="muted">(' + esc(d.f.why) + ')</span>') + '</li>';
  }).join('') || '<li class="muted">none</li>';
  var un = view.findings.unaligned.filter(function (x) { return x.type !== 'diagnostic' || x.span != null; });
  $('unaligned-count').textContent = '(' + un.length + ')';
  $('unaligned-list').innerHTML = un.map(function (x) {
    return '<li><span class="sw t-' + x.type + '">' + esc(x.type) + '</span> <button type="button" data-f="' + x.i + '">' + esc(x.label) + '</button> <span class="muted">' + esc(x.why) + '</span></li>';
  }).join('') || '<li class="muted">none: every mention is aligned with its text</li>';
  $('detail').innerHTML = '<p class="muted">Click or focus a highlight, or press <kbd>j</kbd>.</p>';
  renderText();
  window.scrollTo(0, 0);
}
function syncLegend() {
  var vis = visibleTypes(), box = $('text');
  TYPES.forEach(function (t) { box.classList.toggle('show-' + t[0], !!vis[t[0]]); });
}
function moveDoc(dir) {
  if (!filtered.length) return;
  var id = view ? view.row.id : decodeURIComponent(location.hash.slice(5));
  var pos = filtered.findIndex(function (r) { return r.id === id; });
  var next = filtered[(pos + dir + filtered.length) % filtered.length];
  location.hash = '#doc/' + encodeURIComponent(next.id);
}
function route() {
  var h = location.hash;
  if (h.indexOf('#doc/') === 0) openDoc(decodeURIComponent(h.slice(5)));
  else { $('docview').hidden = true; $('overview').hidden = false; view = null; }
}
function initDocView() {
  $('text').addEventListener('click', onTextActivate);
  $('text').addEventListener('focusin', onTextActivate);
  // Which region an overlap shows depends on the types shown: the text is drawn again.
  $('legend').addEventListener('change', function () { syncLegend(); if (view) renderText(); });
  $('back').addEventListener('click', function () { location.hash = ''; });
  $('home').addEventListener('click', function (e) { e.preventDefault(); location.hash = ''; });
  $('prev-doc').addEventListener('click', function () { moveDoc(-1); });
  $('next-doc').addEventListener('click', function () { moveDoc(1); });
  $('raw-switch').addEventListener('change', function (e) { if (view) { view.raw = e.target.checked; renderText(); } });
  document.querySelector('.side').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-f]'); if (!b || !view) return;
    select(Number(b.dataset.f), true);
  });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' && t.type !== 'checkbox' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    var inDoc = !$('docview').hidden;
    if (e.key === 'Escape' && inDoc) { location.hash = ''; }
    else if ((e.key === 'j' || e.key === 'n') && view) { step(1); }
    else if ((e.key === 'k' || e.key === 'p') && view) { step(-1); }
    else if (e.key === ']') { if (inDoc) moveDoc(1); else if (filtered.length) location.hash = '#doc/' + encodeURIComponent(filtered[0].id); }
    else if (e.key === '[' && inDoc) { moveDoc(-1); }
    else if (e.key === 'r' && view) { $('raw-switch').checked = !$('raw-switch').checked; view.raw = $('raw-switch').checked; renderText(); }
    else return;
    e.preventDefault();
  });
  window.addEventListener('hashchange', route);
}
initOverview();
initDocView();
document.documentElement.setAttribute('data-ready', 'overview');
if (location.hash) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', route); else route();
}
})();
`;
