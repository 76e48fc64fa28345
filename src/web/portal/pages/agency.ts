import { AGENCY_LEVEL_LABELS, isGovernment, type AgencyContact, type AgencyLevel } from '../../../domain/agency.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import { html } from '../../../http/html.ts';
import type { ListedItem } from '../../../modules/catalog/catalog.repository.ts';
import { layout, type Crumb } from '../layout.ts';
import { columnNav } from './catalog/column.ts';
import { itemLine } from './catalog/list.ts';
import { contactEntries } from './contact.ts';
import type { PublishedAnnualReport } from './reports/annual-reports.ts';

export interface AgencyPageModel {
  name: string;
  code: string;
  level: AgencyLevel;
  contact: AgencyContact;
  ancestors: Array<{ name: string; code: string }>;
  children: Array<{ name: string; code: string; level: AgencyLevel }>;
  /** The newest public items, newest first. */
  latest: ListedItem[];
  /** The newest published annual report, if any. */
  latestReport: PublishedAnnualReport | null;
}

/** The column's sections, each with what a reader finds there. */
const SECTIONS: Array<[string, string, (code: string) => string]> = [
  ['政府信息公开指南', '公开的内容、方式、申请办法和联系方式', (c) => `/gk/${c}/guide`],
  ['政府信息公开制度', '本机关政府信息公开工作的制度', (c) => `/gk/${c}/rules`],
  ['法定主动公开内容', '按《条例》第二十条、第二十一条编排的信息', (c) => `/gk/${c}/catalog`],
  ['政府信息公开年报', '历年政府信息公开工作年度报告', (c) => `/gk/${c}/reports`],
  ['依申请公开', '在线提交政府信息公开申请', (c) => `/gk/${c}/apply`],
  ['查询申请办理进度', '凭申请编号和查询码查询、补正、下载答复', (c) => `/gk/${c}/track`],
];

/**
 * `/gk/:code/`: an agency's 政府信息公开专栏 front page: a search box over the column, the
 * column's sections (指南, 制度, 法定主动公开内容, 年报, 依申请公开), the latest information,
 * the latest annual report, the disclosure office's contact elements (第十二条) and, for a
 * government, its agencies.
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
    body: html`${columnNav({ name: m.name, code: m.code }, null)}<h1>${m.name}政府信息公开专栏<span class="tag">${AGENCY_LEVEL_LABELS[m.level]}</span></h1>
<form class="front-search" method="get" action="/gk/search" role="search" aria-label="检索本专栏">
<input type="hidden" name="agency" value="${m.code}">
<label for="front-q">检索本专栏</label>
<input id="front-q" type="search" name="q" maxlength="100" placeholder="输入标题、文号或关键词">
<button type="submit">检索</button>
</form>
<nav aria-labelledby="sections"><h2 id="sections" class="visually-hidden">专栏栏目</h2>
<ul class="front-sections">${SECTIONS.map(([label, hint, href]) => html`<li><a href="${href(m.code)}">${label}</a><span>${hint}</span></li>`)}</ul>
</nav>
<div class="front-grid">
<section aria-labelledby="latest" class="front-latest">
<h2 id="latest">最新公开</h2>
${m.latest.length ? html`<ul class="items" aria-labelledby="latest">${m.latest.map((i) => itemLine(i))}</ul><p><a href="/gk/${m.code}/catalog">更多法定主动公开内容</a>\u3000<a href="/gk/${m.code}/feed.atom" type="application/atom+xml">订阅（Atom）</a></p>` : html`<p>本机关尚未在本专栏公开信息。</p>`}
</section>
<section aria-labelledby="annual" class="front-report">
<h2 id="annual">政府信息公开工作年度报告</h2>
${m.latestReport ? html`<p><a href="${m.latestReport.href}">${m.latestReport.title}</a><br><span class="meta">${formatChineseDate(m.latestReport.publishedOn)}发布</span></p>` : html`<p>本机关尚未在本专栏发布年度报告。</p>`}
<p><a href="/gk/${m.code}/reports">历年年度报告</a></p>
</section>
</div>
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
