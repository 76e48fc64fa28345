/**
 * The portal plugin of 主动公开: each agency's 政府信息公开指南, 制度, 法定主动公开内容, 年报
 * (extension point), item pages at stable URLs with their attachments, Atom feeds, the search
 * page and sitemap.xml. Server-rendered, no JavaScript; rate-limited like the rest of the portal.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { statutoryItem } from '../../../../domain/catalog/index.ts';
import { publicAgencies, publicAgencyByCode } from '../../../../modules/agencies/agencies.service.ts';
import { findPublic } from '../../../../modules/search/search.repository.ts';
import {
  agencyColumns,
  publicAttachment,
  publicItem,
  sitemapEntries,
} from '../../../../modules/catalog/public.service.ts';
import { listCategories } from '../../../../modules/catalog/settings.repository.ts';
import { settingsFor } from '../../../../modules/catalog/settings.service.ts';
import { searchPublic, type SearchParams } from '../../../../modules/search/search.service.ts';
import { shanghaiDate } from '../../../../domain/time.ts';
import { portalLimits } from '../../limits.ts';
import { notFoundPage } from '../agency.ts';
import { annualReportsPage, publishedAnnualReports } from '../reports/annual-reports.ts';
import { atomFeed, sitemap } from './feeds.ts';
import { guidePage, rulesPage } from './guide.ts';
import { itemPage } from './item.ts';
import { catalogPage } from './list.ts';
import { searchPage } from './search.ts';

const CSS = readFileSync(new URL('./catalog.css', import.meta.url), 'utf8');
const PAGE_SIZE = 20;

type CodeRequest = FastifyRequest<{ Params: { code: string } }>;

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The site's address for the public: GONGKAI_PUBLIC_URL, or the request's own when that was left at localhost. */
function siteUrlOf(publicUrl: string, request: FastifyRequest): string {
  return /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(publicUrl) ? origin(request) : publicUrl;
}

function toInt(v: unknown, min: number, max: number): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export const catalogPortal: FastifyPluginAsync = async (app) => {
  const { db, clock, config } = app.ctx;
  const limits = portalLimits(config);
  const siteUrl = (request: FastifyRequest) => siteUrlOf(config.publicUrl, request);
  const opts = { config: { rateLimit: limits.page } };
  /** The same for every reader: cached (page-cache.ts). */
  const publicPage = { config: { rateLimit: limits.page, publicPage: true } };

  async function agencyOr404(request: CodeRequest, reply: FastifyReply) {
    const agency = await publicAgencyByCode(db, request.params.code);
    if (!agency)
      void reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('没有找到该机关的政府信息公开专栏。'));
    return agency;
  }

  app.get('/gk-assets/catalog.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS),
  );

  app.get<{ Params: { code: string } }>('/gk/:code/guide', publicPage, async (request, reply) => {
    const agency = await agencyOr404(request, reply);
    if (!agency) return reply;
    const [settings, columns] = await Promise.all([settingsFor(db, agency.id), agencyColumns(db, agency, clock)]);
    return reply.type('text/html; charset=utf-8').send(
      guidePage({
        agency,
        indexRule: settings.indexRule,
        columnUrl: `${siteUrl(request)}/gk/${encodeURIComponent(agency.code)}/`,
        edited: settings.guide,
        columns: columns.map((c) => ({
          article: c.item.article,
          name: c.item.name,
          categories: c.categories.map((k) => k.name),
        })),
      }),
    );
  });

  app.get<{ Params: { code: string } }>('/gk/:code/rules', publicPage, async (request, reply) => {
    const agency = await agencyOr404(request, reply);
    if (!agency) return reply;
    return reply.type('text/html; charset=utf-8').send(rulesPage(agency, (await settingsFor(db, agency.id)).rulesHtml));
  });

  app.get<{ Params: { code: string } }>('/gk/:code/reports', publicPage, async (request, reply) => {
    const agency = await agencyOr404(request, reply);
    if (!agency) return reply;
    return reply
      .type('text/html; charset=utf-8')
      .send(annualReportsPage(agency, await publishedAnnualReports(db, agency.id)));
  });

  app.get<{ Params: { code: string }; Querystring: { item?: string; category?: string; page?: string } }>(
    '/gk/:code/catalog',
    publicPage,
    async (request, reply) => {
      const agency = await agencyOr404(request, reply);
      if (!agency) return reply;
      const q = request.query;
      const item = q.item ? statutoryItem(q.item) : undefined;
      if (q.item && !item)
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个公开事项或类别。'));
      const page = toInt(q.page, 1, 10_000) ?? 1;
      const now = clock.now();
      // Two statements, side by side: the columns (counts and categories) and the page with its
      // count. A category that is not the agency's matches nothing and is a 404 below.
      const [columns, result] = await Promise.all([
        agencyColumns(db, agency, clock),
        findPublic(db, {
          words: [],
          agency: { id: agency.id, subtree: false },
          statutoryItem: item?.key,
          categoryId: q.category || undefined,
          order: 'date',
          nowIso: now.toISOString(),
          today: shanghaiDate(now),
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
          text: 'none',
        }),
      ]);
      const category = q.category ? columns.flatMap((c) => c.categories).find((c) => c.id === q.category) : undefined;
      if (q.category && !category)
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('没有这个公开事项或类别。'));
      const selected = category
        ? { category: category.id, label: category.name }
        : item
          ? { item: item.key, label: item.name }
          : null;
      return reply.type('text/html; charset=utf-8').send(
        catalogPage({
          agency,
          columns,
          selected,
          items: result.items,
          total: result.total,
          totalExact: result.totalExact,
          page,
          pageSize: PAGE_SIZE,
        }),
      );
    },
  );

  app.get<{ Params: { code: string }; Querystring: { item?: string; category?: string } }>(
    '/gk/:code/feed.atom',
    publicPage,
    async (request, reply) => {
      const agency = await agencyOr404(request, reply);
      if (!agency) return reply;
      const now = clock.now();
      const category = request.query.category
        ? (await listCategories(db, [agency.id])).find((c) => c.id === request.query.category)
        : undefined;
      const item = request.query.item ? statutoryItem(request.query.item) : undefined;
      const { items } = await findPublic(db, {
        words: [],
        agency: { id: agency.id, subtree: false },
        statutoryItem: item?.key,
        categoryId: category?.id,
        order: 'date',
        nowIso: now.toISOString(),
        today: shanghaiDate(now),
        limit: 50,
        offset: 0,
        text: 'head',
      });
      const qs = category ? `?category=${category.id}` : item ? `?item=${item.key}` : '';
      const title = `${agency.name}政府信息公开${category ? ` · ${category.name}` : item ? ` · ${item.name}` : ''}`;
      return reply
        .type('application/atom+xml; charset=utf-8')
        .send(
          atomFeed(
            origin(request),
            { id: `/gk/${agency.code}/catalog${qs}`, self: `/gk/${agency.code}/feed.atom${qs}`, title },
            items,
          ),
        );
    },
  );

  app.get<{ Params: { id: string } }>('/gk/items/:id', publicPage, async (request, reply) => {
    const page = await publicItem(db, request.params.id, clock);
    if (!page)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(notFoundPage('没有找到这条政府信息，它可能尚未公开。'));
    return reply.type('text/html; charset=utf-8').send(itemPage(page, clock.now()));
  });

  app.get<{ Params: { id: string; fileId: string } }>('/gk/items/:id/files/:fileId', opts, async (request, reply) => {
    const file = await publicAttachment(db, request.params.id, request.params.fileId, clock);
    if (!file) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('没有找到这个附件。'));
    // Content-checked on upload; served with its checked type, as a download, never sniffed.
    return reply
      .type(file.mediaType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/gk/search',
    { config: { rateLimit: limits.search, publicPage: true } },
    async (request, reply) => {
      const q = request.query;
      const params: SearchParams = {
        q: (q.q ?? '').slice(0, 100),
        agency: q.agency || undefined,
        type: q.type || undefined,
        year: toInt(q.year, 1990, 2100),
        validity: q.validity || undefined,
        order: q.order === 'date' ? 'date' : 'relevance',
        page: toInt(q.page, 1, 500),
      };
      const agency = params.agency ? await publicAgencyByCode(db, params.agency) : null;
      const searching = Boolean(params.q?.trim()) || Boolean(params.type || params.year || params.validity);
      const result = searching ? await searchPublic(db, params, clock, agency ?? undefined) : null;
      return reply
        .type('text/html; charset=utf-8')
        .send(searchPage({ params, agency: agency ? { name: agency.name, code: agency.code } : null, result }));
    },
  );

  app.get('/sitemap.xml', publicPage, async (request, reply) => {
    const [agencies, items] = await Promise.all([publicAgencies(db), sitemapEntries(db, clock)]);
    return reply.type('application/xml; charset=utf-8').send(
      sitemap(
        origin(request),
        agencies.map((a) => a.code),
        items,
      ),
    );
  });
};
