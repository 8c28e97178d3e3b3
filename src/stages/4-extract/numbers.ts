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
import type { FoundNumber, Span, Approx } from '../../schema.js';
import { COUNTING_NUMERALS, CHINESE_DIGITS, YEAR_DIGITS, parseNumeral, roundScaled } from '../../vocab/numerals.js';
import { charSet, isDigit, matchView } from './char-view.js';
import { RANGE_SEPARATOR_STARTS, rangeSeparatorPattern } from '../../vocab/range-separators.js';

export interface MeasureWord {
  /** The unit written into `NumberMention.unit` (src/schema.ts). */
  unit: string;
  /** false: the word only counts after Arabic digits (十分重要 is "very", 90分 is a score). */
  afterChinese: boolean;
  /** A real sentence from the corpus or the dev set. */
  example: string;
  /** Multiplies the number: 近六成 → 60 %. */
  scale?: number;
  /** The word counts only when what follows it matches: 三点意见 (a count of points), not 当晚7点. */
  followedBy?: RegExp;
  /** The word is no measure word when what follows it matches: 5省 counts provinces, 5省委 does not. */
  notFollowedBy?: RegExp;
}

const mw = (unit: string, example: string, afterChinese = true, more: Partial<MeasureWord> = {}): MeasureWord => ({ unit, afterChinese, example, ...more });

/** Measure words, longest first when matched. Keys are simplified (traditional forms are folded before matching). */
export const MEASURE_WORDS: Readonly<Record<string, MeasureWord>> = {
  '个百分点': mw('百分点', '同比下降3.5个百分点'),
  '百分点': mw('百分点', '提高2百分点'),
  '%': mw('%', '占比28.13%'),
  '‰': mw('‰', '发生率0.5‰'),
  '个月': mw('个月', '集中整改期3个月; 两个月来'),
  '个工作日': mw('工作日', '在10个工作日内办结 (dev d59)'),
  '工作日': mw('工作日', '5工作日内答复'),
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
  '大方面': mw('方面', '履行全面从严治党职责三大方面的45项问题 (dev d26); 从…整改成效四大方面逐一梳理 (wild w142)'),
  '笔': mw('笔', '清收资金12笔'),
  '条次': mw('条次', '预警违法讯息40余条次'),
  '支': mw('支', '选派驻村帮扶工作队37支'),
  '册': mw('册', '印发学习资料500册'),
  '张': mw('张', '制定村社巡察动员部署、立行立改、问题线索移交等35张程序“流程图” (dev d52)'),
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
  // 成 is a tenth: 近六成 → 60 %, nearly (wild w048 已完成近六成); not 6.3成果 (a section number before 成果).
  '成': mw('%', '已完成近六成 (wild w048); 两成以上', true, { scale: 10, notFollowedBy: /^(?![以左多的是已和与及或也都])[\u4e00-\u9fff]/ }),
  // 点 counts points of a speech: 提出三点意见 (dev d63), 三点要求 (dev d81); 当晚7点 is a time of day.
  '点': mw('点', '提出了三点意见 (dev d63); 就…提出三点要求 (dev d81)', true, { followedBy: /^(?:意见|要求|建议|希望|体会|做法|经验|启示|共识|打算|考虑|认识|收获|感受|思考|不足|原因|内容|措施)/ }),
  // Provinces as a measure word: 江苏、内蒙古、西藏3省(区) (dev d21), 山西…寧夏5省(區) (dev d74), 31省份 (dev d19).
  '省份': mw('省', '第一輪中央環保督察實現對全國31省份全覆蓋 (dev d19)'),
  '省市': mw('省', '天津等7省市中央环保督察整改任务 (wild w048)'),
  '省区': mw('省', '5 省区 (wild w115)'),
  '省': mw('省', '等8省(区)开展 (dev d55); 四省问题有共性 (wild w105)', true, { notFollowedBy: /^[委级直长属会政厅纪部管内外城道钱事力略心]/ }),
  // Cities, counties and prefectures count the same way: 重庆南川和四川遂宁等6市(区)政府 (wild w125), 分赴21市州
  // (wild w110), 丽江等5州(市) (dev d118); not 3市委, 12345市民热线, 五县城, 2州直部门.
  '市州': mw('市', '10个督导组将分赴21市州,以明察暗访 (wild w110)'),
  '市': mw('市', '重庆南川和四川遂宁等6市(区)政府 (wild w125); 对三市开展督察', true, { notFollowedBy: /^[委级直长属会政厅纪部管内外城道事场民区域值容貌面井郊镇]/ }),
  '县': mw('县', '对五县开展交叉巡察 (issue 23)', true, { notFollowedBy: /^[委级直长属会政厅纪部管内外城道事域区乡镇志]/ }),
  '州': mw('州', '向昆明、曲靖、西双版纳、德宏、丽江等5州(市)和云南锡业集团反馈 (dev d118)', true, { notFollowedBy: /^[委级直长属会政厅纪部管内外城道事域府]/ }),
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
  '点': '当晚7点 (a time of day; 三点意见 counts, see MEASURE_WORDS)',
  '室': '办公楼201室 (a room number, wild w102)',
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
  { phrase: '八项规定', example: '中央八项规定精神 (dev d54, d72; wild w023 w029 w043)' },
  { phrase: '问责一个', example: '問責一個、警醒一片' },
  { phrase: '十四五', example: '“十四五”规划' },
  { phrase: '十五五', example: '“十五五”规划' },
];

/**
 * Multipliers after an Arabic number (217.69万元 → 2176900 元). `before`: the multiplier counts only
 * when what follows matches it. 兆 is 10^12 before a currency (1.04兆元, Taiwanese usage, dev d79),
 * but mega in 100兆宽带 and 10兆瓦; 百 is no multiplier in 2百分点 (a percentage point).
 */
export const MULTIPLIERS: Readonly<Record<string, { factor: number; example: string; before?: RegExp; notBefore?: RegExp }>> = {
  '百': { factor: 100, example: '3百人', notBefore: /^分[点之]/ },
  '千': { factor: 1000, example: '3千万元', notBefore: /^分之/ },
  '万': { factor: 1e4, example: '追缴资金217.69万元' },
  '亿': { factor: 1e8, example: '追缴1.05亿元' },
  '兆': { factor: 1e12, example: '累计整改问题金额达1.04兆元 (dev d79)', before: /^(?:元|美元|日元|新台币|台币)/ },
};

/**
 * Words for a half, read as a share: 巡视对象覆盖面近一半 (dev d76) → 50 %, nearly. `半` alone before a
 * time unit is 0.5 of it (半个月 → 0.5 个月, see readHalf).
 */
export const HALF_WORDS: Readonly<Record<string, { value: number; unit: string; example: string }>> = {
  '一半': { value: 50, unit: '%', example: '巡视对象覆盖面近一半; 一半以上是根据巡视移交的问题线索 (dev d76)' },
  '半数': { value: 50, unit: '%', example: '1227项整改任务,半数已经完成 (dev d82)' },
};

/**
 * Nouns of money: an amount with 万/亿 but no measure word after one of them is in 元, the unit
 * a Chinese text leaves unsaid after 金额 (处罚金额超2.8亿 in a headline, dev d85).
 */
export const MONEY_NOUNS: readonly { word: string; example: string }[] = [
  { word: '金额', example: '处罚金额超2.8亿 (dev d85, whose body says 处罚金额28087.83万元); 查出问题金额3114.93亿元 (dev d12)' },
  { word: '资金', example: '筹措资金217.69万元 (corpus 003); 追回和收缴违规资金8.59亿元 (dev d80)' },
  { word: '罚款', example: '罚款金额5.62万元 (dev d11)' },
  { word: '投资', example: '总投资78亿元的衡钢特大口径连轧管产业 (corpus 002)' },
];

/**
 * Ordinals written without 第: the number names which one, not how many.
 * - 二 alone before a measure word: a count says 两 (两轮), so 二轮 is the second round (今年二轮中央巡视, dev d75).
 * - N次 before 全会 or 会议 after a 届 (二十届中央纪委四次全会, dev d62; 省十二届人大三次会议, dev d65):
 *   the Nth plenary session, as `SESSION_AFTER` says.
 * - A numeral and measure word repeating an ordinal said with 第 earlier in the paragraph
 *   (全面启动第三轮巡视的可能性不大,但是应会对三轮巡视作出安排, dev d75), unless a word of counting
 *   stands before it (前三批, 分三批, 共三轮).
 */
export const SESSION_AFTER: readonly { unit: string; next: RegExp; needsTerm: boolean; example: string }[] = [
  { unit: '次', next: /^全会/, needsTerm: false, example: '在二十届中央纪委四次全会上发表的重要讲话 (dev d62; wild w058 w133 w135)' },
  { unit: '次', next: /^(?:全体)?会议/, needsTerm: true, example: '认真落实省十二届人大三次会议各项决议 (dev d65)' },
  { unit: '次', next: /^(?:常务|常委)会议/, needsTerm: true, example: '区政府八届89次常务会议提出要坚定不移做好审计整改 (dev d111)' },
];
// 中央纪委二次、三次、四次全会 (wild w133): the items of a 、-list share the word after the last one.
const LIST_OF_SAME = new RegExp(`^(?:、[〇${COUNTING_NUMERALS}\\d]+次)+`);
/** Words before a numeral that make it a count even after the same ordinal: 前三批, 分三批, 共三轮. */
const COUNT_WORDS = '前后共分这那各等每近';

const CHINESE_NUMERAL = `${YEAR_DIGITS}两十百千万亿几壹贰叁肆伍陆柒捌玖拾佰仟`;
const ARABIC_AT = /\d+(?:,\d{3})*(?:\.\d+)?/y;
// Where a candidate numeral can start: a digit, 数 (数十家) or a Chinese numeral (百分之 included).
const NUMERAL_START = charSet(`0123456789数半${CHINESE_NUMERAL}`);
const IS_CHINESE_NUMERAL = charSet(CHINESE_NUMERAL);
const IS_YEAR_DIGIT = charSet(YEAR_DIGITS);
const MULTIPLIER_AT = new RegExp(`[${Object.keys(MULTIPLIERS).join('')}]`, 'y');
const MULTIPLIER_OR_INFIX = charSet(`${Object.keys(MULTIPLIERS).join('')}余多`);
const MONEY_BEFORE = new RegExp(`(?:${MONEY_NOUNS.map((n) => n.word).join('|')})[^,，。;；:：、()（）\\s]{0,4}$`);
// 第三轮, 第4项: the ordinals of a text, to know 三轮 for the same one later (see SESSION_AFTER's comment).
/** A run of year digits (二〇二四): a year or a code, not a count. */
const DIGIT_RUN = new RegExp(`^[${YEAR_DIGITS}两]{2,}$`);
/** A list of ordinals before a 、: "第四、五、". */
const ORDINAL_LIST = new RegExp(`第[〇${COUNTING_NUMERALS}\\d]+(?:、[〇${COUNTING_NUMERALS}\\d]+)*、$`);
const ORDINAL_RE = new RegExp(`第([${YEAR_DIGITS}两十百\\d]+)([\\u4e00-\\u9fff])`, 'g');
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
// “两个规划” (dev d105): a numeral phrase of four characters or more in quotes somewhere in the text.
const QUOTED_NAME = new RegExp(`[“"「]([${CHINESE_NUMERAL}][^“”"「」\\s,，。、;；:：]{3,10})[”"」]`, 'g');

/**
 * Numeral phrases the text quotes as names: 开展“两个规划”、男女平等基本国策宣传 (dev d105) makes 两个规划 a
 * name wherever the text says it, 有效推动两个规划的各项指标如期完成 too. Short ones (“两个月”) are left out.
 */
function quotedNames(v: string): Set<string> {
  const names = new Set<string>();
  if (!v.includes('“') && !v.includes('"') && !v.includes('「')) return names;
  QUOTED_NAME.lastIndex = 0;
  for (let m = QUOTED_NAME.exec(v); m; m = QUOTED_NAME.exec(v)) names.add(m[1]!);
  return names;
}
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

interface NumberToken { value: number; end: number; chinese: boolean; approx: Approx | null; leadingUnit: boolean; code: boolean; scaled: boolean }

// The multipliers after a number from i: 217.69万 → ×10^4; 120余万 and 5380多亿 (dev d76, d78) put the
// approximation before the multiplier: ×10^4 and ×10^8, over. Two at most (3千万).
function readMultipliers(v: string, i: number): { factor: number; end: number; approx: Approx | null } | null {
  if (MULTIPLIER_OR_INFIX[v.charCodeAt(i)] !== 1) return null;
  let j = i;
  let approx: Approx | null = null;
  const infix = v[j] === '余' || v[j] === '多' ? 1 : 0;
  let factor = 1;
  for (let k = 0; k < 2; k++) {
    const at = j + (k === 0 ? infix : 0);
    const c = matchAt(MULTIPLIER_AT, v, at);
    if (c === null) break;
    const m = MULTIPLIERS[c]!;
    const after = v.slice(at + 1, at + 5);
    if ((m.before && !m.before.test(after)) || (m.notBefore && m.notBefore.test(after))) break;
    factor *= m.factor;
    j = at + 1;
    if (k === 0 && infix) approx = 'over';
  }
  return factor === 1 ? null : { factor, end: j, approx };
}

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
    const mult = readMultipliers(v, end);
    if (mult !== null) {
      value *= mult.factor;
      end = mult.end;
    }
    return { value, end, chinese: false, approx: mult?.approx ?? null, leadingUnit: false, code, scaled: mult !== null };
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
    // 二百三十点五亿元, 三点五个百分点: a decimal point in Chinese numerals (三点意见 is a count of points)
    if (v[end] === '点' && IS_YEAR_DIGIT[v.charCodeAt(end + 1)] === 1) {
      const k = chineseEnd(v, end + 1);
      if (parseNumeral(v.slice(i, k)) !== null) { end = k; run = v.slice(i, k); }
    }
  }
  let approx: Approx | null = null;
  let t = run;
  if (t.includes('几')) {
    // 几十万 → 100000 over; 十几万 → 100000 over: 几 leading is 一, inside it is 零.
    approx = 'over';
    t = t.replace(/^几/, '一').replace(/几/g, '');
  }
  // 二〇二四 is a year written digit by digit; 三四轮车 is "three- or four-wheeled": neither is a count.
  if (DIGIT_RUN.test(t)) return null;
  // 几天, 几个: "a few", no value to give.
  if (t === '一' && run === '几') return null;
  let value = parseNumeral(t);
  if (value === null) return null;
  const leadingUnit = /^[百千万亿佰仟]/.test(t);
  let scaled = /[万亿]/.test(t);
  // 三十余万人: 余/多 between the numeral and its 万/亿, as 120余万件 (dev d76)
  if ((v[end] === '余' || v[end] === '多') && (v[end + 1] === '万' || v[end + 1] === '亿')) {
    value *= v[end + 1] === '万' ? 1e4 : 1e8;
    end += 2;
    approx = 'over';
    scaled = true;
  }
  return { value, end, chinese: true, approx, leadingUnit, code: false, scaled };
}

/** Every quantity mention in `text`; mentions overlapping an `exclude` span (e.g. dates already found) are skipped. */
export function findNumbers(text: string, options: { exclude?: Span[] } = {}): FoundNumber[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const v = matchView(text);
  const exclude: Span[] = [...(options.exclude ?? [])];
  SLOGAN_RE.lastIndex = 0;
  for (let m = SLOGAN_RE.exec(v); m; m = SLOGAN_RE.exec(v)) exclude.push([m.index, m.index + m[0].length]);
  for (const phrase of quotedNames(v)) {
    for (let p = v.indexOf(phrase); p >= 0; p = v.indexOf(phrase, p + phrase.length)) exclude.push([p, p + phrase.length]);
  }
  exclude.sort((a, b) => a[0] - b[0]);
  // mentions come in text order, so one pointer walks the sorted exclude spans once
  let k = 0;
  const overlapsExcluded = (s: number, e: number) => {
    while (k < exclude.length && exclude[k]![1] <= s) k++;
    for (let j = k; j < exclude.length && exclude[j]![0] < e; j++) if (exclude[j]![1] > s) return true;
    return false;
  };

  // One pass over the view finds every candidate numeral; the context rules decide what it is.
  const ordinals = readOrdinals(v);
  const out: FoundNumber[] = [];
  let at = 0;
  while (at < v.length) {
    if (NUMERAL_START[v.charCodeAt(at)] === 0) {
      at++;
      continue;
    }
    const half = readHalf(v, at);
    const length = half ? 1 : candidateLength(v, at);
    if (length === 0) {
      at++;
      continue;
    }
    const mention = half ?? readMention(v, at, ordinals);
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

/** The ordinals said with 第 in a text, by what they read (三轮 for 第三轮): where each is. */
type Ordinals = Map<string, number[]>;

function readOrdinals(v: string): Ordinals {
  const o: Ordinals = new Map();
  if (!v.includes('第')) return o;
  ORDINAL_RE.lastIndex = 0;
  for (let m = ORDINAL_RE.exec(v); m; m = ORDINAL_RE.exec(v)) {
    const key = m[1]! + m[2]!;
    const at = o.get(key);
    if (at) at.push(m.index); else o.set(key, [m.index]);
  }
  return o;
}

// 对三轮巡视 after 第三轮巡视 in the same paragraph: the same ordinal, its 第 left out (see SESSION_AFTER).
function repeatsOrdinal(v: string, at: number, key: string, ordinals: Ordinals): boolean {
  const seen = ordinals.get(key);
  if (!seen || seen[0]! > at || (at > 0 && COUNT_WORDS.includes(v[at - 1]!))) return false;
  const paragraph = v.lastIndexOf('\n', at);
  return seen.some((p) => p > paragraph && p < at);
}

const HALF_ENTRIES = Object.entries(HALF_WORDS);
const NOT_BEFORE_HALF = `上下前后多大个两${COUNTING_NUMERALS}`;
// 半个月 → 0.5 个月 (issue 13), 利用半年时间 (wild w058) → 0.5 年; 近一半 → 50 %, nearly; 半数 → 50 %.
function readHalf(v: string, at: number): RawMention | null {
  const c = v.charCodeAt(at);
  if (c !== 0x534a /* 半 */ && c !== 0x4e00 /* 一 */) return null;
  for (const [word, h] of HALF_ENTRIES) {
    if (v.startsWith(word, at)) return withApprox(v, at, at + word.length, h.value, undefined, h.unit, null);
  }
  // 上半年, 下半年, 多半, 大半, 一个半月: 半 is part of another word or number there.
  if (c !== 0x534a || NOT_BEFORE_HALF.includes(v[at - 1] ?? '#')) return null;
  const unit = unitAt(v, at + 1, true);
  if (unit === null || !TIME_UNITS.has(unit.unit) || v[unit.end] === '度') return null;
  return withApprox(v, at, unit.end, 0.5, undefined, unit.unit, null);
}

function readMention(v: string, at: number, ordinals: Ordinals): RawMention | null {
  const before = at > 0 ? v[at - 1]! : '';
  // 第一巡察组, 第4项内容, 第十一批: ordinals.
  if (before === '第') return null;
  // 第一、二轮, 第四、五、六批 (dev d82): the later ordinals of a list.
  if (before === '、' && ORDINAL_LIST.test(v.slice(Math.max(0, at - 24), at))) return null;
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
  if (IS_CHINESE_NUMERAL[v.charCodeAt(at)] === 1 && AFTER_CHINESE_NUMERAL[v.charCodeAt(chineseEnd(v, at))] !== 1
      && !(v[chineseEnd(v, at)] === '、' && IS_CHINESE_NUMERAL[v.charCodeAt(chineseEnd(v, at) + 1)] === 1)) return null;
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

  // 召开专题会议达4、5次之多 (dev d38), 三、四天: two numerals in a row listed with 、 before one measure word are
  // "four or five", about; not at a line's start, where 一、 is a heading's number.
  let listedPair = false;
  if (valueMax === undefined && v[end] === '、' && at > 0 && !/\s/.test(before) && Number.isInteger(first.value)) {
    const second = readNumber(v, end + 1);
    if (second !== null && !second.code && second.chinese === first.chinese && second.value === first.value + 1 && unitAt(v, second.end, first.chinese) !== null) {
      valueMax = second.value;
      end = second.end;
      listedPair = true;
    }
  }

  let approx: Approx | null = listedPair ? 'about' : first.approx;
  const infix = matchAt(INFIX_AT, v, end);
  if (infix !== null && unitAt(v, end + infix.length, first.chinese) !== null) {
    approx = APPROX_INFIXES[infix]!.approx;
    end += infix.length;
  }
  // 1个多月 → 1 个月, over: the approximation sits inside the measure word.
  const split = v.startsWith('个多月', end) || v.startsWith('个余月', end) ? { unit: '个月', end: end + 3 } : null;
  if (split) approx = 'over';
  // 100万余元: 余 between the multiplier and the unit is already consumed above.
  // 问题整改率为94.93.% (dev d52): a stray full stop typed before the percent sign
  const strayDot = !first.chinese && v[end] === '.' && v[end + 1] === '%' ? { unit: '%', end: end + 2 } : null;
  let unit: { unit: string; end: number; scale?: number } | null = split ?? strayDot ?? unitAt(v, end, first.chinese);
  // 处罚金额超2.8亿 (dev d85): an amount of money with its 元 left unsaid.
  if (unit === null && first.scaled && MONEY_BEFORE.test(v.slice(Math.max(0, at - 12), at))) unit = { unit: '元', end };
  if (unit === null) return null;
  const numeral = v.slice(at, first.end);
  // 今年二轮中央巡视 (dev d75): 二 alone before a measure word is an ordinal; a count says 两.
  if (numeral === '二' && unit.scale === undefined) return null;
  // 二十届中央纪委四次全会 (dev d62), 省十二届人大三次会议 (dev d65): the Nth session.
  for (const a of SESSION_AFTER) {
    if (unit.unit === a.unit && a.next.test(v.slice(unit.end, unit.end + 24).replace(LIST_OF_SAME, '')) && (!a.needsTerm || /届[^,，。;；:：、\s]{0,12}$/.test(v.slice(Math.max(0, at - 13), at)))) return null;
  }
  // 对三轮巡视 after 第三轮巡视 (dev d75): the same ordinal.
  if (ordinals.size > 0 && repeatsOrdinal(v, at, numeral + (v[end] ?? ''), ordinals)) return null;
  // 近万人次 / 万余人: a bare 万 counts only with an approximation word.
  if (first.leadingUnit && approx === null && prefixAt(v, at) === null) return null;
  // 一个问题, 一名牵头领导: 一 is the article; 一年, 一个月 are durations.
  if (first.chinese && first.value === 1 && /^[一壹]$/.test(v.slice(at, first.end)) && !TIME_UNITS.has(unit.unit)) return null;
  // 2018年, 2022 年: years, left to findDates.
  if (unit.unit === '年' && !first.chinese && /^(19|20)\d\d$/.test(v.slice(at, first.end))) return null;
  // 20世纪80年代: a decade, not a duration.
  if (unit.unit === '年' && v[unit.end] === '代') return null;
  const scale = unit.scale ?? 1;
  const mention = withApprox(v, at, unit.end, first.value * scale, valueMax === undefined ? undefined : valueMax * scale, unit.unit, approx);
  // 近三年来 (wild w158): 近 is "the last", the count exact.
  if (mention.approx === 'nearly' && approx === null && TIME_UNITS.has(unit.unit) && /^(?:来|以来)/.test(v.slice(mention.end, mention.end + 2))) mention.approx = null;
  return mention;
}

function unitAt(v: string, i: number, chinese: boolean): { unit: string; end: number; scale?: number } | null {
  const j = SPACES[v.charCodeAt(i)] === 1 ? i + 1 : i;
  const w = matchAt(UNIT_AT, v, j);
  if (w !== null) {
    const entry = MEASURE_WORDS[w]!;
    if (chinese && !entry.afterChinese) return null;
    if (entry.followedBy || entry.notFollowedBy) {
      const after = v.slice(j + w.length, j + w.length + 4);
      if ((entry.followedBy && !entry.followedBy.test(after)) || (entry.notFollowedBy && entry.notFollowedBy.test(after))) return null;
    }
    return { unit: entry.unit, end: j + w.length, ...(entry.scale !== undefined ? { scale: entry.scale } : {}) };
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
