/**
 * A saved web page to the notice's text. The page metadata the site shows (发布时间, 来源 …) is
 * read first; then chrome (script, style, nav, header, footer, aside, forms) is dropped, the
 * content block is found by known container patterns or else by where the Han text is, and its
 * text is written one line per paragraph (<p>, <br>, <div>, table rows). Every output character
 * maps to its offset in the HTML source (parse5 source locations), entities to the `&` they
 * start with, inserted line breaks to the tag that caused them.
 */
import { createRequire } from 'node:module';
import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { CleanError } from './decode.js';
import { type MappedText, TextMapBuilder, rewrite } from './text-map.js';
import { type StepResult, message } from './step.js';
import { readLabels } from '../../vocab/labels.js';

/** Elements that are never the notice. */
const CHROME = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'form', 'select', 'button', 'object', 'embed', 'svg']);

/** Containers that content-management systems of government sites put the article in. */
export const CONTENT_SELECTORS = [
  '#zoom', '.TRS_Editor', '#UCAP-CONTENT', '.pages_content', '.article-content', '.article_content', '.news_content',
  '.newsContent', '.content_text', '#Content', '#content', '.detail-content', '.detail', 'article', '.article', '.content', 'main',
];

/** Elements whose boundaries are line breaks. */
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'hr', 'main', 'center', 'title', 'figure', 'figcaption',
]);

/**
 * Page metadata from header lines as sites print them, e.g.
 * 来源:博兴县纪委监委网站      发布时间:2025-05-12       浏览量:0 次 → { 来源, 发布时间 }: the fields of the
 * one label reader (src/vocab/labels.ts), each label's first value, counters (浏览, 点击) left out.
 */
export function readPageMeta(text: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const l of readLabels(text)) if (l.field !== 'counter' && !(l.label in meta)) meta[l.label] = l.value;
  return meta;
}

/** Han characters in `s` (code points). */
function hanCount(s: string): number {
  return s.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/**
 * The nodes under `root`, in document order, each visited once without recursion: a page can
 * nest its elements tens of thousands deep (a broken editor's `<div>` left open on every line),
 * deeper than the call stack. `enter` sees a node before its children, `leave` after them;
 * the children of a node are visited when `into` says so (all of them by default).
 */
function traverse(root: AnyNode, enter: (node: AnyNode) => void, leave?: (node: AnyNode) => void, into: (node: AnyNode) => boolean = () => true): void {
  const stack: { node: AnyNode; left: boolean }[] = [];
  const push = (parent: AnyNode) => {
    const children = (parent as Partial<Element>).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, left: false });
  };
  push(root);
  while (stack.length) {
    const top = stack.pop()!;
    if (top.left) {
      leave!(top.node);
      continue;
    }
    enter(top.node);
    if (leave) stack.push({ node: top.node, left: true });
    if (into(top.node)) push(top.node);
  }
}

/** The text of a node as cheerio's `.text()` gives it (comments left out), without recursion. */
function textContent(node: AnyNode): string {
  let out = '';
  traverse(
    node,
    (n) => {
      if (n.type === 'text') out += (n as unknown as { data: string }).data;
    },
    undefined,
    (n) => n.type !== 'comment',
  );
  return out;
}

/**
 * For every element under `root`, its Han characters and those inside its links (`<a>`
 * descendants, each counted as often as it is nested, as `el.find('a').text()` counts them), in
 * one pass from the leaves up: asking each element on the way down for its text was quadratic
 * in the depth of the page.
 */
function hanCounts(root: AnyNode): Map<AnyNode, { han: number; links: number }> {
  const counts = new Map<AnyNode, { han: number; links: number }>();
  const add = (node: AnyNode) => {
    let han = 0;
    let links = 0;
    for (const child of (node as Partial<Element>).children ?? []) {
      if (child.type === 'text') han += hanCount((child as unknown as { data: string }).data);
      const c = counts.get(child);
      if (!c) continue;
      han += c.han;
      links += c.links + (child.type === 'tag' && (child as Element).name === 'a' ? c.han : 0);
    }
    counts.set(node, { han, links });
  };
  traverse(root, () => {}, (node) => {
    if (node.type !== 'comment' && node.type !== 'text') add(node);
  });
  add(root);
  return counts;
}

/** The elements under `root` (itself left out), in document order. */
function elementsOf(root: AnyNode): Element[] {
  const out: Element[] = [];
  traverse(root, (node) => {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') out.push(node as Element);
  });
  return out;
}

/** Takes elements out of the tree, each parent's children filtered once (one by one, a page of many is quadratic). */
function removeAll(elements: readonly Element[]): void {
  const gone = new Set<AnyNode>(elements);
  const parents = new Set(elements.map((el) => el.parent).filter((p) => p !== null));
  for (const parent of parents) {
    const kept = parent.children.filter((c) => !gone.has(c));
    kept.forEach((c, i) => {
      c.prev = kept[i - 1] ?? null;
      c.next = kept[i + 1] ?? null;
    });
    parent.children = kept;
  }
  for (const el of elements) el.parent = el.prev = el.next = null;
}

/**
 * Whether an element matches one of the simple selectors of `CONTENT_SELECTORS` (`#id`,
 * `.class`, a tag name), as css-select matches them: ids and classes case-sensitively, a class
 * among the whitespace-separated names of `class`. Matched here because domutils' search is
 * quadratic in the depth of the page.
 */
function matches(el: Element, selector: string): boolean {
  if (selector.startsWith('#')) return el.attribs.id === selector.slice(1);
  if (selector.startsWith('.')) return (el.attribs.class ?? '').split(/\s+/).includes(selector.slice(1));
  return el.name === selector;
}

/**
 * The content block: the known container with the most Han text, if it has a fair share of the
 * page; otherwise, from <body> down, the child that holds at least 70% of the text not inside
 * links, for as long as there is one.
 */
function contentRoot(document: AnyNode, body: AnyNode, elements: readonly Element[]): AnyNode {
  const counts = hanCounts(document);
  const total = counts.get(body)?.han ?? 0;
  const textOf = (el: AnyNode) => {
    const c = counts.get(el);
    return c ? c.han - c.links : 0;
  };
  let best: AnyNode | null = null;
  let bestScore = 0;
  for (const sel of CONTENT_SELECTORS) {
    for (const el of elements) {
      if (!matches(el, sel)) continue;
      const s = textOf(el);
      if (s > bestScore) (best = el), (bestScore = s);
    }
    if (best && (bestScore >= 0.5 * total || bestScore >= 200)) return best;
  }
  let node: AnyNode = body;
  for (;;) {
    const own = textOf(node);
    const children = ((node as Partial<Element>).children ?? []).filter((c) => c.type === 'tag' || c.type === 'script' || c.type === 'style');
    const next = children.find((c) => textOf(c) >= 0.7 * own && own > 0);
    if (!next) return node;
    node = next;
  }
}

/** An entity at a position of the source, as `textNodeOffsets` reads it (sticky: tried at `lastIndex`). */
const ENTITY_AT = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/iy;

/** Source offsets of each character of a text node's decoded data. */
function textNodeOffsets(raw: string, start: number, end: number, data: string): number[] | null {
  if (end - start === data.length && raw.startsWith(data, start)) return Array.from({ length: data.length }, (_, i) => start + i);
  const out: number[] = [];
  let i = start;
  while (i < end) {
    if (raw[i] === '&') {
      ENTITY_AT.lastIndex = i;
      const m = ENTITY_AT.exec(raw);
      if (m && i + m[0].length <= end) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0]) {
          for (let k = 0; k < decoded.length; k++) out.push(i);
          i += m[0].length;
          continue;
        }
      }
    }
    out.push(i);
    i++;
  }
  return out.length === data.length ? out : null;
}

export interface HtmlText {
  text: MappedText;
  pageMeta: Record<string, string>;
  title: string | null;
}

/**
 * How deep a page's elements may nest. parse5 looks through every open element for each new
 * one, so a page nested n deep costs n² (a page of 50,000 unclosed `<div>`, 300 KB, took a
 * minute); real pages nest a few dozen deep, and a broken editor's unclosed `<font>` on every
 * paragraph a few thousand.
 */
export const MAX_HTML_DEPTH = 5000;

/** Elements that have no end tag, or whose end parse5 implies (an unclosed <p> or <li> ends at the next one). */
const NO_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd',
  'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'option', 'optgroup', 'rb', 'rp', 'rt', 'rtc', 'colgroup', 'caption', 'html', 'head', 'body',
]);

/**
 * The depth a page's tags nest to, counted from the source before parsing (start tags less end
 * tags, of elements that can nest): at least the depth parse5 will build, read in one pass.
 */
export function nestingDepth(raw: string): number {
  // `[^<>]*`: a tag never spans another `<`, so each try stops at the next one (linear).
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(raw); m; m = tag.exec(raw)) {
    if (m[0].endsWith('/>') || NO_NESTING.has(m[2]!.toLowerCase())) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

let loadHtml: typeof cheerio.load | undefined;

/**
 * HTML source to text, mapped into the source; `pageMeta` read before chrome is dropped. The
 * tree is walked without recursion and searched without css-select, both linear in the page.
 */
export function htmlToText(raw: string): HtmlText {
  const depth = nestingDepth(raw);
  if (depth > MAX_HTML_DEPTH) throw new CleanError(`a web page whose elements nest ${depth} deep (more than ${MAX_HTML_DEPTH}): not a page a browser could show`);
  // cheerio (with parse5 and an HTTP client) takes a quarter of a second to load: only when a page comes.
  loadHtml ??= (createRequire(import.meta.url)('cheerio') as typeof cheerio).load;
  const document = loadHtml(raw, { sourceCodeLocationInfo: true }).root()[0]!;
  const all = elementsOf(document);
  const body = all.find((el) => el.name === 'body');
  const pageMeta = readPageMeta(body ? blockText(body) : '');
  const firstText = (name: string) => {
    const el = all.find((e) => e.name === name);
    return el ? textContent(el).trim() : '';
  };
  const title = firstText('h1') || firstText('title') || null;
  removeAll(all.filter((el) => CHROME.has(el.name)));
  const elements = elementsOf(document);
  const root = contentRoot(document, body ?? document, elements);
  const b = new TextMapBuilder(raw);
  // The map never goes back, whatever order the tree puts the page's pieces in (parse5 moves text
  // a <table> holds outside its cells before the table, whose line break is at its start tag):
  // a piece that would map before what was written last maps there instead (`last`), and a
  // character of the page is kept (mapped to itself) once at most (`kept`: the offset after it).
  let last = 0;
  let kept = 0;
  const put = (at: number, value: string, keep: boolean) => {
    if (keep && at >= kept) {
      b.keep(at, at + 1);
      last = at;
      kept = at + 1;
    } else {
      last = Math.max(last, at);
      b.replace(last, last, value);
    }
  };
  let lineOpen = false;
  const breakLine = (at: number) => {
    if (lineOpen) put(at, '\n', false);
    lineOpen = false;
  };
  const location = (node: AnyNode) => (node as AnyNode & { sourceCodeLocation?: { startOffset: number; endOffset: number } }).sourceCodeLocation;
  // Only elements are entered (not a <script> or <style> a page kept, nor comments), as cheerio's `.contents()` walk did.
  const isTag = (node: AnyNode) => node.type === 'tag';
  const walk = (el: AnyNode) =>
    traverse(
      el,
      (node) => {
        const loc = location(node);
        if (node.type === 'text') {
          const data = (node as unknown as { data: string }).data;
          if (!data) return;
          const offsets = loc ? textNodeOffsets(raw, loc.startOffset, loc.endOffset, data) : null;
          for (let i = 0; i < data.length; i++) {
            const at = offsets ? offsets[i]! : (loc?.startOffset ?? 0);
            put(at, data[i]!, offsets !== null && data[i] === raw[at]);
          }
          if (data.trim()) lineOpen = true;
        } else if (node.type === 'tag') {
          const name = (node as Element).name;
          const at = loc?.startOffset ?? 0;
          if (BLOCK.has(name)) breakLine(at);
          else if ((name === 'td' || name === 'th') && lineOpen) put(at, '\t', false);
        }
      },
      (node) => {
        if (node.type === 'tag' && BLOCK.has((node as Element).name)) {
          const loc = location(node);
          breakLine(loc?.endOffset ?? loc?.startOffset ?? 0);
        }
      },
      isTag,
    );
  // A title the content block does not hold (an <h1> above it) opens the text, as on the page;
  // but not one the content block is inside (<h1><p>5 个小故事… with no tag ever closed: the text
  // held the title twice, and the offset map went back), nor one after it in the page (the map
  // would go back).
  const h1 = elements.find((el) => el.name === 'h1');
  if (h1 && h1 !== root) {
    const inRoot = new Set(elementsOf(root));
    const aroundRoot = (() => {
      for (let p = root.parent; p; p = p.parent) if (p === h1) return true;
      return false;
    })();
    const before = (location(h1)?.endOffset ?? Infinity) <= (location(root)?.startOffset ?? -Infinity);
    if (!aroundRoot && before && !elements.some((el) => el.name === 'h1' && inRoot.has(el))) {
      walk(h1);
      // A line of its own: the walk enters what is inside an element, not the element.
      breakLine(location(h1)!.endOffset);
    }
  }
  walk(root);
  return { text: b.build(), pageMeta, title };
}

/** Plain text of an element with line breaks at block boundaries, for reading metadata. */
function blockText(el: AnyNode): string {
  let out = '';
  const block = (node: AnyNode) => node.type === 'tag' && BLOCK.has((node as Element).name);
  traverse(
    el,
    (node) => {
      if (node.type === 'text') out += (node as unknown as { data: string }).data;
      else if (block(node)) out += '\n';
    },
    (node) => {
      if (block(node)) out += '\n';
    },
    (node) => node.type === 'tag',
  );
  return out;
}

/** Entities a copy escaped twice or lost the `&` of: &amp;rdquo; · rdquo; · &nbsp → the character. */
const ENTITY_RESIDUE = /&(?:amp;)*(#\d+|#x[0-9a-f]+|[lr]dquo|[lr]squo|[mn]dash|hellip|nbsp|middot|quot|amp|lt|gt|ensp|emsp);|&([lr]dquo|[lr]squo|[mn]dash|hellip|nbsp|middot|quot|amp|lt|gt|ldquo|rdquo)(?![a-z;])|(?<![a-z&])([lr]dquo|[lr]squo|[mn]dash|hellip|nbsp|middot);/gi;

/** Replaces entity residue by the character it stood for; each one gets a message. */
export function repairEntityResidue(input: MappedText): StepResult {
  const found: string[] = [];
  const text = rewrite(input, ENTITY_RESIDUE, (m) => {
    const name = m[1] ?? m[2] ?? m[3]!;
    const decoded = decodeHTML(`&${name};`);
    if (decoded === `&${name};`) return null;
    found.push(m[0]);
    return decoded === '\u00a0' ? ' ' : decoded;
  });
  const messages = found.length
    ? [message('warning', 'clean/entity-residue', `repaired ${found.length} broken HTML entities (${[...new Set(found)].slice(0, 5).join(' ')})`, null)]
    : [];
  return { text, flags: [], messages };
}
