import { describe, expect, test } from 'vitest';
import { findDates } from '../../src/stages/4-extract/dates.js';
import { findNumbers } from '../../src/stages/4-extract/numbers.js';
import { RANGE_SEPARATORS, RANGE_SEPARATOR_STARTS, rangeSeparatorPattern } from '../../src/vocab/range-separators.js';

const rows = RANGE_SEPARATORS.map((r) => [r.separator, r] as const);

describe.each(rows)('%s', (sep, row) => {
  test('its example has it', () => {
    expect(row.example).toContain(sep);
  });

  test('joins two dates: 2023年9月7日…11月10日 → 2023-09-07..2023-11-10', () => {
    const { dates } = findDates(`2023年9月7日${sep}11月10日开展巡视`, { documentDate: null });
    expect(dates.map((d) => [d.text, d.start, d.end, d.kind])).toEqual([[`2023年9月7日${sep}11月10日`, '2023-09-07', '2023-11-10', 'range']]);
  });
});

test.each(RANGE_SEPARATORS.filter((r) => !r.betweenDates).map((r) => r.separator))('%s joins two numbers and two months: 8…10名 (corpus 003), 2024年4…6月', (sep) => {
  expect(findNumbers(`每个镇配备了8${sep}10名消防队员`).map((n) => [n.text, n.value, n.valueMax, n.unit])).toEqual([[`8${sep}10名`, 8, 10, '名']]);
  const { dates } = findDates(`2024年4${sep}6月`, { documentDate: null });
  expect(dates.map((d) => [d.start, d.end])).toEqual([['2024-04-01', '2024-06-30']]);
});

test('the patterns: longest first, the two-character dashes between dates only', () => {
  expect(rangeSeparatorPattern()).toBe('--|——|至|到|~|-|—');
  expect(rangeSeparatorPattern({ betweenDates: false })).toBe('至|到|~|-|—');
  expect(RANGE_SEPARATOR_STARTS).toBe('至到~-—');
});
