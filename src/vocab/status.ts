import type { Status } from '../schema.js';

/**
 * The one status vocabulary: how a notice says a problem, a count of problems or a petition
 * stands. Every reader of status words builds its pattern from these rows, and the segmenter's
 * user dictionary rows for them are written from `dictionary` (`npm run schemas` writes
 * src/dict/status.dict.utf8; a test fails when it is stale). Adding a word is one row here.
 *
 * - `words` (a regular expression's source) say how an item or a count stands: each item's
 *   rectification (sections' items) and each clause of a totals sentence (extract's totals, with
 *   the count itself taken out: "已完成1275项," is read as "已完成,", while an item's
 *   "目前已完成7个镇污水处理厂新建" does not say the problem is done). The first row whose words
 *   the text holds wins, so order matters: a stated failure first, then partial completion
 *   ("基本完成取得阶段性成果并持续整改问题4个" is partial though it says 持续整改), then completion,
 *   then work that merely goes on.
 * - `all` is the row's verb after 全部 or 均已, saying every one is done: "共反馈问题36个,目前已全部
 *   整改到位" gives completed = 36; "15件信访件,均已全部办结" resolves all 15.
 * - `petitions` (a source) says, before a count of petitions, that so many were resolved:
 *   "已办结1389件".
 */
export interface StatusWords {
  status: Status;
  words: string | null;
  all?: string;
  petitions?: string;
  /** The words the segmenter must keep whole, with their part of speech (`v` verb, `n` noun). */
  dictionary?: [string, 'v' | 'n'][];
  example: string;
}

/** The verbs that say a problem's rectification is complete: 完成整改 / 整改完成 ("已完成整改40个"). */
export const DONE_VERBS = '完成整改|整改完成';

export const STATUS_WORDS: StatusWords[] = [
  { status: 'not-completed', words: '未完成|未整改|尚未完成|尚未整改', example: '未完成1个 / 该问题未完成整改,正在推进' },
  { status: 'not-completed', words: '申请延期|未达到序时', example: '申请延期整改问题18个 / 整改进度未达到序时进度' },
  { status: 'partial', words: '基本完成|基本整改|基本到位', dictionary: [['基本完成', 'v']], example: '基本完成整改9个 / 基本到位3项' },
  { status: 'partial', words: '阶段性完成|阶段性整改|阶段性成果|阶段性成效', dictionary: [['阶段性完成', 'v']], example: '阶段性完成整改12个 / 目前已有28项完成阶段性整改' },
  { status: 'completed', words: `已完成整改|${DONE_VERBS}|完成[^,，;；。\\d]{0,6}整改`, all: DONE_VERBS, petitions: '完成整改', dictionary: [['已完成整改', 'v']], example: '已完成整改23个 / 完成镇级问题整改38个 / 完成整改28.5万件' },
  { status: 'completed', words: '已(?:经)?完成(?=[,，;；。]|$)', example: '我省66项整改任务已完成37项' },
  { status: 'completed', words: '已整改|已全部整改', petitions: '已整改', example: '已整改问题38个' },
  { status: 'completed', words: '整改到位', all: '整改到位', example: '已整改到位7项 / 目前已全部整改到位' },
  { status: 'completed', words: '已(?:全部)?办结', all: '办结', petitions: '(?<!阶段性?)(?:已)?办结(?!或)', example: '已办结1389件 / 均已全部办结' },
  { status: 'completed', words: '已(?:全部)?销号|整改销号', all: '销号', petitions: '已销号', dictionary: [['整改销号', 'v']], example: '已整改销号问题453个 / 已全部销号 / 已销号20件' },
  { status: 'completed', words: '^\\s*整改问题', example: '发现问题247个,整改问题247个' },
  { status: 'completed', words: null, all: '办理完毕', petitions: '完成查处|查处到位', example: '完成查处18565件 / 均已全部办理完毕' },
  { status: 'not-completed', words: '正在整改|持续整改|正在推进|长期坚持|持续推进', dictionary: [['持续整改', 'v']], example: '正在整改6个 / 此项工作持续推进' },
];

/** The rows that say how an item or a count stands, as patterns, in order: what `statusOf` reads. */
export const STATUS_PHRASES: { status: Status; pattern: RegExp; example: string }[] = STATUS_WORDS.filter((r) => r.words !== null).map((r) => ({ status: r.status, pattern: new RegExp(r.words!), example: r.example }));

const STATUS_AT_END = new RegExp(`(?:${STATUS_PHRASES.map((r) => `(?:${r.pattern.source})`).join('|')})\\s*$`);

/** `words` without the status words they end in, or null when they end in none: "督察反馈问题已完成整改" → "督察反馈问题". */
export function withoutStatus(words: string): string | null {
  const m = STATUS_AT_END.exec(words);
  return m ? words.slice(0, m.index) : null;
}

/** How `words` say an item or a count stands, or null: "已完成整改" → completed, "阶段性完成整改" → partial. */
export function statusOf(words: string): Status | null {
  return statusAt(words)?.status ?? null;
}

/** The status `words` say and where they say it (the first row that holds), or null: "有39个已完成整改" → completed at 有39个. */
export function statusAt(words: string): { status: Status; index: number; length: number } | null {
  for (const row of STATUS_PHRASES) {
    const m = row.pattern.exec(words);
    if (m) return { status: row.status, index: m.index, length: m[0].length };
  }
  return null;
}

const ALL = STATUS_WORDS.flatMap((r) => (r.all ? [r.all] : [])).join('|');
/** Every one done: "已全部整改到位" / "均已完成整改" / "已全部销号". */
export const ALL_DONE = new RegExp(`(?:均已|已)?全部(?:${ALL})|均已(?:${ALL})`);
/** Every petition resolved, in the words after their count: "…15件信访件,均已全部办结". */
export const ALL_RESOLVED = new RegExp(`^[^。]{0,12}?(?:均已|已)?全部(?:${ALL})`);
/** Petitions resolved: 已办结1389件 / 完成查处18565件 / 完成整改28.5万件 / 已销号20件; not 已办结或阶段办结9213件. */
export const RESOLVED = new RegExp(STATUS_WORDS.flatMap((r) => (r.petitions ? [r.petitions] : [])).join('|'));

/** The names of a completion rate: 整改完成率88% / 整改率91.29% / 完成率达99% / 销号率100%. */
export const RATE_NAMES: { name: string; dictionary?: [string, 'n'][]; example: string }[] = [
  { name: '完成率', dictionary: [['整改完成率', 'n']], example: '整改完成率88% / 总体完成率达到95%' },
  { name: '整改率', example: '整改率91.29% / 问题整改率为94.93.%' },
  { name: '销号率', example: '问题销号率100%' },
  { name: '整改占比', example: '完成问题整改122个,完成整改占比98.7% (wild w142)' },
];

/** The segmenter's user dictionary rows for the status words and rate names: `已完成整改 100 v`. */
export const STATUS_DICTIONARY = [...STATUS_WORDS, ...RATE_NAMES].flatMap((r) => r.dictionary ?? []).map(([word, tag]) => `${word} 100 ${tag}`);
