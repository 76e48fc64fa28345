/**
 * Serves the built console (dist/admin, made by `gongkai build-admin`) at /admin/, with every
 * unknown path under /admin/ answered by index.html so the client-side router can take it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';

export const ADMIN_DIST = fileURLToPath(new URL('../../../dist/admin/', import.meta.url));

export const adminRoutes: FastifyPluginAsync = async (app) => {
  if (!existsSync(`${ADMIN_DIST}index.html`)) {
    app.log.warn('dist/admin is missing: run `npx gongkai build-admin`');
    return;
  }
  await app.register(fastifyStatic, { root: ADMIN_DIST, prefix: '/admin/', decorateReply: true, wildcard: false, index: ['index.html'] });
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
  app.get('/admin/*', async (_request, reply) => reply.sendFile('index.html', ADMIN_DIST, { maxAge: 0 }));
};
