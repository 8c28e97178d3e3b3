import { CN } from './lines.js';
import { YEAR_DIGITS } from '../../vocab/numerals.js';

/**
 * The sections stage's phrase tables read by more than one of its readers: what names a
 * shortcoming or opens a measure, what labels a rectification, what closes the items, what names
 * a kind of problems. Each with the real words it was written from.
 */
/**
 * Words that say something falls short; a problem states one: "党支部组织建设不规范" / "执行中央八项规定精神…有差距" /
 * "二次供水监督次数少频率低,覆盖不全面" / "医疗卫生重点基础设施建设进度缓慢" (wild w155) / "对中央决策部署搞变通、打折扣" /
 * "未严格执行“三重一大”决策程序" (wild w039) / "企业融资难、融资贵问题突出" (wild w087) / "消防审验不达标" / "提醒谈话数量较少、
 * 效果不佳" (corpus 003) / "统计数据存在不同程度失实" (wild w073) / "政治理论学习表面化" (dev d100). Not the pledge "不打折扣、
 * 不搞变通", nor the question "整改好不好".
 */
export const SHORTCOMING = /不到位|不精准|不完整|不正常|超标|不足|不够|不强|不严|不高|不实|不力|不充分|不彻底|不规范|不完善|不健全|不及时|不深入|不扎实|不科学|不牢|不清|不明|不细|不准|不当|不畅|不作为|慢作为|乱作为|缺乏|缺失|缺位|欠缺|薄弱|弱化|淡化|虚化|泛化|差距|有待|滞后|偏差|偏软|松散|涣散|混乱|漏洞|隐患|风险|短板|流于形式|走过场|形式主义|官僚主义|违规|违纪|违反|失职|失责|敷衍|应付|未能|未按|未达到|没有|尚未|不平衡|不均衡|不合理|不统一|不一致|存在[^,，;；。]{0,12}问题|重[^,，;；。、]{1,4}、?轻|仍然存在|依然存在|时有发生|不全|不佳|(?<!好)不好|不达标|失实|缓慢|表面化|(?<!不)打折扣|(?<!不)搞变通|未(?:严格|经|采取|落实|执行|建立|及时)|问题(?:较为|比较|十分|仍然|依然)?(?:突出|严重|多发)/;

/**
 * Verbs that open a measure, a requirement or a plan: "夯实整改责任" / "提高站位,主动作为抓整改" /
 * "加强村干部监督考核". A problem may open with 落实 or 执行 too ("执行财经纪律不严格"), so an
 * item that names a shortcoming is never read as a measure.
 */
export const MEASURE_OPENER = /^(?:加强|强化|提高|提升|压实|完善|建立|健全|推动|推进|确保|坚持|聚焦|夯实|规范|严格|深化|抓好|抓实|抓紧|狠抓|扎实|全面|切实|持续|注重|创新|统筹|明确|细化|开展|组织|召开|制定|实行|实施|构建|做好|巩固|加快|着力|立足|深入|认真|积极|主动|坚决|不断|进一步|按照|结合|发挥|用好|筑牢|牢固|树立|增强|优化|改进|整合|拓展|营造|守牢|紧盯|紧扣|督促|指导|加大|讲政治|明责任|强执行|突出|强化|重点|及时)/;

/** The end of a sentence that names kinds of problems: "…无人值班等安全隐患问题" / "…选人用人不够严格等问题". */
export const NAMES_KINDS = /等[^。；;，,、]{0,12}问题。?$/;

/**
 * A title that names a kind of problems: a field ("党的建设方面" / "在畏难思想严峻,工作作风不实方面" / "政治建设方面存在的问题" /
 * "在聚焦贯彻落实党的路线方针政策和上级决策部署方面存在差距"), or one of the three focuses of an inspection
 * ("聚焦基层贯彻落实党中央重大决策部署及省市区委工作要求情况" / "聚焦贯彻落实…决策部署情况方面"). A page made from a PDF
 * may split 方面 at a former line end ("…决策部署方 面存在差距").
 */
export const CATEGORY_TITLE = /(?:方\s?面(?:存在(?:的)?(?:问题|差距|不足|短板)?)?|^聚焦[^,，;；。]{4,60}?情况(?:方面)?)[:：。]?$/;

/** The words that label a rectification: 整改情况 / 整改进展 / 整改措施 / 整改成效 / 整改结果 / 整改落实情况 / 整改进展情况 / 整改完成情况 (wild w027). */
export const RECTIFICATION_WORDS = '整改(?:落实|进展|完成)?情况|整改进展|整改措施|整改成效|整改结果';
export const RECTIFICATION_LABEL = new RegExp(`^[【\\[]?(?:${RECTIFICATION_WORDS})[】\\]]?\\s*[:：]?\\s*`);
/** The same label inside an item's line: "1、…不到位。整改情况:已制定…" */
export const INLINE_LABEL = new RegExp(`[【\\[](?:${RECTIFICATION_WORDS})[】\\]]\\s*[:：]?\\s*|(?:[。；;]\\s*|\\s+)(?:${RECTIFICATION_WORDS})\\s*[:：]\\s*`);
/** Closing parts never belong to the last item: "三、下一步整改工作安排" (a heading), "欢迎广大干部群众…监督", contact lines. */
export const CLOSING: { pattern: RegExp; example: string }[] = [
  { pattern: new RegExp(`^(?:${CN}、\\s*)?下一步`), example: '下一步,我市将持续…' },
  { pattern: /^欢迎|欢迎.{0,30}监督/, example: '欢迎广大干部群众对巡视整改落实情况进行监督。' },
  { pattern: /^(?:联系电话|联系方式|监督电话|举报电话|电子邮箱|电子信箱|邮政信箱|通信地址|通讯地址|邮编)/, example: '联系电话:0730-5208005 / 监督电话:0557-2666031' },
  { pattern: /^如(?:对|有)[^。\n]{0,40}异议/, example: '如对该问题整改完成情况有异议,请在公示期间(…)向宿州市生态环境局宿马管理中心反映。' },
  { pattern: /^(?:特此(?:公示|通报|公告)|公示(?:时间|日期|期间))/, example: '特此公示! / 公示时间:2019年12月13日至2019年12月19日,共7天。 (wild w027)' },
];

/** Whether a line closes the items: a closing part or the signature block. */
export const closesItems = (line: string) => CLOSING.some((c) => c.pattern.test(line)) || SIGNATURE_LINE.test(line);
/** A category heading may name its kind before the title: "(一)反馈问题:践行正确政绩观有差距" */
export const CATEGORY_PREFIX = /^(?:反馈问题|问题类别|问题类型|方面)\s*[:：]\s*/;

/**
 * Whether a heading names a kind of problems, and so is a category: it is labelled as one
 * ("(一)反馈问题:践行正确政绩观有差距"), names a shortcoming ("落实“三高四新”美好蓝图、守护一江碧水不够有力")
 * or a field of problems ("党的建设方面"). A part of the report ("二、反馈意见整改落实情况") is not.
 */
export function namesKind(title: string, labelled = false): boolean {
  return labelled || CATEGORY_PREFIX.test(title) || SHORTCOMING.test(title) || CATEGORY_TITLE.test(title.replace(/[。.\s]+$/, ''));
}
/** A title that names a kind of problems by its label or its words, not by a shortcoming alone: "反馈问题:…" / "党的建设方面" / "聚焦…情况". */
export const namesKindOutright = (title: string) => {
  const t = title.trim().replace(/[。.\s]+$/, '');
  return CATEGORY_PREFIX.test(t) || CATEGORY_TITLE.test(t);
};
/**
 * A heading that names a part of the report, not a kind of problems: its words are only the
 * report's own ("二、反馈意见整改落实情况" / "二、巡察反馈问题的整改情况" / "一、巡察整改组织领导情况" /
 * "二、整改进展情况及成效" / "一、巡察发现的主要问题"), while a kind names its topic ("二、省级财政管理审计查出问题的整改情况").
 */
const REPORT_WORDS = /中央|省委|市委|区委|县委|巡视|巡察|反馈|意见|问题|整改|组织|领导|落实|进展|集中|工作|情况|成效|发现|存在|主要|的|及|和|[。\s]/g;
export const isReportPart = (title: string) => title.replace(REPORT_WORDS, '').length <= 1;

/** The signature block closes the last item: "中共汨罗市委" / "2024年8月26日". */
export const SIGNATURE_LINE = new RegExp(`^(?:中共.{1,20}委(?:员会)?|.{2,24}(?:党组|党委|委员会))$|^[(（]?\\s*(?:\\d{4}|[${YEAR_DIGITS}]{4})年\\d{1,2}月\\d{1,2}日\\s*[)）]?$`);
