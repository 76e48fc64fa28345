/**
 * 法定主动公开内容: the statutory columns of 第二十条 (and 第二十一条 for local governments and
 * their departments) with the agency's own categories under them, and the list of items in a
 * column, newest first, 20 to a page.
 */
import { DOC_TYPE_LABELS, type DocType } from '../../../../domain/catalog/index.ts';
import { formatChineseDate } from '../../../../domain/time.ts';
import type { ListedItem } from '../../../../modules/catalog/catalog.repository.ts';
import type { Column } from '../../../../modules/catalog/public.service.ts';
import { html, raw, type SafeHtml } from '../../../../http/html.ts';
import { columnPage } from './column.ts';

/** One line of an item list, with an optional highlighted title and snippet (already escaped). */
export function itemLine(item: ListedItem, highlighted?: { titleHtml: string; snippetHtml: string }): SafeHtml {
  return html`<li><a href="/gk/items/${item.id}">${highlighted ? raw(highlighted.titleHtml) : item.title}</a><span class="meta">${item.docNumber ? html`${item.docNumber}\u3000` : ''}${DOC_TYPE_LABELS[item.docType as DocType] ?? ''}\u3000${item.publishedOn ? formatChineseDate(item.publishedOn) : ''}</span>${highlighted ? html`<p class="snippet">${raw(highlighted.snippetHtml)}</p>` : ''}</li>`;
}

/**
 * Previous/next links keeping the other query parameters; `exact` false means there are more
 * than `total` items (「共 N 条以上」). A page number past the end (an old or edited link) says so
 * and links back to the last page.
 */
export function pager(
  base: string,
  params: Record<string, string | number | undefined>,
  page: number,
  total: number,
  pageSize: number,
  exact = true,
): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) =>
    `${base}?${new URLSearchParams(
      Object.entries({ ...params, page: p })
        .filter(([, v]) => v !== undefined && String(v) !== '')
        .map(([k, v]) => [k, String(v)]),
    ).toString()}`;
  if (page > pages)
    return html`<nav class="pager" aria-label="分页"><span>没有第 ${page} 页：共 ${pages} 页，${total} 条${exact ? '' : '以上'}</span><a href="${href(pages)}" rel="prev">回到第 ${pages} 页</a></nav>`;
  return html`<nav class="pager" aria-label="分页">${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">上一页</a>` : ''}<span>第 ${page} / ${pages} 页，共 ${total} 条${exact ? '' : '以上'}</span>${page < pages ? html`<a href="${href(page + 1)}" rel="next">下一页</a>` : ''}</nav>`;
}

export interface CatalogPageModel {
  agency: { name: string; code: string };
  columns: Column[];
  /** The selected column (statutory item key) or category, if any. */
  selected: { item?: string; category?: string; label: string } | null;
  items: ListedItem[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

/** `/gk/:code/catalog` (all columns) and `/gk/:code/catalog?item=a20.1` or `?category=…` (one column). */
export function catalogPage(m: CatalogPageModel): string {
  const code = m.agency.code;
  const feed = m.selected?.item
    ? `/gk/${code}/feed.atom?item=${encodeURIComponent(m.selected.item)}`
    : m.selected?.category
      ? `/gk/${code}/feed.atom?category=${encodeURIComponent(m.selected.category)}`
      : `/gk/${code}/feed.atom`;
  const body = html`<h1>${m.selected ? m.selected.label : '法定主动公开内容'}</h1>
<ul class="cat-grid" aria-label="公开事项">${m.columns.map(
    (c) =>
      html`<li><span class="article">${c.item.article}</span><a href="/gk/${code}/catalog?item=${c.item.key}"${m.selected?.item === c.item.key ? html` aria-current="page"` : ''}>${c.item.name}</a>（${c.count}）${c.categories.length ? html`<ul>${c.categories.map((cat) => html`<li><a href="/gk/${code}/catalog?category=${cat.id}"${m.selected?.category === cat.id ? html` aria-current="page"` : ''}>${cat.name}</a>（${cat.count}）</li>`)}</ul>` : ''}</li>`,
  )}</ul>
<h2 id="list">${m.selected ? `${m.selected.label}：信息列表` : '最新公开'}</h2>
<p><a href="${feed}" type="application/atom+xml">订阅（Atom）</a></p>
${m.items.length ? html`<ul class="items" aria-labelledby="list">${m.items.map((i) => itemLine(i))}</ul>` : html`<p>暂无公开信息。</p>`}
${pager(`/gk/${code}/catalog`, { item: m.selected?.item, category: m.selected?.category }, m.page, m.total, m.pageSize, m.totalExact)}`;
  return columnPage(
    m.agency,
    'catalog',
    m.selected ? m.selected.label : '法定主动公开内容',
    body,
    m.selected ? [{ label: '法定主动公开内容', href: `/gk/${code}/catalog` }] : [],
  );
}
