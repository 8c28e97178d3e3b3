import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseNumeral } from '../../../src/vocab/numerals.js';
import { findNumbers } from '../../../src/stages/4-extract/numbers.js';
import { findDates, parseDate } from '../../../src/stages/4-extract/dates.js';
import { NumberMention, DateMention } from '../../../src/schema.js';
import { NUMBER_CASES, DATE_CASES } from './corpus-cases.js';

const numbersIn = (s: string) => findNumbers(s, { exclude: findDates(s, { documentDate: null }).dates.map((d) => d.span) });

describe('numbers in real sentences', () => {
  test.each(NUMBER_CASES.map(([file, s, text, value, valueMax, unit, approx]) => ({ name: `reads ${text} as ${value}${valueMax !== null ? '..' + valueMax : ''} ${unit}${approx ? ' (' + approx + ')' : ''} [${file}]`, s, text, value, valueMax, unit, approx })))('$name', ({ s, text, value, valueMax, unit, approx }) => {
    const m = numbersIn(s).find((n) => n.text === text);
    expect(m, s).toBeDefined();
    expect(m!.value).toBeCloseTo(value, 9);
    expect(m!.unit).toBe(unit);
    expect(m!.approx).toBe(approx);
    if (valueMax !== null) expect(m!.valueMax).toBe(valueMax);
  });
});

describe('dates in real sentences', () => {
  test.each(DATE_CASES.map(([file, s, text, start, end, kind]) => ({ name: `reads ${text} as ${start ?? '…'}..${end ?? '…'} ${kind} [${file}]`, s, text, start, end, kind })))('$name', ({ s, text, start, end, kind }) => {
    const d = findDates(s, { documentDate: null }).dates.find((x) => x.text === text);
    expect(d, s).toBeDefined();
    expect([d!.start, d!.end, d!.kind]).toEqual([start, end, kind]);
  });
});

describe('numerals', () => {
  test.each([
    ['三十六', 36], ['1,390', 1390], ['１２', 12], ['两千零五', 2005], ['二〇二四', 2024], ['3.5', 3.5], ['十', 10],
    ['一百二十', 120], ['十五', 15], ['1.8万', 18000], ['217.69万', 2176900], ['1.05亿', 105000000], ['一万零五', 10005],
    ['一亿零五万', 100050000], ['一万亿', 1e12], ['兩萬', 20000], ['一万五', 15000], ['貳拾', 20],
    ['二百三十点五亿', 23050000000], ['三点五', 3.5], ['零点五', 0.5], ['十二点零五万', 120500],
  ] as const)('reads %s as %d', (s, v) => expect(parseNumeral(s)).toBe(v));
  test.each(['', '十百', 'abc', '一岗双责', '1.2.3', '1,2', '九点五十', '三点', '3点五', '一万点五'])('does not read %j', (s) => expect(parseNumeral(s)).toBeNull());
});

// The examples of issue 3 and the hard cases of the gold quirks.
describe('quantity behaviours', () => {
  test.each([
    ['已完成整改23个', '23个', 23, '个', null],
    ['有效购票入园人数共计11.3万人次', '11.3万人次', 113000, '人次', null],
    ['追缴1.05亿元', '1.05亿元', 105000000, '元', null],
    ['每个镇配备了8-10名消防队员', '8-10名', 8, '名', null],
    ['配备8至10名', '8至10名', 8, '名', null],
    ['用三到五年时间', '三到五年', 3, '年', null],
    ['下降3.5个百分点', '3.5个百分点', 3.5, '百分点', null],
    ['达到百分之八十', '百分之八十', 80, '%', null],
    ['约三分之一的问题', '约三分之一', 1 / 3, '分之', 'about'],
    ['处理十余份', '十余份', 10, '份', 'over'],
    ['数十家企业', '数十家', 10, '家', 'over'],
    ['惠及几十万人', '几十万人', 100000, '人', 'over'],
    ['十几万元', '十几万元', 100000, '元', 'over'],
    ['两千零五人', '两千零五人', 2005, '人', null],
    ['一百二十人参加', '一百二十人', 120, '人', null],
    ['三十六个问题', '三十六个', 36, '个', null],
    ['罚款200元左右', '200元左右', 200, '元', 'about'],
    ['不足10%', '不足10%', 10, '%', 'under'],
    ['逾千人', '逾千人', 1000, '人', 'over'],
    ['共責超1.8萬人', '超1.8萬人', 18000, '人', 'over'],
    ['完成１２个', '１２个', 12, '个', null],
    ['短短1个多月', '1个多月', 1, '个月', 'over'],
    ['增长近8倍', '近8倍', 8, '倍', 'nearly'],
  ] as const)('reads %s', (s, text, value, unit, approx) => {
    const m = numbersIn(s).find((n) => n.text === text);
    expect(m).toBeDefined();
    expect(m!.value).toBeCloseTo(value, 9);
    expect([m!.unit, m!.approx]).toEqual([unit, approx]);
  });
  test('reads 46件99人 as two mentions', () => {
    expect(numbersIn('查处问题46件99人').map((n) => [n.text, n.value, n.unit])).toEqual([['46件', 46, '件'], ['99人', 99, '人']]);
  });
  test.each([
    '增强“四个意识”', '做到两个维护', '三重一大', '一岗双责', '推进“1+3+X”体系', '“十四五”规划', '七大任务', '第一巡察组', '第二轮',
    '十九届', '十一届市委', '〔2023〕7号', '[2018]14号', '0730-5208005', '12345热线', '邮政编码:215004', 'swtjxcz001@126.com',
    'http://www.gov.cn/2023/content_121732.htm', '鄂ICP备05017375号', '113307020501239658/2023-46395', '冀A422××', '9:00~17:00',
    '关荣村5组', '第4项内容', '二次问题清单', '一五一十', '四大家', '一对一', '三三四轮车', '当晚7点', '20世纪80年代', '一个问题、一个方案',
  ])('takes no quantity from %s', (s) => expect(numbersIn(s)).toEqual([]));
});

describe('date behaviours', () => {
  const doc = { documentDate: '2024-08-26' };
  test.each([
    ['2023年9月7日至11月10日', '2023-09-07', '2023-11-10', 'range'],
    ['2021年04月21日', '2021-04-21', '2021-04-21', 'point'],
    ['2023-05-04', '2023-05-04', '2023-05-04', 'point'],
    ['2023.5.4', '2023-05-04', '2023-05-04', 'point'],
    ['2023/5/4', '2023-05-04', '2023-05-04', 'point'],
    ['二〇二四年八月二十六日', '2024-08-26', '2024-08-26', 'point'],
    ['2024年8月', '2024-08-01', '2024-08-31', 'point'],
    ['2024年', '2024-01-01', '2024-12-31', 'point'],
    ['2024年1至8月', '2024-01-01', '2024-08-31', 'range'],
    ['2018年至2023年', '2018-01-01', '2023-12-31', 'range'],
    ['2024~2025年', '2024-01-01', '2025-12-31', 'range'],
    ['2024年10月10日—13日', '2024-10-10', '2024-10-13', 'range'],
    ['2024年1月--11月', '2024-01-01', '2024-11-30', 'range'],
    ['2022年4月上旬至6月中旬', '2022-04-01', '2022-06-20', 'range'],
    ['2018年1月中旬至3月底', '2018-01-11', '2018-03-31', 'range'],
    ['2023年上半年', '2023-01-01', '2023-06-30', 'point'],
    ['2024年第三季度', '2024-07-01', '2024-09-30', 'point'],
    ['2024年一季度', '2024-01-01', '2024-03-31', 'point'],
    ['2025年春季', '2025-03-01', '2025-05-31', 'point'],
    ['2025年底前', null, '2025-12-31', 'deadline'],
    ['2019年以来', '2019-01-01', null, 'since'],
    ['截至8月20日', '2024-08-20', '2024-08-20', 'point'],
    ['今年5月底', '2024-05-31', '2024-05-31', 'point'],
    ['去年8月', '2023-08-01', '2023-08-31', 'point'],
    ['11月底前', null, '2024-11-30', 'deadline'],
    ['10月10日', '2023-10-10', '2023-10-10', 'point'],
  ] as const)('reads %s', (s, start, end, kind) => {
    const d = findDates(s, doc).dates[0];
    expect([d?.text, d?.start, d?.end, d?.kind]).toEqual([s, start, end, kind]);
  });
  test('takes the year from the full date before it in the paragraph', () => {
    const t = '2016年6月30日至8月30日,中央第三巡视组对湖北省进行了巡视“回头看”。10月10日,中央巡视组向湖北省委反馈了巡视意见。';
    const d = findDates(t, { documentDate: null }).dates[1]!;
    expect([d.text, d.start, d.yearInferred]).toEqual(['10月10日', '2016-10-10', true]);
  });
  test('never invents a year', () => {
    const r = findDates('截至6月17日,全区已办结', { documentDate: null });
    expect([r.dates[0]!.start, r.dates[0]!.end]).toEqual([null, null]);
    expect(r.messages.map((m) => m.code)).toContain('extract/year-unknown');
  });
  test('repairs dates whose 年 and 月 were lost, with a message', () => {
    const r = findDates('2024717日至830日,县委第一巡察组', { documentDate: null });
    expect([r.dates[0]!.start, r.dates[0]!.end]).toEqual(['2024-07-17', '2024-08-30']);
    expect(r.messages.map((m) => m.code)).toContain('extract/date-repaired');
  });
  test.each(['十九届', '第十三轮', '〔2023〕7号', '1-11批', '第1页', '113307020501239658/2023-46395', '最近一次年报'])('takes no date from %s', (s) => {
    expect(findDates(s, { documentDate: '2024-08-26' }).dates).toEqual([]);
  });
  test.each([
    ['2024年8月26日', '2024-08-26', '2024-08-26', 'day'],
    ['二〇二四年八月二十六日', '2024-08-26', '2024-08-26', 'day'],
    ['2024年8月', '2024-08-01', '2024-08-31', 'month'],
  ] as const)('parseDate reads %s', (s, start, end, grain) => expect(parseDate(s)).toEqual({ start, end, grain }));
  test.each(['8月26日', '今年', 'abc', ''])('parseDate refuses %j', (s) => expect(parseDate(s)).toBeNull());
});

// integer → Chinese numeral, the standard written form (一万零五, 十五, 一亿零五十万)
function toChinese(n: number): string {
  const D = '零一二三四五六七八九';
  const section = (x: number, leadingTen: boolean) => {
    let s = '', zero = false;
    const units = ['千', '百', '十', ''];
    const digits = [Math.floor(x / 1000) % 10, Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
    let started = false;
    digits.forEach((d, k) => {
      if (d === 0) { if (started) zero = true; return; }
      if (zero) { s += '零'; zero = false; }
      s += leadingTen && !started && k === 2 && d === 1 ? units[k] : D[d]! + units[k];
      started = true;
    });
    return s;
  };
  if (n === 0) return '零';
  const parts = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  const names = ['亿', '万', ''];
  let out = '', pendingZero = false;
  parts.forEach((p, k) => {
    if (p === 0) { if (out) pendingZero = true; return; }
    if (out && (pendingZero || p < 1000)) out += '零';
    pendingZero = false;
    out += (k === 0 && p >= 1e4 ? toChinese(p) : section(p, out === '')) + names[k];
  });
  return out;
}

describe('properties', () => {
  test('Chinese numerals for every integer up to 10^12 read back', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseNumeral(toChinese(n)) === n), { numRuns: 3000 });
    expect(toChinese(10005)).toBe('一万零五');
    expect(toChinese(1e12)).toBe('一万亿');
  });
  const alphabet = fc.constantFrom(...'0123456789一二两三十百千万亿年月日至到-~—.,%个件人余近约以上前来截底旬季度第号“”()（）\n 元2024'.split(''));
  const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')));
  test('arbitrary text never throws and every span is valid', () => {
    fc.assert(fc.property(anyText, fc.option(fc.constant('2024-08-26'), { nil: null }), (t, documentDate) => {
      const { dates, messages } = findDates(t, { documentDate });
      const numbers = findNumbers(t, { exclude: dates.map((d) => d.span) });
      for (const d of dates) { DateMention.parse(d); expect(t.slice(d.span[0], d.span[1])).toBe(d.text); }
      for (const n of numbers) { NumberMention.parse(n); expect(t.slice(n.span[0], n.span[1])).toBe(n.text); expect(Number.isFinite(n.value)).toBe(true); }
      for (const m of messages) expect(m.code).toMatch(/^extract\/[a-z-]+$/);
    }), { numRuns: 2000 });
  });
});
