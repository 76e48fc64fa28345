/**
 * The public page cache (page-cache.ts) on both databases, with two app instances on one
 * database (two workers or two nodes): a publication, a withdrawal, a category and an agency
 * change are on the very next page of either instance; a scheduled publication turns up when
 * its instant passes without any write; ETag / 304; personal pages are never cached.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/connect.ts';
import type { Db } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';
import { matches } from './page-cache.ts';

// Two apps and a third with the cache off over the demo platform: slow on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

describeEachDialect('public page cache', (dialect) => {
  let t: TestApp;
  /** A second app on its own connection to the same database: another worker or node. */
  let other: FastifyInstance;
  let otherDb: Db;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    otherDb =
      dialect === 'sqlite'
        ? openDatabase({ kind: 'sqlite', file: t.testDb.url.slice('sqlite:'.length) })
        : openDatabase({ kind: 'postgres', url: process.env.GONGKAI_TEST_PG_URL! }, { schema: t.testDb.schema! });
    other = await buildApp({ db: otherDb, config: t.ctx.config, ...TEST_KEYS, clock: t.clock });
  });
  afterAll(async () => {
    await other?.close();
    await otherDb?.destroy();
    await t?.close();
  });

  const getA = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const getB = (url: string, headers: Record<string, string> = {}) => other.inject({ method: 'GET', url, headers });
  const h = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

  async function draft(title: string): Promise<string> {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items',
      headers: h(await t.login('gxj.clerk')),
      payload: {
        title,
        statutoryItem: 'a20.15',
        docType: 'notice',
        formedOn: '2026-02-27',
        bodyHtml: `<p>${title}</p>`,
      },
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  async function publish(id: string, publishAt: string | null = null): Promise<void> {
    const act = async (user: string, payload: object) => {
      const res = await other.inject({
        method: 'POST',
        url: `/api/v1/catalog/items/${id}/actions`,
        headers: h(await t.login(user)),
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act('gxj.clerk', { kind: 'submit' });
    await act('gxj.reviewer', { kind: 'confidentiality_pass', opinion: '不涉密' });
    await act('gxj.approver', { kind: 'approve', opinion: '同意', publishAt });
  }

  const version = async () =>
    Number((await t.ctx.db.selectFrom('public_content_version').select('version').executeTakeFirstOrThrow()).version);

  it('serves a public page from the cache on the second request, with an ETag and Cache-Control', async () => {
    const first = await getA('/gk/luojiang-gxj/catalog');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    const second = await getA('/gk/luojiang-gxj/catalog');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['cache-control']).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=60');
    expect(second.headers.vary).toBe('Cookie');
  });

  it('a publication through one instance is on the very next page of the other, list, item, feed and search', async () => {
    const urls = [
      '/gk/luojiang-gxj/catalog',
      '/gk/luojiang-gxj/feed.atom',
      '/',
      `/gk/search?q=${encodeURIComponent('窗口')}`,
    ];
    for (const url of urls) {
      await getA(url);
      await getB(url);
      expect((await getA(url)).headers['x-cache']).toBe('hit');
      expect((await getB(url)).headers['x-cache']).toBe('hit');
    }
    const id = await draft('关于调整企业服务窗口办公时间的通知');
    // A draft is nobody's business yet: the pages stay.
    const before = await version();
    expect((await getB('/gk/luojiang-gxj/catalog')).headers['x-cache']).toBe('hit');
    await publish(id);
    expect(await version()).toBeGreaterThan(before);
    for (const url of urls) {
      for (const get of [getA, getB]) {
        const res = await get(url);
        expect(res.headers['x-cache'], url).toBe('miss');
        // Search marks the words it found: compare the text without the marks.
        expect(res.body.replace(/<\/?mark>/g, ''), url).toContain('关于调整企业服务窗口办公时间的通知');
      }
    }
    const item = await getA(`/gk/items/${id}`);
    expect((await getA(`/gk/items/${id}`)).headers['x-cache']).toBe('hit');
    expect(item.body).toContain('关于调整企业服务窗口办公时间的通知');

    // Withdrawn through instance A: instance B's cached item page shows the withdrawal at once.
    expect((await getB(`/gk/items/${id}`)).statusCode).toBe(200);
    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/items/${id}/actions`,
      headers: h(await t.login('gxj.approver')),
      payload: { kind: 'withdraw', reason: '内容有误，撤回更正' },
    });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    const after = await getB(`/gk/items/${id}`);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body).toContain('内容有误，撤回更正');
    expect((await getB('/gk/luojiang-gxj/catalog')).body).not.toContain('关于调整企业服务窗口办公时间的通知');
  });

  it('an agency change written straight into the database (another node, a script) drops the pages too', async () => {
    expect((await getB('/gk/luojiang-gxj/guide')).statusCode).toBe(200);
    expect((await getB('/gk/luojiang-gxj/guide')).headers['x-cache']).toBe('hit');
    await t.ctx.db
      .updateTable('agency')
      .set({ contact_phone: '0595-22999999' })
      .where('code', '=', 'luojiang-gxj')
      .execute();
    const res = await getB('/gk/luojiang-gxj/guide');
    expect(res.headers['x-cache']).toBe('miss');
    expect(res.body).toContain('0595-22999999');
  });

  it('a past report (原文导入) withdrawn in the database drops the report list on the other instance', async () => {
    const agency = await t.ctx.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'luojiang-gxj')
      .executeTakeFirstOrThrow();
    const past = await t.ctx.db
      .selectFrom('past_report_publication')
      .selectAll()
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    expect((await getB('/gk/luojiang-gxj/reports')).body).toContain('原文导入');
    expect((await getB('/gk/luojiang-gxj/reports')).headers['x-cache']).toBe('hit');
    await t.ctx.db.deleteFrom('past_report_publication').where('id', '=', past.id).execute();
    const gone = await getB('/gk/luojiang-gxj/reports');
    expect(gone.headers['x-cache']).toBe('miss');
    expect(gone.body).not.toContain('原文导入');
    await t.ctx.db.insertInto('past_report_publication').values(past).execute();
    const back = await getB('/gk/luojiang-gxj/reports');
    expect(back.headers['x-cache']).toBe('miss');
    expect(back.body).toContain('原文导入');
  });

  it('a scheduled publication turns up when its instant passes, without any write', async () => {
    const id = await draft('关于定时公布的企业服务事项清单');
    const at = new Date(t.clock.now().getTime() + 60 * 60_000).toISOString();
    await publish(id, at);
    const hidden = await getA('/gk/luojiang-gxj/catalog');
    expect(hidden.body).not.toContain('关于定时公布的企业服务事项清单');
    expect((await getA('/gk/luojiang-gxj/catalog')).headers['x-cache']).toBe('hit');
    expect((await getA(`/gk/items/${id}`)).statusCode).toBe(404);
    const v = await version();
    t.clock.advanceMinutes(61);
    const shown = await getA('/gk/luojiang-gxj/catalog');
    expect(await version()).toBe(v);
    expect(shown.headers['x-cache']).toBe('miss');
    expect(shown.body).toContain('关于定时公布的企业服务事项清单');
    expect((await getA(`/gk/items/${id}`)).statusCode).toBe(200);
  });

  it('answers If-None-Match with 304, per display mode, and a new page with a new ETag', async () => {
    const url = '/gk/luojiang-gxj/rules';
    const page = await getA(url);
    const etag = page.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+-standard-[\w-]+"$/);
    const again = await getB(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    // From the cache too (the first request above stored it in A).
    const cached = await getA(url, { 'if-none-match': `W/${etag}` });
    expect(cached.statusCode).toBe(304);
    // Large text is another page for the browser: no 304 for the standard page's ETag.
    const large = await getA(url, { 'if-none-match': etag, cookie: 'gk_display=large' });
    expect(large.statusCode).toBe(200);
    expect(large.headers['x-cache']).toBe('hit');
    expect(large.body).toContain('class="display-large"');
    expect(large.headers.etag).not.toBe(etag);
    // The cached page is personalized per reader: the standard reader does not get large text.
    expect((await getA(url)).body).not.toContain('display-large');
    // The agency edits its 制度: the old ETag no longer matches anywhere.
    const agency = await t.ctx.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'luojiang-gxj')
      .executeTakeFirstOrThrow();
    await otherDb
      .updateTable('catalog_settings')
      .set({ rules_html: '<p>新的保密审查制度。</p>' })
      .where('agency_id', '=', agency.id)
      .execute();
    for (const get of [getA, getB]) {
      const res = await get(url, { 'if-none-match': etag });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('新的保密审查制度');
    }
  });

  it('never caches the application form or the tracking page (a CSRF token per reader)', async () => {
    for (const url of ['/gk/luojiang-gxj/apply', '/gk/luojiang-gxj/track']) {
      const one = await getA(url);
      const two = await getA(url);
      expect(one.statusCode).toBe(200);
      expect(one.headers['x-cache']).toBeUndefined();
      expect(two.headers['x-cache']).toBeUndefined();
      expect(one.headers.etag).toBeUndefined();
      expect(one.headers['cache-control']).toBe('no-store');
      const token = (b: string) => /name="csrf" value="([^"]+)"/.exec(b)![1];
      expect(token(two.body)).not.toBe(token(one.body));
    }
    // Attachments and the console's API are not portal pages.
    expect((await getA('/api/v1/public/search?q=x')).headers['x-cache']).toBeUndefined();
  });

  it('with the cache off, pages still carry an ETag and answer 304', async () => {
    const off = await createTestApp(dialect, { GONGKAI_PAGE_CACHE_MB: '0' });
    try {
      const page = await off.app.inject({ url: '/gk/luojiang-gxj/guide' });
      expect(page.headers['x-cache']).toBeUndefined();
      const again = await off.app.inject({
        url: '/gk/luojiang-gxj/guide',
        headers: { 'if-none-match': page.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
    } finally {
      await off.close();
    }
  });
});

describe('If-None-Match', () => {
  it('matches one of a list, a weak tag and the wildcard', () => {
    expect(matches('"a", "b"', '"b"')).toBe(true);
    expect(matches('W/"b"', '"b"')).toBe(true);
    expect(matches('*', '"b"')).toBe(true);
    expect(matches('"c"', '"b"')).toBe(false);
    expect(matches(undefined, '"b"')).toBe(false);
  });
});
