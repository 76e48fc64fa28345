/**
 * The public portal: server-rendered pages that work without JavaScript. Rate-limited per
 * client address (setting GONGKAI_PUBLIC_RATE_LIMIT).
 */
import type { FastifyPluginAsync } from 'fastify';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { publicAgencies, publicAgencyByCode, type Agency } from '../../modules/agencies/agencies.service.ts';
import { agencyPage, notFoundPage } from './pages/agency.ts';
import { homePage, type AgencyNode } from './pages/home.ts';
import { catalogPortal } from './pages/catalog/catalog.portal.ts';
import { reportPortalRoutes } from './pages/reports/reports.portal.ts';
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
  const { db, config } = app.ctx;
  const rateLimit = { max: config.security.publicRateLimit, timeWindow: '1 minute' };

  await app.register(fastifyStatic, {
    root: join(fileURLToPath(new URL('.', import.meta.url)), 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });

  await app.register(catalogPortal);
  await app.register(reportPortalRoutes);
  await app.register(applicationsPortalRoutes);

  app.get('/', { config: { rateLimit } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return homePage(buildTree(await publicAgencies(db)));
  });

  app.get<{ Params: { code: string } }>('/gk/:code/', { config: { rateLimit } }, async (request, reply) => {
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
    return agencyPage({
      name: agency.name,
      code: agency.code,
      level: agency.level,
      contact: agency.contact,
      ancestors,
      children,
    });
  });

  app.get<{ Params: { code: string } }>('/gk/:code', async (request, reply) =>
    reply.redirect(`/gk/${encodeURIComponent(request.params.code)}/`, 301),
  );
};
