/**
 * The public portal: server-rendered pages that work without JavaScript. Rate-limited per
 * client address (limits.ts). Every HTML page passes through `personalizePage` on its way out:
 * the reader's 适老化 display mode, the switch and the site footer (display.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { publicAgencies, publicAgencyByCode, type Agency } from '../../modules/agencies/agencies.service.ts';
import { agencyPage, notFoundPage } from './pages/agency.ts';
import { homePage, type AgencyNode } from './pages/home.ts';
import { catalogPortal } from './pages/catalog/catalog.portal.ts';
import { reportPortalRoutes } from './pages/reports/reports.portal.ts';
import { publishedAnnualReports } from './pages/reports/annual-reports.ts';
import { findPublic } from '../../modules/search/search.repository.ts';
import { latestPerAgency } from '../../modules/catalog/public.service.ts';
import { shanghaiDate } from '../../domain/time.ts';
import { DISPLAY_COOKIE, displayValue, parseDisplay, personalizePage, readerDisplay, safeBack } from './display.ts';
import { portalLimits } from './limits.ts';
import { PublicPageCache } from './page-cache.ts';
import { applicationsPortalRoutes } from './pages/applications/applications.portal.ts';

function buildTree(agencies: Agency[]): AgencyNode[] {
  const nodes = new Map(
    agencies.map((a) => [a.id, { name: a.name, code: a.code, level: a.level, children: [] as AgencyNode[] }]),
  );
  const roots: AgencyNode[] = [];
  for (const a of agencies) {
    const node = nodes.get(a.id)!;
    const parent = a.parentId ? nodes.get(a.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // Governments before departments, then by name (the list is already sorted by name).
  const order = (n: AgencyNode) => (n.level === 'department' ? 1 : 0);
  const sort = (list: AgencyNode[]) => {
    list.sort((x, y) => order(x) - order(y));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

export const portalRoutes: FastifyPluginAsync = async (app) => {
  const { db, config, clock } = app.ctx;
  const rateLimit = portalLimits(config).page;
  const assets = join(fileURLToPath(new URL('.', import.meta.url)), 'assets');
  const favicon = readFileSync(join(assets, 'favicon.ico'));

  // Public pages from the cache (page-cache.ts), before the page is personalized below.
  new PublicPageCache(db, clock, config.pageCache, config.site).register(app);

  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      return payload;
    const mode = readerDisplay(request.query, request.cookies);
    // The page differs by the display cookie: a cache in front must keep the variants apart.
    reply.header('vary', 'Cookie');
    return personalizePage(payload, mode, safeBack(request.url), config.site);
  });

  // Browsers ask every site for /favicon.ico; answering it keeps the logs free of 404s.
  app.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon),
  );

  /** The 适老化 switch: stores the display mode and returns to the page (no JavaScript needed). */
  app.get<{ Querystring: { mode?: string; back?: string } }>(
    '/gk-display',
    { config: { rateLimit } },
    async (request, reply) => {
      const mode = parseDisplay(request.query.mode);
      reply.setCookie(DISPLAY_COOKIE, displayValue(mode), {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: config.security.secureCookies,
        maxAge: 365 * 24 * 3600,
      });
      return reply.header('cache-control', 'no-store').redirect(safeBack(request.query.back), 303);
    },
  );

  await app.register(fastifyStatic, {
    root: assets,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });

  await app.register(catalogPortal);
  await app.register(reportPortalRoutes);
  await app.register(applicationsPortalRoutes);

  app.get('/', { config: { rateLimit, publicPage: true } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    const agencies = await publicAgencies(db);
    const byId = new Map(agencies.map((a) => [a.id, a]));
    const updates = (await latestPerAgency(db, clock, 20)).flatMap((u) => {
      const a = byId.get(u.agencyId);
      return a ? [{ ...u, agency: { name: a.name, code: a.code } }] : [];
    });
    return homePage(buildTree(agencies), updates);
  });

  app.get<{ Params: { code: string } }>(
    '/gk/:code/',
    { config: { rateLimit, publicPage: true } },
    async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      const agency = await publicAgencyByCode(db, request.params.code);
      if (!agency) return reply.code(404).send(notFoundPage('没有找到该机关的政府信息公开专栏。'));
      const all = await publicAgencies(db);
      const byId = new Map(all.map((a) => [a.id, a]));
      const ancestors: Array<{ name: string; code: string }> = [];
      for (
        let p = agency.parentId ? byId.get(agency.parentId) : undefined;
        p;
        p = p.parentId ? byId.get(p.parentId) : undefined
      ) {
        ancestors.unshift({ name: p.name, code: p.code });
      }
      const children = all
        .filter((a) => a.parentId === agency.id)
        .map((a) => ({ name: a.name, code: a.code, level: a.level }));
      const now = clock.now();
      const [latest, reports] = await Promise.all([
        findPublic(db, {
          words: [],
          agency: { id: agency.id, subtree: false },
          order: 'date',
          nowIso: now.toISOString(),
          today: shanghaiDate(now),
          limit: 10,
          offset: 0,
          countCap: 10,
        }),
        publishedAnnualReports(db, agency.id),
      ]);
      return agencyPage({
        latest: latest.items,
        latestReport: reports[0] ?? null,
        name: agency.name,
        code: agency.code,
        level: agency.level,
        contact: agency.contact,
        ancestors,
        children,
      });
    },
  );

  app.get<{ Params: { code: string } }>('/gk/:code', async (request, reply) =>
    reply.redirect(`/gk/${encodeURIComponent(request.params.code)}/`, 301),
  );
};
