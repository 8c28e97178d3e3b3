import type { ChromeRule } from './chrome-lines.js';

/**
 * Chrome glued into a header line that also carries something worth keeping (a 发布日期):
 * the clean stage cuts each match out of the line and keeps the rest (`clean/boilerplate-cut`).
 * Each rule with the real header line it was made for.
 */
export const CHROME_FRAGMENTS: readonly ChromeRule[] = [
  { name: 'visits', pattern: /(?:访问量|浏览量|浏览次数|阅读量|阅读次数|点击数|点击量|点击率)[ \t\u3000]*[:：][ \t\u3000]*(?:\d+[ \t\u3000]*次?)?/g, example: '来源:博兴县纪委监委网站      发布时间:2025-05-12       浏览量:0 次' },
  { name: 'font-size', pattern: /(?:字体大小|字号|字体)[ \t\u3000]*[:：][ \t\u3000]*(?:[【\[][ \t\u3000]*[大中小]?[ \t\u3000]*[】\]][ \t\u3000]*)*(?:[大中小](?:[ \t\u3000]+[大中小]){1,2})?/g, example: '发布日期:2023-01-06 11:16信息来源:宁波市审计局浏览次数: 字号:[ ] 色调调节:' },
  { name: 'colour', pattern: /(?:色调调节|背景色|保护视力色)[ \t\u3000]*[:：]?/g, example: '发布日期:2023-01-06 11:16信息来源:宁波市审计局浏览次数: 字号:[ ] 色调调节:' },
];
