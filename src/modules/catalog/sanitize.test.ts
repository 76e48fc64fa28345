import { describe, expect, it } from 'vitest';
import { html } from '../../http/html.ts';
import { highlight } from '../search/snippet.ts';
import { plainText, sanitizeBody } from './sanitize.ts';

// Known payloads (OWASP XSS filter evasion cheat sheet and common variants).
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload=alert(1)>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '"><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</script>',
  '<a href=" javascript:alert(1)">x</a>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<a href="vbscript:msgbox(1)">x</a>',
];

const DANGEROUS =
  /<(script|iframe|object|embed|svg|math|style|form|input|base|meta|body|video|source|details)\b|\son\w+\s*=|javascript:|vbscript:|data:/i;

describe('known XSS payloads', () => {
  it.each(PAYLOADS)('body %s is neutralized', (payload) => {
    const clean = sanitizeBody(`<p>正文</p>${payload}`);
    expect(clean).not.toMatch(DANGEROUS);
    expect(clean).toContain('<p>正文</p>');
  });

  it.each(PAYLOADS)('title %s is escaped by the templates and the highlighter', (payload) => {
    expect(html`<h1>${payload}</h1>`.value).not.toMatch(/<(?!\/?h1>)[a-z]/i);
    expect(highlight(payload, ['alert'])).not.toMatch(/<(?!\/?mark>)[a-z]/i);
  });

  it('keeps the structure agencies use: headings, lists, tables, safe links', () => {
    const body =
      '<h2>一、总则</h2><ol><li>第一条</li></ol><table><tr><td colspan="2">表</td></tr></table><a href="https://www.gov.cn/">中国政府网</a>';
    expect(sanitizeBody(body)).toBe(
      '<h2>一、总则</h2><ol><li>第一条</li></ol><table><tr><td colspan="2">表</td></tr></table><a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>',
    );
    expect(plainText('<p>甲&amp;乙</p><p>丙</p>')).toBe('甲&乙\n丙');
  });
});
