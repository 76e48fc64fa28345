/** Atom feeds (per agency, per statutory item or category) and sitemap.xml. */
import type { ListedItem } from '../../../../modules/catalog/catalog.repository.ts';
import { escapeHtml } from '../../../../http/html.ts';

const x = escapeHtml;

/** An Atom 1.0 feed of items, newest first. `base` is the site's origin, e.g. https://gk.example.gov.cn. */
export function atomFeed(base: string, feed: { id: string; title: string; self: string }, items: ListedItem[]): string {
  const updated = items[0]?.publishedAt ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${x(base + feed.id)}</id>
<title>${x(feed.title)}</title>
<link rel="self" href="${x(base + feed.self)}"/>
<link rel="alternate" type="text/html" href="${x(base + feed.id)}"/>
<updated>${x(updated)}</updated>
${items
  .map(
    (i) => `<entry>
<id>${x(`${base}/gk/items/${i.id}`)}</id>
<title>${x(i.title)}</title>
<link rel="alternate" type="text/html" href="${x(`${base}/gk/items/${i.id}`)}"/>
<published>${x(i.publishedAt ?? '')}</published>
<updated>${x(i.updatedAt > (i.publishedAt ?? '') ? i.updatedAt : (i.publishedAt ?? i.updatedAt))}</updated>
<author><name>${x(i.publisher)}</name></author>
<summary>${x(i.summary || i.bodyText.slice(0, 200))}</summary>
</entry>`,
  )
  .join('\n')}
</feed>`;
}

/** sitemap.xml: the home page, each agency's column pages and every public item. */
export function sitemap(base: string, agencyCodes: string[], items: Array<{ id: string; updatedAt: string }>): string {
  const urls = [
    `<url><loc>${x(base)}/</loc></url>`,
    ...agencyCodes.flatMap((c) =>
      ['/', '/guide', '/rules', '/catalog', '/reports'].map((p) => `<url><loc>${x(`${base}/gk/${c}${p}`)}</loc></url>`),
    ),
    ...items.map(
      (i) => `<url><loc>${x(`${base}/gk/items/${i.id}`)}</loc><lastmod>${x(i.updatedAt.slice(0, 10))}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>`;
}
