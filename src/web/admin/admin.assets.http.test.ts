import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ADMIN_DIST } from './admin.routes.ts';

// Static files: the database plays no part, so SQLite only.
describe('console assets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', {}, { serveAdmin: true });
  }, 120_000);
  afterAll(async () => t.close());

  it('hashed files: precompressed (brotli, gzip) and cached immutable; index.html revalidated', async () => {
    const js = readdirSync(`${ADMIN_DIST}assets`).find((f) => /^index-[\w-]+\.js$/.test(f))!;
    expect(js).toBeTruthy();
    const br = await t.app.inject({ url: `/admin/assets/${js}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await t.app.inject({ url: `/admin/assets/${js}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ url: `/admin/assets/${js}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(br.rawPayload.length);
    for (const url of ['/admin/', '/admin/applications/123']) {
      const page = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
