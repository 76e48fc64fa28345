/**
 * The search page `/gk/search`: a plain GET form (works without JavaScript) with the filters of
 * the search service, and the results with highlighted titles and snippets.
 */
import { DOC_TYPE_LABELS, VALIDITY_LABELS } from '../../../../domain/catalog/index.ts';
import type { SearchParams, SearchResult } from '../../../../modules/search/search.service.ts';
import { html } from '../../../../http/html.ts';
import { layout } from '../../layout.ts';
import { columnNav } from './column.ts';
import { itemLine, pager } from './list.ts';

export interface SearchPageModel {
  params: SearchParams;
  agency: { name: string; code: string } | null;
  result: SearchResult | null;
}

const opt = (value: string, label: string, selected: string | undefined) =>
  html`<option value="${value}"${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;

/** `/gk/search?q=…&agency=…&type=…&year=…&validity=…&order=…`. */
export function searchPage(m: SearchPageModel): string {
  const p = m.params;
  const years = Array.from({ length: 12 }, (_, k) => String(new Date().getUTCFullYear() - k));
  const r = m.result;
  const body = html`${m.agency ? columnNav(m.agency, 'search') : ''}
<h1>检索政府信息</h1>
<form class="search-form" method="get" action="/gk/search" role="search">
<label>关键词<input type="search" name="q" value="${p.q ?? ''}" maxlength="100"></label>
${m.agency ? html`<label>范围<select name="agency">${opt(m.agency.code, `${m.agency.name}及下级`, p.agency)}${opt('', '全部机关', p.agency)}</select></label>` : ''}
<label>文件类型<select name="type">${opt('', '全部', p.type)}${Object.entries(DOC_TYPE_LABELS).map(([k, v]) => opt(k, v, p.type))}</select></label>
<label>发布年份<select name="year">${opt('', '全部', p.year ? String(p.year) : '')}${years.map((y) => opt(y, `${y}年`, p.year ? String(p.year) : ''))}</select></label>
<label>有效性<select name="validity">${opt('', '全部', p.validity)}${Object.entries(VALIDITY_LABELS).map(([k, v]) => opt(k, v, p.validity))}</select></label>
<label>排序<select name="order">${opt('relevance', '相关度', p.order)}${opt('date', '发布日期', p.order)}</select></label>
<button type="submit">检索</button>
</form>
${
  r
    ? html`<h2 id="results">检索结果</h2><p role="status">${r.total > 0 ? `找到 ${r.total} 条${r.totalExact ? '' : '以上'}` : '没有找到相关信息，请换一个关键词或放宽筛选条件。'}</p>
<ul class="items" aria-labelledby="results">${r.hits.map((h) => itemLine(h.item, h))}</ul>
${r.total > r.pageSize || r.page > 1 ? pager('/gk/search', { q: p.q, agency: p.agency, type: p.type, year: p.year, validity: p.validity, order: p.order }, r.page, r.total, r.pageSize, r.totalExact) : ''}`
    : ''
}`;
  return layout({
    title: p.q ? `检索：${p.q}` : '检索',
    crumbs: [
      { label: '首页', href: '/' },
      ...(m.agency ? [{ label: m.agency.name, href: `/gk/${m.agency.code}/` }] : []),
      { label: '检索' },
    ],
    body: m.agency ? body : html`<link rel="stylesheet" href="/gk-assets/catalog.css">${body}`,
  });
}
