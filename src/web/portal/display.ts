/**
 * 适老化 display modes of the portal (GB/T 37668-2019; 工信部《互联网网站适老化通用设计规范》):
 * large text and high contrast, chosen with a link in the header. The choice lives in a cookie
 * (or `?display=` on one page, for a shared link) and the server renders the page with it —
 * no JavaScript needed. The frame's placeholders (display switch, site footer) are filled in
 * here, so every portal page gets them from the one layout.
 */
import type { Config } from '../../config/config.ts';
import { escapeHtml, html, type SafeHtml } from '../../http/html.ts';

export const DISPLAY_COOKIE = 'gk_display';

export interface DisplayMode {
  large: boolean;
  contrast: boolean;
}

/** `large`, `contrast`, `large,contrast` (any order) or anything else = standard. */
export function parseDisplay(value: string | undefined): DisplayMode {
  const parts = new Set((value ?? '').split(/[,\s+-]+/));
  return { large: parts.has('large'), contrast: parts.has('contrast') };
}

/** The reader's display mode for this request: `?display=` on the page, else the cookie. */
export function readerDisplay(query: unknown, cookies: Record<string, string | undefined>): DisplayMode {
  const q = query as Record<string, unknown> | undefined;
  const fromQuery = typeof q?.display === 'string' ? q.display : undefined;
  return parseDisplay(fromQuery ?? cookies[DISPLAY_COOKIE]);
}

export function displayValue(m: DisplayMode): string {
  return [m.large ? 'large' : '', m.contrast ? 'contrast' : ''].filter(Boolean).join(',') || 'standard';
}

/** Where the switch may send the reader back to: a path on this site, never another host. */
export function safeBack(back: string | undefined): string {
  if (!back || !back.startsWith('/') || back.startsWith('//') || back.startsWith('/\\') || /[\r\n]/.test(back))
    return '/';
  return back.slice(0, 1000);
}

function switchLinks(mode: DisplayMode, back: string): SafeHtml {
  const link = (next: DisplayMode, label: string, pressed: boolean) =>
    html`<a href="/gk-display?mode=${displayValue(next)}&amp;back=${encodeURIComponent(back)}" rel="nofollow" aria-pressed="${pressed ? 'true' : 'false'}" role="button">${label}</a>`;
  return html`<nav class="display-switch" aria-label="显示模式">${link({ ...mode, large: !mode.large }, mode.large ? '标准字号' : '大字模式', mode.large)}${link({ ...mode, contrast: !mode.contrast }, mode.contrast ? '标准配色' : '高对比度', mode.contrast)}</nav>`;
}

/** The footer lines: 主办单位, 网站标识码, ICP备案 and 公安备案 (when configured). */
export function siteFooter(site: Config['site']): SafeHtml {
  const parts = [
    site.sponsor ? html`<span>主办单位：${site.sponsor}</span>` : '',
    site.identifier ? html`<span>网站标识码：${site.identifier}</span>` : '',
    site.icp ? html`<span><a href="https://beian.miit.gov.cn/" rel="noopener">${site.icp}</a></span>` : '',
    site.psb ? html`<span>${site.psb}</span>` : '',
  ].filter(Boolean);
  return parts.length ? html`<p class="site-ids">${parts.map((p, i) => html`${i ? '\u3000' : ''}${p}`)}</p>` : html``;
}

/** Fills a rendered page's frame for this reader: the display classes, the switch and the footer. */
export function personalizePage(page: string, mode: DisplayMode, back: string, site: Config['site']): string {
  const classes = [mode.large ? 'display-large' : '', mode.contrast ? 'display-contrast' : ''].filter(Boolean);
  let out = page.replace('<!--gk:display-switch-->', switchLinks(mode, back).value);
  out = out.replace('<!--gk:site-footer-->', siteFooter(site).value);
  if (classes.length)
    out = out.replace('<html lang="zh-CN">', `<html lang="zh-CN" class="${escapeHtml(classes.join(' '))}">`);
  return out;
}
