// Interim date reader; replaced by the full normalizer (issue 3).
import type { DateMention, Message } from '../schema.js';
import { parseNumeral } from './numerals.js';

export interface DateContext { documentDate: string | null }

const N = '[0-9〇零一二三四五六七八九十]+';
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parseDate(s: string): { start: string; end: string; grain: DateMention['grain'] } | null {
  const m = new RegExp(`^(${N})年(?:(${N})月(?:(${N})日)?)?$`).exec(s.trim());
  if (!m) return null;
  const y = parseNumeral(m[1]!), mo = m[2] ? parseNumeral(m[2]) : null, d = m[3] ? parseNumeral(m[3]) : null;
  if (y === null || y < 1900 || y > 2100) return null;
  if (mo === null) return { start: `${y}-01-01`, end: `${y}-12-31`, grain: 'year' };
  if (d === null) return { start: `${y}-${pad(mo)}-01`, end: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`, grain: 'month' };
  return { start: `${y}-${pad(mo)}-${pad(d)}`, end: `${y}-${pad(mo)}-${pad(d)}`, grain: 'day' };
}

export function findDates(text: string, context: DateContext): { dates: DateMention[]; messages: Message[] } {
  const dates: DateMention[] = [];
  const re = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:(?:至|到|—|-)(?:(\d{1,2})月)?(\d{1,2})日)?|截至(\d{1,2})月(\d{1,2})日/g;
  for (const m of text.matchAll(re)) {
    const span: [number, number] = [m.index!, m.index! + m[0].length];
    if (m[6]) {
      const y = context.documentDate ? Number(context.documentDate.slice(0, 4)) : null;
      const iso = y ? `${y}-${pad(+m[6])}-${pad(+m[7]!)}` : null;
      dates.push({ text: m[0], start: iso, end: iso, grain: 'day', kind: 'point', yearInferred: true, span });
      continue;
    }
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
    const start = `${y}-${pad(mo)}-${pad(d)}`;
    const end = m[5] ? `${y}-${pad(m[4] ? +m[4] : mo)}-${pad(+m[5])}` : start;
    dates.push({ text: m[0], start, end, grain: 'day', kind: m[5] ? 'range' : 'point', yearInferred: false, span });
  }
  return { dates, messages: [] };
}
