/**
 * Site chrome: what a web page puts around a notice and is never part of it (breadcrumbs,
 * footers, share widgets, record numbers, editor credits). The clean stage drops a line that one
 * of these rules matches whole (`clean/boilerplate-dropped` names the rule). Each rule is data
 * with a real line from a crawled page; add a row to teach it a new site.
 */
export interface ChromeRule {
  name: string;
  /** Tried against a whole trimmed line (`CHROME_LINES`) or anywhere in a line (`CHROME_FRAGMENTS`). */
  pattern: RegExp;
  /** A real line of this kind, as published. */
  example: string;
}

/** What a breadcrumb line opens with, colon or not: "当前位置: 首页>>要闻" / "您的位置: > >图片新闻". */
export const BREADCRUMB_WORDS = ['当前位置', '您的位置', '你的位置', '您现在的位置', '所在位置', '现在位置'];
/** A site's home page, as a breadcrumb names it first: "首页 >> 巡视巡察". */
export const HOME_WORDS = ['首页', '主页', '网站首页'];
/** A line that opens like a breadcrumb: one of its words, or a home page's, at its start. */
export const BREADCRUMB_START = new RegExp(`^(?:${[...BREADCRUMB_WORDS, ...HOME_WORDS].join('|')})`);

/**
 * Lines dropped whole. Every line of every notice is tried against each rule, so a rule that
 * allows some text before its marker names the marker first and looks behind from it
 * (`技术支持(?<=^.{0,40}技术支持)` for `^.{0,40}技术支持`): the engine then jumps to the marker
 * instead of trying each length of the text before it.
 */
export const CHROME_LINES: readonly ChromeRule[] = [
  { name: 'breadcrumb', pattern: new RegExp(`^(?:${BREADCRUMB_WORDS.join('|')})\\s*[:：]`), example: '当前位置: 首页>>要闻>>各镇动态' },
  { name: 'home-crumb', pattern: new RegExp(`^(?:${HOME_WORDS.join('|')})\\s*(?:>>?|->|»|＞|$)`), example: '首页 >> 巡视巡察' },
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
