/**
 * Serves the built console (dist/admin, made by `npm run build`) at /admin/, with every
 * unknown path under /admin/ answered by index.html so the client-side router can take it.
 * The build writes .br and .gz beside each file, sent to browsers that accept them. Files under
 * assets/ carry a content hash in their names, so they never change: cached for a year,
 * `immutable`; index.html, which names them, is revalidated on every load.
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
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, file) => {
      res.setHeader(
        'cache-control',
        /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
  app.get('/admin/*', async (_request, reply) => reply.sendFile('index.html', ADMIN_DIST));
};
