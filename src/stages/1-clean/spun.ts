/**
 * Spun text (洗稿, 伪原创): a copy in which a tool swapped words for dictionary synonyms to dodge
 * duplicate detection, so that 推动问题整改 reads 胀动题目整改. The numbers survive, the
 * collocations do not. The score compares how often the spinner's forms occur with how often
 * the normal forms they replaced occur.
 */
import type { MappedText } from './text-map.js';
import { type StepResult, message } from './step.js';

export interface Substitution {
  /** What the spinner wrote. */
  spun: string;
  /** The word of official writing it replaced. */
  normal: string;
  /** A real spun sentence (corpus 004, a repost of a 宜昌 纪委 article). */
  example: string;
}

/**
 * Substitutions seen in this field. Only spun forms that an official text almost never uses are
 * listed: 侦查 (for 考察) is left out because 立案侦查 is real, 情况 (for 环境) because it is the
 * commonest word of every notice.
 */
export const SUBSTITUTIONS: readonly Substitution[] = [
  { spun: '题目', normal: '问题', example: '紧盯…厉重题目整改情景' },
  { spun: '监视', normal: '监督', example: '靠前监视、跟进监视' },
  { spun: '胀动', normal: '推动', example: '为胀动宜昌筑树长江大回护典型都会保驾护航' },
  { spun: '筑树', normal: '建设', example: '及时担任要点项目筑树胀动情景' },
  { spun: '陷阱', normal: '机关', example: '宜昌市各级纪检监察陷阱一手抓“惩办”' },
  { spun: '政事', normal: '政治', example: '坚强扛牢政事义务' },
  { spun: '闭头', normal: '环节', example: '每个项方针计议、立项、审批、实行等闭头' },
  { spun: '搜检', normal: '检查', example: '多次展开暗访搜检' },
  { spun: '回护', normal: '保护', example: '共抓大回护,不搞大斥地' },
  { spun: '斥地', normal: '开发', example: '共抓大回护,不搞大斥地' },
  { spun: '厉重', normal: '重要', example: '摆正在促进长江经济带发扬处事的厉重地点' },
  { spun: '厉肃', normal: '严肃', example: '以厉肃监视执纪司法保护一江净水向东流' },
  { spun: '端庄查处', normal: '严肃查处', example: '端庄查处一批既危害天然生态…的楷模案件' },
  { spun: '统辖', normal: '治理', example: '香溪河道域生态情况归纳统辖PPP项目' },
  { spun: '筑章立造', normal: '建章立制', example: '出力促进查漏补缺、筑章立造、深化统辖' },
  { spun: '轨造', normal: '制度', example: '促进确立健康规章轨造68个' },
  { spun: '造订', normal: '制定', example: '以项目为抓手造订“一对一”监视清单' },
  { spun: '情景', normal: '情况', example: '面临长江大回护监视要点多的实际情景' },
  { spun: '文雅', normal: '文明', example: '深学细悟习生态文雅思念' },
  { spun: '处事', normal: '工作', example: '出台《长江大回护跟进监视处事计划》' },
  { spun: '要点项目', normal: '重点项目', example: '梳理了30个涵盖市县两级的长江大回护要点项目' },
  { spun: '鞭策', normal: '督促', example: '鞭策项目筑树主管单元依法依规执行职责' },
  { spun: '察觉', normal: '发现', example: '监视察觉并促进处理题目989个' },
  { spun: '和洽', normal: '协调', example: '对胀动流程中的痛点难点堵点题目实时和洽处理' },
  { spun: '宣布传达', normal: '通报', example: '累计宣布传达15批次50人' },
  { spun: '惩办', normal: '惩治', example: '一手抓“惩办”,一手抓“防止”' },
  { spun: '楷模案件', normal: '典型案件', example: '端庄查处一批…的楷模案件' },
  { spun: '圭臬', normal: '标准', example: '长江畔流宜昌段水质不乱抵达Ⅱ类圭臬' },
  { spun: '加疾', normal: '加快', example: '为加疾筑树长江大回护典型都会奉献纪检监察气力' },
  { spun: '囚禁', normal: '监管', example: '出台磷石膏全链条闭环囚禁暂行主张' },
  { spun: '对峙', normal: '坚持', example: '要对峙把修复长江生态情况摆正在…' },
];

/** At least this many spun forms … */
export const SPUN_MIN_HITS = 5;
/** … making at least this share of spun + normal occurrences, flag the document. */
export const SPUN_MIN_SCORE = 0.25;

export interface SpunScore {
  /** Occurrences of spun forms. */
  spun: number;
  /** Occurrences of the normal forms they replace. */
  normal: number;
  /** `spun / (spun + normal)`, 0 when neither occurs. */
  score: number;
  /** The spun forms found, each with its count. */
  found: Record<string, number>;
}

/** Every spun and normal form, once, by its index in `FORMS`. */
const FORMS = [...new Set(SUBSTITUTIONS.flatMap((s) => [s.spun, s.normal]))];
const FORM_INDEX = new Map(FORMS.map((form, i) => [form, i]));
/** The forms that start with each code unit (题 → 题目), and a table of which code units start one. */
const BY_FIRST = new Map<number, number[]>();
const STARTS_FORM = new Uint8Array(0x10000);
FORMS.forEach((form, i) => {
  const c = form.charCodeAt(0);
  STARTS_FORM[c] = 1;
  BY_FIRST.set(c, [...(BY_FIRST.get(c) ?? []), i]);
});

/**
 * How often each form occurs in `text`, its occurrences not overlapping one another (as
 * `indexOf` finds them from the end of the last one): one pass over the text for all forms,
 * which costs a fraction of one `indexOf` pass per form.
 */
function countForms(text: string): Int32Array {
  const counts = new Int32Array(FORMS.length);
  /** Where each form's next occurrence may start. */
  const next = new Int32Array(FORMS.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!STARTS_FORM[c]) continue;
    for (const f of BY_FIRST.get(c)!) {
      if (i < next[f]! || !text.startsWith(FORMS[f]!, i)) continue;
      counts[f]!++;
      next[f] = i + FORMS[f]!.length;
    }
  }
  return counts;
}

export function spunScore(text: string): SpunScore {
  const counts = countForms(text);
  const count = (form: string) => counts[FORM_INDEX.get(form)!]!;
  let spun = 0;
  let normal = 0;
  const found: Record<string, number> = {};
  for (const s of SUBSTITUTIONS) {
    const k = count(s.spun);
    if (k) found[s.spun] = k;
    spun += k;
    normal += count(s.normal);
  }
  return { spun, normal, score: spun + normal ? spun / (spun + normal) : 0, found };
}

/** Flags `spun-text` and says which substitutions gave it away; the text is left as it is. */
export function detectSpun(input: MappedText): StepResult {
  const s = spunScore(input.text);
  if (s.spun < SPUN_MIN_HITS || s.score < SPUN_MIN_SCORE) return { text: input, flags: [], messages: [] };
  const top = Object.entries(s.found)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([w, k]) => `${w}×${k}`)
    .join(' ');
  return {
    text: input,
    flags: ['spun-text'],
    messages: [
      message(
        'warning',
        'clean/spun-text',
        `synonym-spun copy: ${s.spun} spinner forms against ${s.normal} normal forms (score ${s.score.toFixed(2)}; ${top})`,
        null,
      ),
    ],
  };
}
