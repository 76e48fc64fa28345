import { AGENCY_LEVEL_LABELS, isGovernment, type AgencyContact, type AgencyLevel } from '../../../domain/agency.ts';
import { html } from '../../../http/html.ts';
import { layout, type Crumb } from '../layout.ts';
import { columnNav } from './catalog/column.ts';
import { contactEntries } from './contact.ts';

export interface AgencyPageModel {
  name: string;
  code: string;
  level: AgencyLevel;
  contact: AgencyContact;
  ancestors: Array<{ name: string; code: string }>;
  children: Array<{ name: string; code: string; level: AgencyLevel }>;
}

/**
 * `/gk/:code/`: an agency's 政府信息公开专栏 landing page. It shows the contact elements that
 * 第十二条 requires of the 政府信息公开指南, and a government's agencies. The catalog, the
 * annual reports and the application form join it with their features.
 */
export function agencyPage(m: AgencyPageModel): string {
  const c = m.contact;
  const contactRows = contactEntries(c).filter(([, v]) => v);
  const crumbs: Crumb[] = [
    { label: '首页', href: '/' },
    ...m.ancestors.map((a) => ({ label: a.name, href: `/gk/${a.code}/` })),
    { label: m.name },
  ];
  const children = m.children;
  return layout({
    title: `${m.name}政府信息公开专栏`,
    siteName: m.name,
    crumbs,
    body: html`${columnNav({ name: m.name, code: m.code }, null)}<h1>${m.name}<span class="tag">${AGENCY_LEVEL_LABELS[m.level]}</span></h1>
<section aria-labelledby="office">
<h2 id="office">政府信息公开工作机构</h2>
${contactRows.length ? html`<dl class="contact">${contactRows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : html`<p>本机关尚未登记联系方式。</p>`}
</section>
${
  children.length
    ? html`<section aria-labelledby="subs">
<h2 id="subs">${isGovernment(m.level) ? '所属部门和下级政府' : '下属机构'}</h2>
<ul class="columns">${children.map((ch) => html`<li><a href="/gk/${ch.code}/">${ch.name}</a><br><span class="tag">${AGENCY_LEVEL_LABELS[ch.level]}</span></li>`)}</ul>
</section>`
    : ''
}`,
  });
}

export function notFoundPage(message: string): string {
  return layout({
    title: '页面不存在',
    crumbs: [{ label: '首页', href: '/' }, { label: '页面不存在' }],
    body: html`<h1>页面不存在</h1><p>${message}</p><p><a href="/">返回首页</a></p>`,
  });
}

export function errorPage(message: string): string {
  return layout({ title: '出错了', body: html`<h1>出错了</h1><p>${message}</p><p><a href="/">返回首页</a></p>` });
}
