/**
 * Makers of the copies researchers actually get, from a clean original: GB18030 bytes, a web
 * page, traditional script, pinyin after every character, a site footer with doubled
 * punctuation. Used by the metamorphic tests.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

let gbTable: Map<number, number[]> | undefined;

/**
 * A GB18030 encoder made by inverting Node's decoder over every two- and four-byte code once
 * (Node has no GB18030 encoder). Each BMP code decodes to exactly one UTF-16 unit, so a run of
 * codes decodes to a string aligned with them.
 */
function gb18030Table(): Map<number, number[]> {
  if (gbTable) return gbTable;
  const table = new Map<number, number[]>();
  const codes: number[][] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push([lead, trail]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) codes.push([b1, b2, b3, b4]);
  const decoder = new TextDecoder('gb18030');
  for (const code of codes) {
    const s = decoder.decode(Uint8Array.from(code));
    if (s.length === 1 && s !== '\uFFFD' && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), code);
  }
  gbTable = table;
  return table;
}

export function encodeGb18030(text: string): Uint8Array {
  const table = gb18030Table();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else {
      const code = table.get(c);
      if (!code || ch.length > 1) throw new Error(`no GB18030 code for U+${c.toString(16)}`);
      out.push(...code);
    }
  }
  return Uint8Array.from(out);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;');

/** The text as a crawled government page: navigation, a metadata bar, scripts, a footer, a sidebar. */
export function asHtmlPage(text: string): string {
  const paragraphs = text
    .split('\n')
    .map((line) => `      <p style="text-indent:2em">${escapeHtml(line)}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>巡察整改_县纪委监委网站</title>
  <script>var _hmt = _hmt || []; document.write("巡察整改进展");</script>
  <style>.main{width:1200px} p{line-height:2}</style>
</head>
<body>
  <header class="top"><div class="logo">县纪委监委网站</div><a href="/">首页</a> | <a href="/xxgk">信息公开</a> | <a href="/xsxc">巡视巡察</a></header>
  <nav class="crumb">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/xsxc">巡视巡察</a></nav>
  <div class="main">
    <div class="info">发布时间：2024-06-18&nbsp;&nbsp;&nbsp;来源：县纪委监委&nbsp;&nbsp;字体：【大 中 小】</div>
    <!-- 正文开始 -->
    <div class="TRS_Editor">
${paragraphs}
    </div>
    <!-- 正文结束 -->
    <div class="share">分享到：<a>微信</a> <a>微博</a> <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
  <aside class="side"><h3>热点推荐</h3><ul><li><a>市委巡察组进驻反馈会召开</a></li><li><a>关于开展巡察工作的公告</a></li></ul></aside>
  <footer>
    <p>版权所有：县纪律检查委员会 技术支持：某某网络科技有限公司</p>
    <p>备案号：湘ICP备05001234号 湘公网安备43068102000123号</p>
  </footer>
  <script src="/js/stat.js"></script>
</body>
</html>`;
}

let toTraditional: ((s: string) => string) | undefined;
export function asTraditional(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

/** Pinyin with tone marks in ASCII parentheses after every Han character: 根(gēn)据(jù). */
export function withPinyin(text: string): string {
  return text.replace(/\p{Script=Han}/gu, (c) => `${c}(${pinyin(c, { toneType: 'symbol' })})`);
}

/** A content-farm footer and doubled commas (every fifth comma). */
export function withFooterAndDoubledPunctuation(text: string): string {
  let n = 0;
  const doubled = text.replace(/,/g, () => (++n % 5 === 0 ? ',,' : ','));
  return `${doubled}\n\n【编辑:王晓】\n>>我要举报\n回顶部 到底部\n网站地图 | 联系我们\n版权所有 衡阳日报社 技术支持:某某网络\n湘ICP备05001234号 湘公网安备43068102000123号\n`;
}
