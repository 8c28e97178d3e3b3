/**
 * Quantity mentions: every count, amount, percentage, fraction and multiple in a text.
 *
 * Conventions (see README-section.md):
 * - `value` is fully scaled: 11.3万人次 → 113000 人次, 217.69万元 → 2176900 元.
 * - `unit` is the measure word, simplified: 1407項 → 项; 28.13% → %; 三分之一 → 分之.
 * - `approx` comes from the words around the number: 近 nearly, 余/多/以上 over, 约/左右 about, 不足/以下 under.
 * - `span` is `[start, end)` in UTF-16 code units into the text; `text.slice(...span) === mention.text`,
 *   and the span includes the approximation words (近17万份, 20头以上).
 */
import type { NumberMention, Span, Approx } from '../schema.js';
import { parseNumeral, roundScaled, CHINESE_DIGITS } from './numerals.js';
import { charSet, isDigit, matchView } from './char-view.js';
import { RANGE_SEPARATOR_STARTS, rangeSeparatorPattern } from '../vocab/range-separators.js';

export interface MeasureWord {
  /** The unit written into `NumberMention.unit`. */
  unit: string;
  /** false: the word only counts after Arabic digits (十分重要 is "very", 90分 is a score). */
  afterChinese: boolean;
  /** A real sentence from the corpus or the dev set. */
  example: string;
}

const mw = (unit: string, example: string, afterChinese = true): MeasureWord => ({ unit, afterChinese, example });

/** Measure words, longest first when matched. Keys are simplified (traditional forms are folded before matching). */
export const MEASURE_WORDS: Readonly<Record<string, MeasureWord>> = {
  '个百分点': mw('百分点', '同比下降3.5个百分点'),
  '百分点': mw('百分点', '提高2百分点'),
  '%': mw('%', '占比28.13%'),
  '‰': mw('‰', '发生率0.5‰'),
  '个月': mw('个月', '集中整改期3个月; 两个月来'),
  '个': mw('个', '巡视反馈的36个具体问题'),
  '人次': mw('人次', '入园人数共计11.3万人次'),
  '人': mw('人', '给予党纪政务处分99人'),
  '名': mw('名', '每年选派8~10名干部'),
  '件': mw('件', '巡视移交的1390件信访件'),
  '家': mw('家', '已培育高新技术企业89家'),
  '户': mw('户', '涉及群众400余户'),
  '次': mw('次', '先后召开6次书记专题会'),
  '项': mw('项', '制定了97项整改措施'),
  '份': mw('份', '下达责令限期整改决定书10余份'),
  '条': mw('条', '完成19 条市政道路混错接管网改造'),
  '处': mw('处', '排查隐患432处'),
  '座': mw('座', '新建污水处理厂2座'),
  '所': mw('所', '48所学校'),
  '起': mw('起', '查处违纪违法案件12起'),
  '批': mw('批', '第1-11批交办件 (1-11批)'),
  '轮': mw('轮', '目前完成4轮督查'),
  '大类': mw('大类', '反馈问题4大类'),
  '类': mw('类', '梳理出21類问题'),
  '方面': mw('方面', '反馈了6方面17项问题'),
  '笔': mw('笔', '清收资金12笔'),
  '条次': mw('条次', '预警违法讯息40余条次'),
  '支': mw('支', '选派驻村帮扶工作队37支'),
  '册': mw('册', '印发学习资料500册'),
  '期': mw('期', '编发工作简报8期', false),
  '宗': mw('宗', '处置土地3宗'),
  '辆': mw('辆', '查扣车辆15辆'),
  '台': mw('台', '更换设备20台'),
  '套': mw('套', '配备应急设备5套'),
  '场': mw('场', '开展培训3场'),
  '篇': mw('篇', '刊发稿件20篇'),
  '本': mw('本', '发放手册300本', false),
  '栋': mw('栋', '拆除违建3栋'),
  '间': mw('间', '改造危房12间', false),
  '头': mw('头', '存栏20头以上'),
  '只': mw('只', '放养鱼苗5000只', false),
  '株': mw('株', '补植树木200株'),
  '棵': mw('棵', '补植树木200棵'),
  '分': mw('分', '考核90分以上', false),
  '倍': mw('倍', '纯工业税收三年时间增长近8倍'),
  '公里': mw('公里', '完成新建污水管网3公里'),
  '千米': mw('千米', '整治河道5千米'),
  '平方公里': mw('平方公里', '治理面积2平方公里'),
  '平方米': mw('平方米', '7500平方米已全部完成招商'),
  '立方米': mw('立方米', '清淤3000立方米'),
  '米': mw('米', '硬化道路800米', false),
  '公顷': mw('公顷', '违法占地0.1877公顷'),
  '亩': mw('亩', '高标准农田6.04万亩'),
  '吨': mw('吨', '清运垃圾50吨'),
  '公斤': mw('公斤', '收缴200公斤'),
  '千克': mw('千克', '收缴200千克'),
  '元': mw('元', '追缴资金217.69万元'),
  '美元': mw('美元', '涉及资金10万美元'),
  '小时': mw('小时', '24小时值守'),
  '分钟': mw('分钟', '30分钟内到达'),
  '天': mw('天', '巡察45天'),
  '周': mw('周', '用时3周'),
  '年': mw('年', '制定三年化债行动方案'),
  '岁': mw('岁', '未满18岁'),
};

/** Measure words that name time: a lone 一 before them is a count (一年, 一个月), before others an article (一个问题). */
export const TIME_UNITS: ReadonlySet<string> = new Set(['个月', '小时', '分钟', '天', '周', '年']);

/** Words after a number that are not measure words: the number is a name or a code (关荣村5组, 429号, 十九届). */
export const NOT_MEASURE_WORDS: Readonly<Record<string, string>> = {
  '号': '苏州邮政信箱429号; 博中医党发〔2024〕13号',
  '组': '关荣村5组走访',
  '届': '十九届中央; 十一届市委',
  '楼': '四樓會議室',
  '层': '办公楼3层',
  '路': '文苑路11号',
  '月': '9月7日 (a date, not a count; counts of months are 个月)',
  '日': '8月20日 (a date)',
  '时': '9时 (a time of day)',
  '版': '第3版',
  '页': '第1页',
  '线': '12345热线',
  '点': '当晚7点 (a time of day)',
  '代': '20世纪80年代',
  '呢': '“2万多呢” (a particle in dialogue; likewise 吗 啊 了 的 是 和 等)',
  '吗': '', '啊': '', '了': '', '的': '', '是': '', '和': '', '等': '', '与': '', '及': '', '或': '',
};

export const APPROX_PREFIXES: Readonly<Record<string, { approx: Approx; example: string }>> = {
  '将近': { approx: 'nearly', example: '将近3000人' },
  '接近': { approx: 'nearly', example: '接近90%' },
  '近': { approx: 'nearly', example: '近17万份; 近万人次' },
  '大约': { approx: 'about', example: '大约200人' },
  '约': { approx: 'about', example: '約14.3億元' },
  '超过': { approx: 'over', example: '超过100人' },
  '超': { approx: 'over', example: '共責超1.8萬人' },
  '逾': { approx: 'over', example: '逾千人' },
  '至少': { approx: 'over', example: '至少2次' },
  '不少于': { approx: 'over', example: '不少于3次' },
  '不足': { approx: 'under', example: '不足10%' },
  '不到': { approx: 'under', example: '不到一半' },
};

/** Words between a number and its measure word: 10余份, 13.5萬余件, 100万余元, 2万多元. */
export const APPROX_INFIXES: Readonly<Record<string, { approx: Approx; example: string }>> = {
  '余': { approx: 'over', example: '400余户' },
  '多': { approx: 'over', example: '2万多元' },
};

/** Words after the measure word. */
export const APPROX_SUFFIXES: Readonly<Record<string, { approx: Approx; example: string }>> = {
  '以上': { approx: 'over', example: '20头以上; 6 个月以上' },
  '左右': { approx: 'about', example: '200人左右' },
  '上下': { approx: 'about', example: '50岁上下' },
  '以下': { approx: 'under', example: '10%以下' },
  '以内': { approx: 'under', example: '3天以内' },
};

/**
 * Slogans and names built on numerals: never quantities. Matched on the simplified view, so
 * 一崗雙責 and 四種形態 are covered. Quoted ones (“两个维护”) are caught anyway by the quote rule.
 */
export const SLOGANS: readonly { phrase: string; example: string }[] = [
  { phrase: '两个维护', example: '从“两个维护”高度深刻认识' },
  { phrase: '两个确立', example: '深刻领悟“两个确立”' },
  { phrase: '四个意识', example: '强化“四个意识”的具体体现' },
  { phrase: '四个自信', example: '坚定“四个自信”' },
  { phrase: '四个全面', example: '协调推进“四个全面”战略布局' },
  { phrase: '两个责任', example: '落实“两个责任”' },
  { phrase: '四个有差距', example: '對照“四個有差距”突出問題' },
  { phrase: '四种形态', example: '运用监督执纪“四种形态”' },
  { phrase: '三重一大', example: '“三重一大”事项集体决策' },
  { phrase: '一岗双责', example: '落实“一岗双责”' },
  { phrase: '三高四新', example: '落实“三高四新”美好蓝图' },
  { phrase: '三严三实', example: '“三严三实”专题教育' },
  { phrase: '三抓三促', example: '“三抓三促”行动' },
  { phrase: '三番五次', example: '三番五次催办' },
  { phrase: '一五一十', example: '一五一十地说清楚' },
  { phrase: '二次', example: '中央纪委二次全会; 二次问题清单; 二次整改' },
  { phrase: '问责一个', example: '問責一個、警醒一片' },
  { phrase: '十四五', example: '“十四五”规划' },
  { phrase: '十五五', example: '“十五五”规划' },
];

const CHINESE_NUMERAL = '〇零一二两三四五六七八九十百千万亿几壹贰叁肆伍陆柒捌玖拾佰仟';
const ARABIC_AT = /\d+(?:,\d{3})*(?:\.\d+)?/y;
// Where a candidate numeral can start: a digit, 数 (数十家) or a Chinese numeral (百分之 included).
const NUMERAL_START = charSet(`0123456789数${CHINESE_NUMERAL}`);
const IS_CHINESE_NUMERAL = charSet(CHINESE_NUMERAL);
const MULTIPLIER_AT = /[百千万亿]{1,2}/y;
// 8~10名 (corpus 003): a separator read between numbers, a space either side at most.
const RANGE_SEP_AT = new RegExp(`[ \u3000]?(?:${rangeSeparatorPattern({ betweenDates: false })})[ \u3000]?`, 'y');
const SPACES = charSet(' \u3000\u00a0');
const OPEN_QUOTE = /[“「『‘"'《〈<]/;
const CODE_NEIGHBOUR = /[A-Za-z0-9_@./:#+\-]/;

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const alternation = (keys: Iterable<string>) => [...keys].sort(byLengthDesc).map((k) => k.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|');
const UNIT_AT = new RegExp(`(?:${alternation(Object.keys(MEASURE_WORDS))})`, 'y');
const INFIX_AT = new RegExp(`(?:${alternation(Object.keys(APPROX_INFIXES))})`, 'y');
const SUFFIX_AT = new RegExp(`(?:${alternation(Object.keys(APPROX_SUFFIXES))})`, 'y');
const SLOGAN_RE = new RegExp(alternation(SLOGANS.map((s) => s.phrase)), 'g');
const PREFIX_KEYS = Object.keys(APPROX_PREFIXES).sort(byLengthDesc);
// What may come right after a Chinese numeral in a mention (see readMention): a measure word (三个月),
// 余/多 (十余家), 分之 (三分之一), 个多月, a range separator (三到五年, as RANGE_SEP_AT) or a space.
const AFTER_CHINESE_NUMERAL = charSet(
  [...Object.keys(MEASURE_WORDS), ...Object.keys(APPROX_INFIXES)].map((w) => w[0]).join('') + '分个' + RANGE_SEPARATOR_STARTS + ' \u3000\u00a0',
);
// The last characters of the approximation prefixes: 近17万份 ends in 近, 不少于3次 in 于.
const PREFIX_ENDS = charSet(Object.keys(APPROX_PREFIXES).map((w) => w[w.length - 1]).join(''));
// 关荣村5组 is a name; 20头以上 is a count whose measure word follows the number and ends the phrase.
const LOOSE_UNIT_AT = /[\u4e00-\u9fff](?=以上|以下|左右|[,，。;；、)）\s]|$)/y;

function matchAt(re: RegExp, s: string, i: number): string | null {
  re.lastIndex = i;
  const m = re.exec(s);
  return m ? m[0] : null;
}

interface NumberToken { value: number; end: number; chinese: boolean; approx: Approx | null; leadingUnit: boolean; code: boolean }

// Reads one numeral at i: 217.69 (Arabic, with 万/亿 multipliers), 十几万, 数十, 三千零五.
function readNumber(v: string, i: number): NumberToken | null {
  const arabic = matchAt(ARABIC_AT, v, i);
  if (arabic !== null) {
    let end = i + arabic.length;
    // 1,390 goes through parseNumeral, which checks the groups of three (1234,567 is no number).
    let value = arabic.includes(',') ? parseNumeral(arabic) : Number(arabic);
    if (value === null) return null;
    // 0730-5208005, 05017375: a leading zero means a code, 0.1877 does not.
    const code = /^0\d/.test(arabic) || (arabic.length > 12 && arabic.replace(/[.,]/g, '').length > 12);
    const mult = matchAt(MULTIPLIER_AT, v, end);
    if (mult !== null) {
      for (const c of mult) value *= c === '百' ? 100 : c === '千' ? 1000 : c === '万' ? 1e4 : 1e8;
      end += mult.length;
    }
    return { value, end, chinese: false, approx: null, leadingUnit: false, code };
  }
  let run: string;
  let end: number;
  if (v.startsWith('数', i)) {
    // 数十家 → 10 家, over
    end = chineseEnd(v, i + 1);
    if (end === i + 1) return null;
    run = '几' + v.slice(i + 1, end);
  } else {
    end = chineseEnd(v, i);
    if (end === i) return null;
    run = v.slice(i, end);
  }
  let approx: Approx | null = null;
  let t = run;
  if (t.includes('几')) {
    // 几十万 → 100000 over; 十几万 → 100000 over: 几 leading is 一, inside it is 零.
    approx = 'over';
    t = t.replace(/^几/, '一').replace(/几/g, '');
  }
  // 二〇二四 is a year written digit by digit; 三四轮车 is "three- or four-wheeled": neither is a count.
  if (/^[〇零一二两三四五六七八九]{2,}$/.test(t)) return null;
  // 几天, 几个: "a few", no value to give.
  if (t === '一' && run === '几') return null;
  const value = parseNumeral(t);
  if (value === null) return null;
  const leadingUnit = /^[百千万亿佰仟]/.test(t);
  return { value, end, chinese: true, approx, leadingUnit, code: false };
}

/** Every quantity mention in `text`; mentions overlapping an `exclude` span (e.g. dates already found) are skipped. */
export function findNumbers(text: string, options: { exclude?: Span[] } = {}): NumberMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const v = matchView(text);
  const exclude: Span[] = [...(options.exclude ?? [])];
  SLOGAN_RE.lastIndex = 0;
  for (let m = SLOGAN_RE.exec(v); m; m = SLOGAN_RE.exec(v)) exclude.push([m.index, m.index + m[0].length]);
  exclude.sort((a, b) => a[0] - b[0]);
  // mentions come in text order, so one pointer walks the sorted exclude spans once
  let k = 0;
  const overlapsExcluded = (s: number, e: number) => {
    while (k < exclude.length && exclude[k]![1] <= s) k++;
    for (let j = k; j < exclude.length && exclude[j]![0] < e; j++) if (exclude[j]![1] > s) return true;
    return false;
  };

  // One pass over the view finds every candidate numeral; the context rules decide what it is.
  const out: NumberMention[] = [];
  let at = 0;
  while (at < v.length) {
    if (NUMERAL_START[v.charCodeAt(at)] === 0) {
      at++;
      continue;
    }
    const length = candidateLength(v, at);
    if (length === 0) {
      at++;
      continue;
    }
    const mention = readMention(v, at);
    if (mention === null) {
      at += length;
      continue;
    }
    at = Math.max(mention.end, at + 1);
    if (overlapsExcluded(mention.start, mention.end)) continue;
    out.push({
      text: text.slice(mention.start, mention.end),
      value: roundScaled(mention.value),
      ...(mention.valueMax !== undefined ? { valueMax: roundScaled(mention.valueMax) } : {}),
      unit: mention.unit,
      approx: mention.approx,
      span: [mention.start, mention.end],
    });
  }
  return out;
}

// The candidate numeral starting at i, as the length to skip when it is no mention; 0 when none starts there.
// 百分之八十 first (its 百 would otherwise start a Chinese numeral), then Arabic, 数十, Chinese.
function candidateLength(v: string, i: number): number {
  if (v.startsWith('百分之', i) || v.startsWith('千分之', i)) return 3;
  const c = v.charCodeAt(i);
  if (isDigit(c)) return matchAt(ARABIC_AT, v, i)!.length;
  if (c === 0x6570 /* 数 */) {
    const next = v[i + 1];
    return next === '十' || next === '百' || next === '千' || next === '万' ? 1 : 0;
  }
  return chineseEnd(v, i) - i;
}

// Where the run of Chinese numerals from i ends.
function chineseEnd(v: string, i: number): number {
  while (i < v.length && IS_CHINESE_NUMERAL[v.charCodeAt(i)] === 1) i++;
  return i;
}

interface RawMention { start: number; end: number; value: number; valueMax: number | undefined; unit: string; approx: Approx | null }

function readMention(v: string, at: number): RawMention | null {
  const before = at > 0 ? v[at - 1]! : '';
  // 第一巡察组, 第4项内容, 第十一批: ordinals.
  if (before === '第') return null;
  // 第一、二轮: the second ordinal of a list.
  if (before === '、' && /第[〇一二三四五六七八九十\d]+、$/.test(v.slice(Math.max(0, at - 6), at))) return null;
  // CN53-0011, content_121732, swtjxcz001@126.com, 1+3+X: codes and formulas.
  if (CODE_NEIGHBOUR.test(before)) return null;
  // “两个维护”, “6个100%”: a numeral right after an opening quote names a slogan.
  if (OPEN_QUOTE.test(before)) return null;

  // 百分之八十 → 80 %; 千分之五 → 5 ‰
  if (v.startsWith('百分之', at) || v.startsWith('千分之', at)) {
    const n = readNumber(v, at + 3);
    if (n === null || n.leadingUnit) return null;
    return withApprox(v, at, n.end, n.value, undefined, v[at] === '百' ? '%' : '‰', null);
  }

  // 进一步, 统一, 一些: most Chinese numerals are words, and the character after them shows it.
  if (IS_CHINESE_NUMERAL[v.charCodeAt(at)] === 1 && AFTER_CHINESE_NUMERAL[v.charCodeAt(chineseEnd(v, at))] !== 1) return null;
  const first = readNumber(v, at);
  if (first === null || first.code) return null;
  let end = first.end;
  // 9:00~17:00, 2.3.4: times of day and version-like codes.
  const next = v[end];
  if ((next === ':' || next === '：' || next === '.') && isDigit(v.charCodeAt(end + 1))) return null;
  if (end < v.length && /[A-Za-z_@]/.test(v[end]!)) return null;

  // 三分之一 → 0.333… 分之
  if (v.startsWith('分之', end)) {
    const den = first.value;
    const num = readNumber(v, end + 2);
    if (num === null || den === 0 || num.code) return null;
    return withApprox(v, at, num.end, num.value / den, undefined, '分之', null);
  }

  let valueMax: number | undefined;
  // 8~10名, 8-10名, 8至10名, 三到五年
  const sep = matchAt(RANGE_SEP_AT, v, end);
  if (sep !== null) {
    const second = readNumber(v, end + sep.length);
    if (second !== null && !second.code && second.chinese === first.chinese && second.value > first.value) {
      const unitAfter = unitAt(v, second.end, first.chinese);
      if (unitAfter !== null) {
        valueMax = second.value;
        end = second.end;
      }
    }
  }

  let approx: Approx | null = first.approx;
  const infix = matchAt(INFIX_AT, v, end);
  if (infix !== null && unitAt(v, end + infix.length, first.chinese) !== null) {
    approx = APPROX_INFIXES[infix]!.approx;
    end += infix.length;
  }
  // 1个多月 → 1 个月, over: the approximation sits inside the measure word.
  const split = v.startsWith('个多月', end) || v.startsWith('个余月', end) ? { unit: '个月', end: end + 3 } : null;
  if (split) approx = 'over';
  // 100万余元: 余 between the multiplier and the unit is already consumed above.
  const unit = split ?? unitAt(v, end, first.chinese);
  if (unit === null) return null;
  // 近万人次 / 万余人: a bare 万 counts only with an approximation word.
  if (first.leadingUnit && approx === null && prefixAt(v, at) === null) return null;
  // 一个问题, 一名牵头领导: 一 is the article; 一年, 一个月 are durations.
  if (first.chinese && first.value === 1 && /^[一壹]$/.test(v.slice(at, first.end)) && !TIME_UNITS.has(unit.unit)) return null;
  // 2018年, 2022 年: years, left to findDates.
  if (unit.unit === '年' && !first.chinese && /^(19|20)\d\d$/.test(v.slice(at, first.end))) return null;
  // 20世纪80年代: a decade, not a duration.
  if (unit.unit === '年' && v[unit.end] === '代') return null;
  const unitEnd = unit.end;
  return withApprox(v, at, unitEnd, first.value, valueMax, unit.unit, approx);
}

function unitAt(v: string, i: number, chinese: boolean): { unit: string; end: number } | null {
  const j = SPACES[v.charCodeAt(i)] === 1 ? i + 1 : i;
  const w = matchAt(UNIT_AT, v, j);
  if (w !== null) {
    const entry = MEASURE_WORDS[w]!;
    if (chinese && !entry.afterChinese) return null;
    return { unit: entry.unit, end: j + w.length };
  }
  if (chinese) return null;
  const loose = matchAt(LOOSE_UNIT_AT, v, j);
  if (loose !== null && NOT_MEASURE_WORDS[loose] === undefined && CHINESE_DIGITS[loose] === undefined && !'年月日号时分秒'.includes(loose)) {
    return { unit: loose, end: j + 1 };
  }
  return null;
}

function prefixAt(v: string, at: number): { word: string; approx: Approx } | null {
  if (PREFIX_ENDS[v.charCodeAt(at - 1)] !== 1) return null;
  for (const p of PREFIX_KEYS) {
    const s = at - p.length;
    if (s >= 0 && v.startsWith(p, s)) {
      // 最近3年, 附近: 近 here means recent or nearby, not nearly.
      if (p === '近' && s > 0 && /[最附临靠亲就]/.test(v[s - 1]!)) continue;
      return { word: p, approx: APPROX_PREFIXES[p]!.approx };
    }
  }
  return null;
}

function withApprox(v: string, at: number, end: number, value: number, valueMax: number | undefined, unit: string, approx: Approx | null): RawMention {
  let start = at;
  const prefix = prefixAt(v, at);
  if (prefix !== null) {
    start = at - prefix.word.length;
    approx = approx ?? prefix.approx;
  }
  const suffix = matchAt(SUFFIX_AT, v, end);
  // 200人左右 → about; but 上下联动 / 上下贯通 is "top and bottom", not about.
  if (suffix !== null && !(suffix === '上下' && /[联贯一同级游]/.test(v[end + 2] ?? ''))) {
    end += suffix.length;
    approx = approx ?? APPROX_SUFFIXES[suffix]!.approx;
  }
  return { start, end, value, valueMax, unit, approx };
}
