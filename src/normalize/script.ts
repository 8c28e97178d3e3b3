/**
 * A same-length "view" of the text for matching: full-width digits become ASCII and the few
 * traditional characters our tables use become simplified. Every replacement is one UTF-16
 * code unit for one, so an offset in the view is the same offset in the text.
 */

/** Traditional → simplified, only characters that the number and date tables read. */
export const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  '萬': '万', // 1.8萬人 → 18000 人
  '億': '亿', // 約14.3億元 → 1430000000 元
  '兩': '两', // 兩個月 → 2 个月
  '個': '个', // 十六個 → 16 个
  '項': '项', // 1407項 → 1407 项
  '條': '条', // 2907條 → 2907 条
  '類': '类', // 21類 → 21 类
  '餘': '余', // 8萬餘個 → 80000 个, over
  '約': '约', // 約14.3億元 → about
  '過': '过', // 超過 → over
  '於': '于', // 不少於
  '屆': '届', // 十九屆 is an ordinal, not a count
  '輪': '轮', // 第三輪 → ordinal
  '對': '对', // 一對一 is a slogan
  '種': '种', // 四種形態 is a slogan
  '態': '态',
  '雙': '双', // 一崗雙責 is a slogan
  '崗': '岗',
  '責': '责',
  '問': '问', // 問責一個 is a slogan
  '樓': '楼', // 四樓會議室 is a floor, not a count
  '處': '处', // 432處 → 432 处
  '戶': '户', // 67戶 → 67 户
  '筆': '笔',
  '冊': '册',
  '畝': '亩', // 100餘畝 → 100 亩
  '噸': '吨',
  '場': '场',
  '輛': '辆',
  '臺': '台',
  '間': '间',
  '隻': '只',
  '歲': '岁',
  '點': '点', // 3.5個百分點 → 3.5 百分点
  '達': '达',
  '來': '来', // 2019年以來 → since
  '後': '后',
  '號': '号', // 429號 is a PO box number
  '組': '组',
  '會': '会',
  '議': '议',
  '貳': '贰',
  '參': '叁',
  '陸': '陆',
  '們': '们',
  '圍': '围',
  '內': '内', // 以內 → under
  '週': '周', // 3週 → 3 周
  '鐘': '钟', // 30分鐘 → 30 分钟
  '時': '时', // 24小時 → 24 小时
  '頃': '顷', // 公頃
  '裡': '里', // 公裡 → 公里
  '與': '与',
  '滿': '满',
  '連': '连',
  '僅': '仅',
  '擬': '拟',
  '盡': '尽',
  '數': '数', // 數十家 → 10 家, over
  '幾': '几', // 幾十萬 → 100000, over
  '專': '专',
};

const VIEW_MAP: Record<string, string> = { ...TRADITIONAL_TO_SIMPLIFIED };
for (const c of '０１２３４５６７８９．，％～－：／') VIEW_MAP[c] = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
const VIEW_RE = new RegExp(`[${Object.keys(VIEW_MAP).filter((k) => k.length === 1 && VIEW_MAP[k]!.length === 1).join('')}]`, 'g');

/** Same-length matching view of `text` (see module comment): one regex pass, one code unit for one. */
// findDates and findNumbers run on the same text one after the other: keep the last view.
let lastText: string | null = null;
let lastView = '';
export function matchView(text: string): string {
  if (text === lastText) return lastView;
  lastView = text.replace(VIEW_RE, (c) => VIEW_MAP[c] ?? c);
  lastText = text;
  return lastView;
}
