/**
 * Shared parts of the 政府信息公开专栏 pages: the column navigation (指南, 制度, 法定主动公开内容,
 * 年报, 依申请公开) and the page frame around the foundation's `layout()`.
 */
import { html, type SafeHtml } from '../../../../http/html.ts';
import { layout, type Crumb } from '../../layout.ts';

export interface ColumnAgency {
  name: string;
  code: string;
}

export type ColumnPage = 'guide' | 'rules' | 'catalog' | 'reports' | 'search' | 'item';

const LINKS: Array<[ColumnPage | 'apply', string, (code: string) => string]> = [
  ['guide', '政府信息公开指南', (c) => `/gk/${c}/guide`],
  ['rules', '政府信息公开制度', (c) => `/gk/${c}/rules`],
  ['catalog', '法定主动公开内容', (c) => `/gk/${c}/catalog`],
  ['reports', '政府信息公开年报', (c) => `/gk/${c}/reports`],
  ['apply', '依申请公开', (c) => `/gk/${c}/apply`],
  ['search', '检索', (c) => `/gk/search?agency=${encodeURIComponent(c)}`],
];

/** The column's navigation, marking the current page. */
export function columnNav(agency: ColumnAgency, current: ColumnPage | null): SafeHtml {
  return html`<link rel="stylesheet" href="/gk-assets/catalog.css"><nav class="column-nav" aria-label="${agency.name}政府信息公开专栏"><ul>${LINKS.map(([key, label, href]) => html`<li><a href="${href(agency.code)}"${key === current ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>`;
}

/** A column page: breadcrumb 首页 › agency › page, the column navigation, then `body`. */
export function columnPage(
  agency: ColumnAgency,
  current: ColumnPage,
  title: string,
  body: SafeHtml,
  extraCrumbs: Crumb[] = [],
): string {
  return layout({
    title,
    siteName: agency.name,
    crumbs: [
      { label: '首页', href: '/' },
      { label: agency.name, href: `/gk/${agency.code}/` },
      ...extraCrumbs,
      { label: title },
    ],
    body: html`${columnNav(agency, current)}${body}`,
  });
}
