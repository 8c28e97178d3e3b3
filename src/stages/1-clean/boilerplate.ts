/**
 * What a web page adds around a notice and what is never part of it: whole chrome lines
 * (breadcrumbs, footers, share widgets), chrome fragments glued into a header line, and
 * punctuation a copy doubled. Each rule is data with a real example from a crawled page.
 */
import { type MappedText, TextMapBuilder, rewrite } from './text-map.js';
import { type StepResult, message } from './step.js';

export interface BoilerplateRule {
  name: string;
  /** Tried against a whole trimmed line (`BOILERPLATE`) or anywhere in a line (`FRAGMENTS`). */
  pattern: RegExp;
  /** A real line of this kind, as published. */
  example: string;
}

/**
 * Lines dropped whole. Every line of every notice is tried against each rule, so a rule that
 * allows some text before its marker names the marker first and looks behind from it
 * (`技术支持(?<=^.{0,40}技术支持)` for `^.{0,40}技术支持`): the engine then jumps to the marker
 * instead of trying each length of the text before it.
 */
export const BOILERPLATE: readonly BoilerplateRule[] = [
  { name: 'breadcrumb', pattern: /^(?:当前位置|您的位置|您现在的位置|所在位置|现在位置)\s*[:：]/, example: '当前位置: 首页>>要闻>>各镇动态' },
  { name: 'home-crumb', pattern: /^(?:首页|主页|网站首页)\s*(?:>>?|->|»|＞|$)/, example: '首页 >> 巡视巡察' },
  { name: 'arrow-crumb', pattern: /^(?:->|>>|»)\s*[^。，,]{1,30}(?:\s*(?:->|>>?|»)\s*[^。，,]{1,20})+$/, example: '-> 要闻 -> 审计通告 -> 审计公告' },
  { name: 'article-crumb', pattern: /正文$(?<=^[^。，,]{1,30}(?:>|>>|»)\s*[^。，,]{1,20}(?:>|>>|»)\s*正文)/, example: '新华网>廉政> 正文' },
  { name: 'font-size', pattern: /^(?:字体大小|字体|字号)\s*[:：]?\s*(?:[【\[]?\s*[大中小]?\s*[】\]]?\s*)*(?:打印|打印本页)?\s*$/, example: '字体:【 打印' },
  { name: 'eye-care', pattern: /保护视力色(?<=^.{0,20}保护视力色)/, example: '保护视力色: 杏仁黄 秋叶褐 胭脂红 芥末绿 天蓝 雪青 灰 银河白(默认色)' },
  { name: 'share', pattern: /^分享到\s*[:：]?/, example: '分享到:' },
  { name: 'qr-code', pattern: /^扫一扫?(?:在手机(?:上)?打开当前页|分享|.{0,12})$/, example: '扫一扫在手机打开当前页' },
  { name: 'page-tools', pattern: /^(?:[【\[]?\s*(?:朗读|打印本页|打印|关闭窗口|关闭|收藏|纠错|返回|加入收藏)\s*[】\]]?[\s|｜/]*)+$/, example: '【打印本页】 【关闭窗口】' },
  { name: 'back-to-top', pattern: /^(?:(?:回顶部|返回顶部|回到顶部|到底部|TOP)\s*)+$/i, example: '回顶部 到底部' },
  { name: 'report-link', pattern: /^(?:>>|>|»)?\s*我要举报$/, example: '>>我要举报' },
  { name: 'site-map', pattern: /^(?:网站地图|站点地图)/, example: '网站地图sitemap备案号:豫ICP备17022679号-2 技术支持:河南七度网络' },
  { name: 'record-number', pattern: /备案号|ICP备|ICP证|公网安备|网站标识码/, example: '网站标识码:4115210001 豫公网安备41152102000003号 豫ICP备12025861号-1' },
  { name: 'copyright', pattern: /版权所有|Copyright|All Rights Reserved|^©/i, example: 'Copyright @ 2017 www.luoshan.gov.cn All Rights Reserved. 河南省信阳市罗山县人民政府' },
  { name: 'tech-support', pattern: /技术支持(?<=^.{0,40}技术支持)\s*[:：]/, example: '技术支持:河南七度网络' },
  { name: 'site-owner', pattern: /^(?:主办单位|主办|承办单位)\s*[:：].{0,80}(?:电话|承办|地址)|负责日常维护$/, example: '主办单位:罗山县人民政府 承办:罗山县人民政府办公室 电话:0376-2178559' },
  { name: 'editor', pattern: /^[【\[]?\s*(?:责任编辑|责编|编辑|审核|校对|终审)\s*[:：][^。，,]{0,30}[】\]]?$/, example: '【编辑:胡苏 雷昕】' },
  { name: 'e-paper', pattern: /^[\p{Script=Han}]{2,10}电子报$/u, example: '衡阳晚报电子报' },
  { name: 'masthead', pattern: /国内统一刊号|^CN\d{2}-\d{4}/, example: '国内统一刊号:CN53-0011 大理日报社出版权威性·影响力·责任感' },
  { name: 'photo-credit', pattern: /摄$(?<=^.{0,40}(?:■|\s)\s*[\p{Script=Han}·]{2,4}\s*摄)/u, example: '蔡伦竹海风景区。 ■李振波 摄' },
];

/** Chrome glued into a line that also carries something worth keeping (a 发布日期). */
export const FRAGMENTS: readonly BoilerplateRule[] = [
  { name: 'visits', pattern: /(?:访问量|浏览量|浏览次数|阅读量|阅读次数|点击数|点击量|点击率)[ \t\u3000]*[:：][ \t\u3000]*(?:\d+[ \t\u3000]*次?)?/g, example: '来源:博兴县纪委监委网站      发布时间:2025-05-12       浏览量:0 次' },
  { name: 'font-size', pattern: /(?:字体大小|字号|字体)[ \t\u3000]*[:：][ \t\u3000]*(?:[【\[][ \t\u3000]*[大中小]?[ \t\u3000]*[】\]][ \t\u3000]*)*(?:[大中小](?:[ \t\u3000]+[大中小]){1,2})?/g, example: '发布日期:2023-01-06 11:16信息来源:宁波市审计局浏览次数: 字号:[ ] 色调调节:' },
  { name: 'colour', pattern: /(?:色调调节|背景色|保护视力色)[ \t\u3000]*[:：]?/g, example: '发布日期:2023-01-06 11:16信息来源:宁波市审计局浏览次数: 字号:[ ] 色调调节:' },
];

/**
 * The longest line that may be chrome, in code units. The longest chrome line of the corpus and
 * its dev and wild sets has 145 (a site map, record numbers and a certificate number run
 * together); a longer line carries text: a notice copied with its line breaks lost is one line
 * that starts 当前位置:首页>>… and goes on for pages, and is the notice.
 */
export const MAX_CHROME_LINE = 200;

export function isBoilerplate(line: string): boolean {
  return boilerplateRule(line) !== undefined;
}

/** The rule a trimmed line matches, if any. */
export function boilerplateRule(line: string): BoilerplateRule | undefined {
  return line.length > MAX_CHROME_LINE ? undefined : BOILERPLATE.find((rule) => rule.pattern.test(line));
}

/**
 * Doubled punctuation a copy leaves when it drops a word or joins fields: ,, → ,  ,。 → 。
 * 、、 → 、  。。 → 。 (an ellipsis …… and a dash —— are real and kept).
 */
export const DOUBLED_PUNCTUATION = /([,，、;；])[,，、;；]+|[,，、;；]+([。.!！?？])|([。！？])\3+/g;

function collapsePunctuation(input: MappedText): { text: MappedText; count: number } {
  let count = 0;
  const text = rewrite(input, DOUBLED_PUNCTUATION, (m) => {
    count++;
    return m[1] ?? m[2] ?? m[3] ?? null;
  });
  return { text, count };
}

/**
 * Drops chrome lines (with their line break), cuts chrome fragments out of header lines and
 * collapses doubled punctuation. Reports what it dropped as info messages.
 */
export function stripBoilerplate(input: MappedText): StepResult {
  const src = input.text;
  const b = new TextMapBuilder(input);
  const dropped: string[] = [];
  const lineRe = /[^\n]*\n?/g;
  for (let m = lineRe.exec(src); m && m[0].length > 0; m = lineRe.exec(src)) {
    const line = m[0].replace(/\r?\n$/, '').trim();
    const rule = line ? boilerplateRule(line) : undefined;
    if (rule) {
      dropped.push(rule.name);
      continue;
    }
    b.keep(m.index, m.index + m[0].length);
  }
  let text = dropped.length ? b.build() : input;
  let fragments = 0;
  for (const rule of FRAGMENTS) {
    text = rewrite(text, rule.pattern, () => {
      fragments++;
      return '';
    });
  }
  const punct = collapsePunctuation(text);
  text = punct.text;
  const messages = [];
  if (dropped.length) {
    const names = [...new Set(dropped)].join(', ');
    messages.push(message('info', 'clean/boilerplate-dropped', `dropped ${dropped.length} site chrome lines (${names})`, null));
  }
  if (fragments) messages.push(message('info', 'clean/boilerplate-cut', `cut ${fragments} chrome fragments from header lines`, null));
  if (punct.count) messages.push(message('info', 'clean/doubled-punctuation', `collapsed ${punct.count} doubled punctuation marks`, null));
  return { text, flags: [], messages };
}
