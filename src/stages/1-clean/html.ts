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
import { type MappedText, TextMapBuilder, rewrite } from './text-map.js';
import { type StepResult, message } from './step.js';
import { readLabels } from '../../vocab/labels.js';

/** Elements that are never the notice. */
const CHROME = 'script, style, noscript, template, nav, header, footer, aside, iframe, form, select, button, object, embed, svg';

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

function hanCount(s: string): number {
  let n = 0;
  for (const c of s) if (/\p{Script=Han}/u.test(c)) n++;
  return n;
}

/**
 * The content block: the known container with the most Han text, if it has a fair share of the
 * page; otherwise, from <body> down, the child that holds at least 70% of the text not inside
 * links, for as long as there is one.
 */
function contentRoot($: cheerio.CheerioAPI): cheerio.Cheerio<AnyNode> {
  const body: cheerio.Cheerio<AnyNode> = $('body').length ? $('body') : $.root();
  const total = hanCount(body.text());
  const textOf = (el: cheerio.Cheerio<AnyNode>) => hanCount(el.text()) - hanCount(el.find('a').text());
  let best: cheerio.Cheerio<AnyNode> | null = null;
  let bestScore = 0;
  for (const sel of CONTENT_SELECTORS) {
    $(sel).each((_, el) => {
      const s = textOf($(el));
      if (s > bestScore) (best = $(el)), (bestScore = s);
    });
    if (best && (bestScore >= 0.5 * total || bestScore >= 200)) return best;
  }
  let node: cheerio.Cheerio<AnyNode> = body;
  for (;;) {
    const own = textOf(node);
    const children = node.children().toArray();
    const next = children.find((c) => textOf($(c)) >= 0.7 * own && own > 0);
    if (!next) return node;
    node = $(next);
  }
}

/** Source offsets of each character of a text node's decoded data. */
function textNodeOffsets(raw: string, start: number, end: number, data: string): number[] | null {
  const src = raw.slice(start, end);
  if (src === data) return Array.from({ length: data.length }, (_, i) => start + i);
  const out: number[] = [];
  let i = 0;
  while (i < src.length) {
    if (src[i] === '&') {
      const m = /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/i.exec(src.slice(i));
      if (m) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0]) {
          for (let k = 0; k < decoded.length; k++) out.push(start + i);
          i += m[0].length;
          continue;
        }
      }
    }
    out.push(start + i);
    i++;
  }
  return out.length === data.length ? out : null;
}

export interface HtmlText {
  text: MappedText;
  pageMeta: Record<string, string>;
  title: string | null;
}

let loadHtml: typeof cheerio.load | undefined;

/** HTML source to text, mapped into the source; `pageMeta` read before chrome is dropped. */
export function htmlToText(raw: string): HtmlText {
  // cheerio (with parse5 and an HTTP client) takes a quarter of a second to load: only when a page comes.
  loadHtml ??= (createRequire(import.meta.url)('cheerio') as typeof cheerio).load;
  const $ = loadHtml(raw, { sourceCodeLocationInfo: true });
  const pageText = $('body').length ? blockText($, $('body')) : '';
  const pageMeta = readPageMeta(pageText);
  const title = $('h1').first().text().trim() || $('title').first().text().trim() || null;
  $(CHROME).remove();
  const root = contentRoot($);
  const b = new TextMapBuilder(raw);
  let lineOpen = false;
  const breakLine = (at: number) => {
    if (lineOpen) b.insert(at, '\n');
    lineOpen = false;
  };
  // A title the content block does not hold (an <h1> above it) opens the text, as on the page.
  const h1 = $('h1').first();
  if (h1.length && !root.find('h1').length && !h1.closest(root as cheerio.Cheerio<Element>).length) walk(h1);
  walk(root);
  function walk(el: cheerio.Cheerio<AnyNode>) {
    el.contents().each((_, node) => {
      const loc = (node as AnyNode & { sourceCodeLocation?: { startOffset: number; endOffset: number } }).sourceCodeLocation;
      if (node.type === 'text') {
        const data = (node as unknown as { data: string }).data;
        if (!data) return;
        const offsets = loc ? textNodeOffsets(raw, loc.startOffset, loc.endOffset, data) : null;
        for (let i = 0; i < data.length; i++) {
          const at = offsets ? offsets[i]! : (loc?.startOffset ?? 0);
          if (offsets && data[i] === raw[at]) b.keep(at, at + 1);
          else b.replace(at, at, data[i]!);
        }
        if (data.trim()) lineOpen = true;
      } else if (node.type === 'tag') {
        const name = (node as Element).name;
        const at = loc?.startOffset ?? 0;
        if (BLOCK.has(name)) breakLine(at);
        else if (name === 'td' || name === 'th') {
          if (lineOpen) b.insert(at, '\t');
        }
        walk($(node));
        if (BLOCK.has(name)) breakLine(loc?.endOffset ?? at);
      }
    });
  }
  return { text: b.build(), pageMeta, title };
}

/** Plain text of an element with line breaks at block boundaries, for reading metadata. */
function blockText($: cheerio.CheerioAPI, el: cheerio.Cheerio<AnyNode>): string {
  let out = '';
  el.contents().each((_, node) => {
    if (node.type === 'text') out += (node as unknown as { data: string }).data;
    else if (node.type === 'tag') {
      const block = BLOCK.has((node as Element).name);
      if (block) out += '\n';
      out += blockText($, $(node));
      if (block) out += '\n';
    }
  });
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
