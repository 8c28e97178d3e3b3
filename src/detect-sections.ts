import { z } from 'zod';
import { Category, Kind, Message, Meta, Period, Problem, Span, Status, Summary } from './schema.js';
import type { SegmentedDocument } from './segment.js';
import { findDates, parseDate } from './normalize/dates.js';
import { parseNumeral } from './normalize/numerals.js';

/** A numbered heading: 一、 (level 1), (一) (level 2), 1. / 1、 (level 3). */
export const Heading = z.object({ level: z.number().int(), number: z.number().int(), title: z.string(), span: Span });
export type Heading = z.infer<typeof Heading>;

/** What `3-sections.json` holds. */
export const SectionsOutput = z.object({
  id: z.string(),
  kind: Kind,
  /** Why the kind was chosen: the rules that fired, each with the text it saw. */
  kindEvidence: z.array(z.string()),
  meta: Meta.extend({
    titleSpan: Span.nullable(),
    issuerSpan: Span.nullable(),
    documentDateSpan: Span.nullable(),
    inspectionPeriodSpan: Span.nullable(),
    feedbackDateSpan: Span.nullable(),
  }),
  summary: Summary,
  /** The sentence the totals were read from. */
  summarySpan: Span.nullable(),
  headings: z.array(Heading),
  categories: z.array(Category),
  problems: z.array(Problem),
  messages: z.array(Message),
});
export type SectionsOutput = z.infer<typeof SectionsOutput>;

export type SectionedDocument = SegmentedDocument & { sections: SectionsOutput };

interface Line { start: number; end: number; text: string }

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return lines;
}

const CN = '[一二三四五六七八九十]+';

/** Heading patterns, tried at the start of a line. */
const HEADINGS: { level: number; pattern: RegExp; example: string }[] = [
  { level: 1, pattern: new RegExp(`^(${CN})、\\s*`), example: '一、组织整改落实情况' },
  { level: 2, pattern: new RegExp(`^[(（](${CN})[)）]\\s*`), example: '(一)反馈问题:践行正确政绩观有差距' },
];

/** A problem item: 1.问题1:… / 36. 问题36:… / 问题1:… / 问题一:… */
const PROBLEM_ITEM = new RegExp(`^(?:(\\d+)\\s*[.、．]\\s*)?问题\\s*(\\d+|${CN})\\s*[:：]\\s*`);
/** A plain numbered item, a problem only if a rectification label follows it: 1.… / 1、… */
const NUMBERED_ITEM = /^(\d+)\s*[.、．](?!\d)\s*/;
/** 整改情况: and its variants open the rectification of the item before. */
const RECTIFICATION_LABEL = /^(?:整改(?:落实|进展)?情况|整改进展|整改措施|整改成效|整改结果)\s*[:：]?\s*/;
/** Closing parts that never belong to the last item: 下一步…, 欢迎…监督, contact lines. */
const CLOSING = /^(?:下一步|欢迎广大|联系电话|联系方式|电子邮箱|邮政信箱|通信地址)|欢迎.{0,20}监督/;
/** A category heading that names a problem area: (一)反馈问题:… */
const CATEGORY_PREFIX = /^(?:反馈问题|问题类别|方面)\s*[:：]\s*/;

/** Per-item status from the rectification text; first match wins, checked in this order. */
export const STATUS_PHRASES: { status: Status; pattern: RegExp; example: string }[] = [
  { status: 'not-completed', pattern: /未完成|申请延期/, example: '该问题未完成整改,正在推进' },
  { status: 'partial', pattern: /基本完成|阶段性完成|取得阶段性成效/, example: '目前已阶段性完成整改' },
  { status: 'completed', pattern: /已完成整改|已整改到位|已全部整改|已办结|整改完成/, example: '该问题已完成整改' },
  { status: 'not-completed', pattern: /正在整改|持续整改|长期坚持|持续推进/, example: '此项工作持续推进' },
];

function statusOf(rectification: string): Status | null {
  for (const row of STATUS_PHRASES) if (row.pattern.test(rectification)) return row.status;
  return null;
}

function toNumber(s: string): number {
  return parseNumeral(s) ?? Number.NaN;
}

interface Structure { headings: Heading[]; categories: Category[]; problems: Problem[] }

/**
 * Walks the lines once. A problem item opens at `1.问题1:` (or a numbered line followed by a
 * rectification label); its rectification runs from the label to the next heading, item or
 * closing part, however many paragraphs it spans.
 */
function readStructure(text: string, lines: Line[]): Structure {
  const headings: Heading[] = [];
  const categories: Category[] = [];
  const problems: Problem[] = [];
  let category: number | null = null;
  let open: { problem: Problem; rectStart: number | null; rectEnd: number } | null = null;
  const close = () => {
    if (!open) return;
    const { problem, rectStart, rectEnd } = open;
    if (rectStart !== null && rectEnd > rectStart) {
      const rectification = text.slice(rectStart, rectEnd);
      problems.push({ ...problem, rectification, rectificationSpan: [rectStart, rectEnd], status: statusOf(rectification) });
    } else problems.push(problem);
    open = null;
  };
  const pendingCategories: Category[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = HEADINGS.find((h) => h.pattern.test(line.text));
    if (heading) {
      close();
      const m = heading.pattern.exec(line.text)!;
      const titleStart = line.start + m[0].length;
      headings.push({ level: heading.level, number: toNumber(m[1]!), title: text.slice(titleStart, line.end), span: [line.start, line.end] });
      if (heading.level === 2) {
        const prefix = CATEGORY_PREFIX.exec(text.slice(titleStart, line.end));
        const start = titleStart + (prefix ? prefix[0].length : 0);
        const c = { number: toNumber(m[1]!), title: text.slice(start, line.end), span: [start, line.end] as [number, number] };
        pendingCategories.push(c);
        category = c.number;
      } else category = null;
      continue;
    }
    if (CLOSING.test(line.text)) {
      close();
      continue;
    }
    const item = PROBLEM_ITEM.exec(line.text) ?? (NUMBERED_ITEM.test(line.text) && RECTIFICATION_LABEL.test(lines[i + 1]?.text ?? '') ? NUMBERED_ITEM.exec(line.text) : null);
    if (item) {
      close();
      const start = line.start + item[0].length;
      const number = toNumber(item[2] ?? item[1]!);
      open = { problem: { number, category, text: text.slice(start, line.end), rectification: null, status: null, span: [start, line.end], rectificationSpan: null }, rectStart: null, rectEnd: 0 };
      if (category !== null) {
        const c = pendingCategories.find((p) => p.number === category);
        if (c && !categories.includes(c)) categories.push(c);
      }
      continue;
    }
    if (!open) continue;
    const current = open as { problem: Problem; rectStart: number | null; rectEnd: number };
    const label = RECTIFICATION_LABEL.exec(line.text);
    if (current.rectStart === null) {
      if (label) {
        current.rectStart = line.start + label[0].length;
        current.rectEnd = line.end;
      }
    } else current.rectEnd = line.end;
  }
  close();
  return { headings, categories, problems };
}

const DATE_ONLY = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,3}月[\d〇零一二三四五六七八九十]{1,3}日$/;
const ISSUER = /^(?:中共.{1,20}?(?:委员会|委)|.{2,30}?(?:党组|党委|委员会|局|厅|政府|办公室))$/;

interface Found<T> { value: T; span: [number, number] }

/** The signature block: an issuer line then a date line, among the last lines. */
function readSignature(lines: Line[]): { issuer: Found<string> | null; date: Found<string> | null } {
  const tail = lines.filter((l) => l.text.trim()).slice(-4);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!;
    if (!DATE_ONLY.test(line.text.trim())) continue;
    const parsed = parseDate(line.text.trim());
    if (!parsed) continue;
    const prev = tail[i - 1];
    const issuer = prev && ISSUER.test(prev.text.trim()) && prev.text.trim().length <= 30 ? { value: prev.text.trim(), span: [prev.start, prev.end] as [number, number] } : null;
    return { issuer, date: { value: parsed.start, span: [line.start, line.end] } };
  }
  return { issuer: null, date: null };
}

/**
 * The inspection and its feedback, from the opening sentences:
 * "2023年9月7日至11月10日,省委第一巡视组对汨罗市进行了巡视。2023年12月21日,省委巡视组向汨罗市委反馈了巡视意见。"
 */
function readInspection(text: string, documentDate: string | null) {
  let period: Found<z.infer<typeof Period>> | null = null;
  let feedback: Found<string> | null = null;
  const sentences = text.split(/(?<=[。\n])/);
  let offset = 0;
  for (const sentence of sentences) {
    const { dates } = findDates(sentence, { documentDate });
    if (/巡视|巡察/.test(sentence)) {
      if (!period && /对.{1,40}(?:进行了|开展了|进行|开展)(?:常规|专项|机动)?(?:巡视|巡察)/.test(sentence)) {
        const d = dates.find((x) => x.kind === 'range' && x.start && x.end);
        if (d) period = { value: { start: d.start!, end: d.end! }, span: [offset + d.span[0], offset + d.span[1]] };
      }
      if (!feedback && /反馈/.test(sentence) && /意见|问题/.test(sentence)) {
        const d = dates.find((x) => x.kind === 'point' && x.grain === 'day' && x.start);
        if (d) feedback = { value: d.start!, span: [offset + d.span[0], offset + d.span[1]] };
      }
    }
    offset += sentence.length;
  }
  return { period, feedback };
}

const emptySummary = (): Summary => ({ totalProblems: null, completed: null, partial: null, notCompleted: null, completionRate: null, petitionsReceived: null, petitionsResolved: null });

const NUM = '([\\d,，]+|[〇零一二两三四五六七八九十百千]+)';
/** Totals in the notice's own words; each row reads one field from the totals sentence. */
export const SUMMARY_PATTERNS: { field: keyof Summary; pattern: RegExp; example: string }[] = [
  { field: 'totalProblems', pattern: new RegExp(`反馈(?:的)?${NUM}(?:个|项|条)(?:具体)?问题`), example: '巡视反馈的36个具体问题' },
  { field: 'completed', pattern: new RegExp(`(?:已完成整改|已整改到位|已完成|完成整改)${NUM}(?:个|项|条)`), example: '已完成整改23个' },
  { field: 'partial', pattern: new RegExp(`(?:阶段性完成(?:整改)?|基本完成(?:整改)?)${NUM}(?:个|项|条)`), example: '阶段性完成整改12个' },
  { field: 'notCompleted', pattern: new RegExp(`(?:未完成(?:整改)?|正在整改|持续整改)${NUM}(?:个|项|条)`), example: '未完成1个' },
  { field: 'petitionsReceived', pattern: new RegExp(`${NUM}件信访(?:件|举报)`), example: '巡视移交的1390件信访件' },
  { field: 'petitionsResolved', pattern: new RegExp(`信访(?:件|举报)[^。；;]*?已办结${NUM}件`), example: '1390件信访件,已办结1389件' },
];

function readSummary(text: string): { summary: Summary; span: [number, number] | null } {
  const summary = emptySummary();
  let span: [number, number] | null = null;
  let offset = 0;
  for (const sentence of text.split(/(?<=[。\n])/)) {
    const total = SUMMARY_PATTERNS[0]!.pattern.exec(sentence);
    if (total && summary.totalProblems === null) {
      for (const { field, pattern } of SUMMARY_PATTERNS) {
        const m = pattern.exec(sentence);
        if (m && summary[field] === null) summary[field] = toNumber(m[1]!.replace(/[,，]/g, ''));
      }
      const rate = /完成率(?:为|达)?(\d+(?:\.\d+)?)%/.exec(sentence);
      if (rate) summary.completionRate = Number(rate[1]) / 100;
      span = [offset, offset + sentence.replace(/\n$/, '').length];
    }
    offset += sentence.length;
  }
  return { summary, span };
}

/** The title: the first line when it reads as one (关于…的通报, short and unpunctuated). */
function readTitle(lines: Line[]): Found<string> | null {
  const first = lines.find((l) => l.text.trim());
  if (!first) return null;
  if (first.text.length <= 60 && !/[。，,；;]$/.test(first.text) && !/[。]/.test(first.text)) return { value: first.text, span: [first.start, first.end] };
  return null;
}

function decideKind(text: string, problems: Problem[], summary: Summary): { kind: Kind; evidence: string[] } {
  if (problems.length > 0) return { kind: 'formal-notice', evidence: [`${problems.length} numbered problems with rectifications`] };
  const notice = /(?:现将|现就)[^。]{0,30}整改(?:进展)?情况(?:予以|进行)?(?:公布|通报|公开)|整改(?:进展)?情况的(?:通报|报告)/.exec(text);
  if (notice) return { kind: 'formal-notice', evidence: [`notice phrase: ${notice[0]}`] };
  const bulletin = /信访(?:件|举报)[^。]{0,40}(?:办结|查处)/.exec(text);
  if (bulletin && summary.totalProblems === null && text.length < 3000) return { kind: 'summary-notice', evidence: [`petition bulletin: ${bulletin[0]}`] };
  return { kind: 'news', evidence: ['no numbered problems and no notice phrase'] };
}

export function detectSections(doc: SegmentedDocument): SectionedDocument {
  const { text } = doc.clean;
  const lines = splitLines(text);
  const messages: Message[] = [];
  const { headings, categories, problems } = readStructure(text, lines);
  const signature = readSignature(lines);
  const title = readTitle(lines);
  const issuerFromTitle = title ? /^(中共.{1,20}?委)关于/.exec(title.value) : null;
  const issuer = signature.issuer ?? (issuerFromTitle && title ? { value: issuerFromTitle[1]!, span: [title.span[0], title.span[0] + issuerFromTitle[1]!.length] as [number, number] } : null);
  const documentDate = signature.date;
  const { period, feedback } = readInspection(text, documentDate?.value ?? null);
  const { summary, span: summarySpan } = readSummary(text);
  const { kind, evidence } = decideKind(text, problems, summary);
  const sections: SectionsOutput = {
    id: doc.clean.id,
    kind,
    kindEvidence: evidence,
    meta: {
      title: title?.value ?? null,
      issuer: issuer?.value ?? null,
      documentDate: documentDate?.value ?? null,
      inspectionPeriod: period?.value ?? null,
      feedbackDate: feedback?.value ?? null,
      titleSpan: title?.span ?? null,
      issuerSpan: issuer?.span ?? null,
      documentDateSpan: documentDate?.span ?? null,
      inspectionPeriodSpan: period?.span ?? null,
      feedbackDateSpan: feedback?.span ?? null,
    },
    summary,
    summarySpan,
    headings,
    categories,
    problems,
    messages,
  };
  return { ...doc, sections };
}

