/**
 * Serves the built console (dist/admin, made by `npm run build`) at /admin/, with every
 * unknown path under /admin/ answered by index.html so the client-side router can take it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';

import { projectPaths } from '../../config/paths.ts';

export const ADMIN_DIST = `${projectPaths.adminDist}/`;

export const adminRoutes: FastifyPluginAsync = async (app) => {
  if (!existsSync(`${ADMIN_DIST}index.html`)) {
    app.log.warn('dist/admin is missing: run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, {
    root: ADMIN_DIST,
    prefix: '/admin/',
    decorateReply: true,
    wildcard: false,
    index: ['index.html'],
  });
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
  app.get('/admin/*', async (_request, reply) => reply.sendFile('index.html', ADMIN_DIST, { maxAge: 0 }));
};
