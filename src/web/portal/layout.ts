import { html, type SafeHtml } from '../../http/html.ts';

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * The portal page frame: language zh-CN, a skip link, landmarks and a breadcrumb, so that the
 * pages work without JavaScript and with a screen reader (WCAG 2.1 AA, GB/T 37668). The
 * `<!--gk:…-->` placeholders are filled per reader by `personalizePage` (display.ts): the 适老化
 * switch and the site's 网站标识码 / ICP备案 / 主办单位 footer.
 */
export function layout(page: { title: string; crumbs?: Crumb[]; body: SafeHtml; siteName?: string }): string {
  const crumbs = page.crumbs ?? [];
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} - ${page.siteName ?? '政府信息公开'}</title>
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/portal.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header" role="banner">
  <div class="wrap"><a class="brand" href="/">政府信息公开</a><!--gk:display-switch--></div>
</header>
${crumbs.length > 0 ? html`<nav class="crumbs wrap" aria-label="当前位置"><ol>${crumbs.map((c, i) => (c.href && i < crumbs.length - 1 ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`))}</ol></nav>` : ''}
<main id="main" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="site-footer" role="contentinfo"><div class="wrap"><p>依据《中华人民共和国政府信息公开条例》公开 · 由 Gongkai（公开）开源平台提供</p><!--gk:site-footer--></div></footer>
</body>
</html>`}`;
}
