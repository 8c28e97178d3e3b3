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
// Indexed by code unit: the replacement's code unit, 0 for a character that stays. A regex over a
// class of sixty scattered CJK characters costs several times more than this lookup per character.
const VIEW_TABLE = new Uint16Array(0x10000);
for (const [c, r] of Object.entries(VIEW_MAP)) if (c.length === 1 && r.length === 1) VIEW_TABLE[c.charCodeAt(0)] = r.charCodeAt(0);

/** One flag per UTF-16 code unit, set for the characters of `chars`: a cheap class test for scanners. */
export function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

/** An ASCII digit's code unit, what `\d` matches (the view has turned full-width digits into these). */
export const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Same-length matching view of `text` (see module comment): one pass, one code unit for one. */
// findDates and findNumbers run on the same text one after the other: keep the last view.
let lastText: string | null = null;
let lastView = '';
export function matchView(text: string): string {
  if (text === lastText) return lastView;
  let view = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const r = VIEW_TABLE[text.charCodeAt(i)]!;
    if (r !== 0) {
      view += text.slice(from, i) + String.fromCharCode(r);
      from = i + 1;
    }
  }
  lastView = from === 0 ? text : view + text.slice(from);
  lastText = text;
  return lastView;
}
