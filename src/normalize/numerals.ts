// Interim numeral reader; replaced by the full normalizer (issue 3).
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function parseNumeral(s: string): number | null {
  const ascii = s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(ascii)) return Number(ascii);
  if (!/^[〇零一二两三四五六七八九十百千万亿]+$/.test(s)) return null;
  if (!/[十百千万亿]/.test(s)) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0, section = 0, digit = 0;
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c]!;
    else if (c in SMALL) (section += (digit || 1) * SMALL[c]!), (digit = 0);
    else {
      const big = c === '万' ? 1e4 : 1e8;
      total = (total + section + digit) * big;
      section = 0, digit = 0;
    }
  }
  return total + section + digit;
}
