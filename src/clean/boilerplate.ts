/**
 * Lines that a web page adds around a notice and that are never part of it. Each pattern is
 * tried against a whole trimmed line; a line that matches is dropped from the cleaned text.
 */
export interface BoilerplateRule {
  name: string;
  pattern: RegExp;
  /** A real line of this kind, as published. */
  example: string;
}

export const BOILERPLATE: readonly BoilerplateRule[] = [
  { name: 'back-to-top', pattern: /^(?:回顶部|返回顶部|到底部|回到顶部)$/, example: '回顶部' },
  { name: 'report-link', pattern: /^我要举报$/, example: '我要举报' },
  { name: 'site-map', pattern: /^网站地图$/, example: '网站地图' },
  { name: 'record-number', pattern: /(?:备案号|ICP备|ICP证|公网安备)/, example: '湘ICP备05001234号 湘公网安备43068102000123号' },
  { name: 'editor', pattern: /^[【\[](?:责任)?编辑[:：][^】\]]*[】\]]$/, example: '【编辑:王晓】' },
  { name: 'photo-credit', pattern: /^.{0,40}(?:■|\s)\s*[\p{Script=Han}·]{2,4}\s*摄$/u, example: '蔡伦竹海风景区。 ■李振波 摄' },
];

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((rule) => rule.pattern.test(line));
}
