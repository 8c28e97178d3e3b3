/**
 * Words and dashes between the two ends of a range, for numbers (8~10名 → value 8, valueMax 10)
 * and dates (2023年9月7日至11月10日 → 2023-09-07..2023-11-10). Each with a real example.
 * `betweenDates`: the two-character dashes are read only between two dates (2019年——2021年);
 * between numbers and inside a month range they stay unread, as they always have.
 */
export const RANGE_SEPARATORS: readonly { separator: string; example: string; betweenDates?: true }[] = [
  { separator: '至', example: '2023年9月7日至11月10日 (corpus 003); 一至两年 (corpus 000); 4至6月 (dev d28)' },
  { separator: '到', example: '今年6月底到8月底 (wild w089)' },
  { separator: '~', example: '每个镇配备了8~10名消防队员, 2024~2025年 (corpus 003)' },
  { separator: '-', example: '全区已对1-11批395件信访 (dev d10)' },
  { separator: '—', example: '2—3个 (dev d52); 4月11日—4月14日 (wild w127)' },
  { separator: '--', example: '2024年1月--11月 (corpus 002)', betweenDates: true },
  { separator: '——', example: '2019年——2021年 (a typeset dash; no notice of the corpus has one yet)', betweenDates: true },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The separators as a regular-expression alternation, longest first (—— before —):
 * `rangeSeparatorPattern()` for every one, `rangeSeparatorPattern({ betweenDates: false })`
 * for those read between numbers and inside a month range.
 */
export function rangeSeparatorPattern(options: { betweenDates?: boolean } = {}): string {
  return RANGE_SEPARATORS.filter((s) => options.betweenDates !== false || !s.betweenDates)
    .map((s) => s.separator)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

/** The characters a separator can start with: ~-—至到. */
export const RANGE_SEPARATOR_STARTS = [...new Set(RANGE_SEPARATORS.map((s) => s.separator[0]!))].join('');
