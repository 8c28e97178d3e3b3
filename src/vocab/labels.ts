/**
 * Label blocks: the `label: value` fields web pages print above or below a notice, whatever the
 * spacing and punctuation ("发布时间:2025-05-12", "标 题 :", "索 引 号:", "| 成文日期 | 2025-10-15 |",
 * " date 2025-12-23"). One reader for the clean stage (a web page's header, before its chrome is
 * dropped) and the sections stage (the header lines of any text).
 */

/** What a label says; several labels name one field, the most specific first. */
export type LabelField = 'title' | 'issuer' | 'documentDate' | 'source' | 'author' | 'code' | 'counter';

/** The labels, each with the field it names and a real line it was seen on. Longer labels first, so 信息来源 wins over 来源. */
export const LABELS: { label: string; field: LabelField; example: string }[] = [
  { label: '文件名称', field: 'title', example: '文件名称:中共宜章县委关于巡视整改进展情况的通报' },
  { label: '标题', field: 'title', example: '标 题:关于十四届县委第三轮巡察整改情况的通报' },
  { label: '发布机构', field: 'issuer', example: '| 发布机构 | 中共XX县委 | 成文日期 | 2025-10-15 |' },
  { label: '发文机关', field: 'issuer', example: '发文机关:中共长沙市委' },
  { label: '成文日期', field: 'documentDate', example: '成文日期:2024-08-26' },
  { label: '成文时间', field: 'documentDate', example: '(a paraphrase) 成文时间:2024年8月26日' },
  { label: '发文日期', field: 'documentDate', example: '(a paraphrase) 发文日期 2023-03-15' },
  { label: '发文时间', field: 'documentDate', example: '(a paraphrase) 【发文时间】2022-11-30' },
  { label: '发布时间', field: 'documentDate', example: '来源:博兴县纪委监委网站 发布时间:2025-05-12 浏览量:0 次' },
  { label: '发布日期', field: 'documentDate', example: '信息来源:古镇镇人民政府 发布日期:2025-09-12 分享:' },
  { label: '公开日期', field: 'documentDate', example: '公开日期:2022-08-26' },
  { label: '时间', field: 'documentDate', example: '来源:www.huanbaole.com 编辑: 环保网 时间:2022-07-07点击:' },
  { label: '日期', field: 'documentDate', example: '日期:2018-11-13 浏览:0 评论:0' },
  { label: 'date', field: 'documentDate', example: ' date 2025-12-23 ▲大陸國務院審計署。' },
  { label: '信息来源', field: 'source', example: '信息来源:古镇镇人民政府' },
  { label: '发布来源', field: 'source', example: '发布时间:2024-04-09 | 发布来源:安庆纪检监察网 |' },
  { label: '来源', field: 'source', example: '来源:甘肃日报 2016-08-17 11:05:24' },
  { label: '责任编辑', field: 'author', example: '【責任編輯:石海平】' },
  { label: '作者', field: 'author', example: '作者:刘健' },
  { label: '编辑', field: 'author', example: '编辑: 环保网' },
  { label: '责编', field: 'author', example: '责编:郭惠红' },
  { label: '索引号', field: 'code', example: '索 引 号:11420000MB1A60375Y/2022-05678' },
  { label: '发文字号', field: 'code', example: '发文字号:湘巡改〔2024〕3号' },
  { label: '文号', field: 'code', example: '文  号:仙郊委〔2024〕9号' },
  { label: '主题分类', field: 'code', example: '主题分类:党务公开' },
  { label: '浏览', field: 'counter', example: '浏览量:0 次' },
  { label: '点击', field: 'counter', example: '来源:www.huanbaole.com    编辑: 环保网     时间:2022-07-07点击:' },
  { label: '阅读', field: 'counter', example: '发布时间:2025-01-12 来源:仙游县纪委监委官网 字体显示:【 大 中 小 】 阅读:' },
  { label: '评论', field: 'counter', example: '评论:0' },
  { label: '字体', field: 'counter', example: '字体显示:【 大 中 小 】' },
];

/** One field as printed: its label as the table has it, the value, and the value's span in the text. */
export interface Label { label: string; field: LabelField; value: string; span: [number, number] }

const SPACE = '[ \\t\\u3000]';
/** A label with spaces allowed between its characters: 索 引 号 / 标  题. */
const spaced = (label: string) => [...label].join(`${SPACE}*`);
const LABEL_ALT = LABELS.map((l) => spaced(l.label)).join('|');
/** The label, its colon (or a space before a date, for `date 2025-12-23`), then the value up to a wide gap, the next label or the line's end. */
/**
 * A label of three or more characters may follow the value before it directly ("来源:中国纪检监察报发布时间:2020-08-21");
 * a shorter one (时间, 来源, date) must not stand inside a word (update).
 */
const long = (label: string) => label.length >= 3 && /^\p{Script=Han}+$/u.test(label);
const LONG = LABELS.filter((l) => long(l.label)).map((l) => spaced(l.label)).join('|');
const SHORT = LABELS.filter((l) => !long(l.label)).map((l) => spaced(l.label)).join('|');
/**
 * What parts a label from its value: a colon or a bar; a closing bracket ("【发文时间】2022-11-30"); a slash or a dash before a
 * number ("发布时间/2025-01-01", "发布时间——2025-01-01"); or nothing but spaces before a date ("发布时间 2025年01月01日").
 */
const SEPARATOR = `(?:[:：|]|(?<=[】\\]])|[/／]|[-—–]{1,2}(?=${SPACE}*\\d)|(?=${SPACE}*\\d{4}\\s*[-年/.]\\s*\\d))`;
const FIELD = new RegExp(
  `(${LONG}|(?<![\\p{Script=Han}A-Za-z])(?:${SHORT}))(?:[^:：\\s|]{0,2})${SPACE}*${SEPARATOR}${SPACE}*(.*?)(?=${SPACE}{2,}|${SPACE}*\\|\\s*(?:${LABEL_ALT})|${SPACE}*(?:${LABEL_ALT})(?:[^:：\\s|]{0,2})${SPACE}*[:：]|${SPACE}*[|】]|$)`,
  'gmu',
);
const canonical = new Map(LABELS.map((l) => [l.label, l]));

/** Labels are read on short lines, and at the start of a long one: a sentence of the notice that says 时间: is not a header. */
const MAX_LINE = 160;

/** Every `label: value` field on the short lines of `text[from, to)`, in order. */
export function readLabels(text: string, from = 0, to = text.length): Label[] {
  const out: Label[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    // A long line is a paragraph: only a field at its very start is read (" date 2025-08-18 安徽省青阳县委巡察机构…").
    const long = end - start > MAX_LINE;
    {
      const line = long ? text.slice(start, Math.min(end, start + MAX_LINE)) : text.slice(start, end);
      FIELD.lastIndex = 0;
      for (let m = FIELD.exec(line); m; m = FIELD.exec(line)) {
        if (m[0].length === 0) {
          FIELD.lastIndex++;
          continue;
        }
        if (long && line.slice(0, m.index).trim()) break;
        const row = canonical.get(m[1]!.replace(/[ \t\u3000]/g, ''));
        const raw = m[2]!;
        const value = raw.trim();
        if (!row || !value) continue;
        const at = start + m.index + m[0].length - raw.length + (raw.length - raw.trimStart().length);
        out.push({ label: row.label, field: row.field, value, span: [at, at + value.length] });
      }
    }
    start = end + 1;
  }
  return out;
}
