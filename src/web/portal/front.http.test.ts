/**
 * The column front page, the platform home page, the favicon, the site footer settings and the
 * 适老化 display switch, through inject() (no JavaScript involved anywhere).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { parseDisplay, personalizePage, safeBack } from './display.ts';

describeEachDialect('portal front pages', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      GONGKAI_SITE_IDENTIFIER: '3505040001',
      GONGKAI_SITE_ICP: '闽ICP备12345678号-1',
      GONGKAI_SITE_SPONSOR: '泉州市洛江区人民政府办公室',
    });
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('the column front page opens with search, the sections, the latest items and the annual report', async () => {
    const res = await get('/gk/luojiang-gxj/');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toMatch(/<form class="front-search" method="get" action="\/gk\/search"/);
    expect(body).toContain('<input type="hidden" name="agency" value="luojiang-gxj">');
    for (const href of ['guide', 'rules', 'catalog', 'reports', 'apply', 'track'])
      expect(body).toContain(`href="/gk/luojiang-gxj/${href}"`);
    const latest = body.slice(body.indexOf('id="latest"'), body.indexOf('id="annual"'));
    const links = [...latest.matchAll(/href="\/gk\/items\/([0-9a-f-]{36})"/g)];
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(10);
    // Newest first: the dates in the list never increase.
    const dates = [...latest.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map(
      (m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
    );
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body).toContain('政府信息公开工作年度报告');
    expect(body).toContain('办公地址');
  });

  it('the platform home page lists each agency once with its newest item', async () => {
    const body = (await get('/')).body;
    const section = body.slice(body.indexOf('id="updates"'), body.indexOf('id="agencies"'));
    const agencies = [...section.matchAll(/<li><a href="\/gk\/([^/]+)\/">/g)].map((m) => m[1]);
    expect(agencies.length).toBeGreaterThan(0);
    expect(new Set(agencies).size).toBe(agencies.length);
    expect(section).toMatch(/href="\/gk\/items\/[0-9a-f-]{36}"/);
  });

  it('serves a favicon and links it from every page', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    expect(ico.rawPayload.readUInt16LE(2)).toBe(1); // ICO header: type 1 = icon
    expect((await get('/assets/favicon.svg')).statusCode).toBe(200);
    expect((await get('/gk/luojiang-gxj/guide')).body).toContain('<link rel="icon" href="/favicon.ico"');
  });

  it('the footer shows 网站标识码, ICP备案 and 主办单位 from the settings', async () => {
    const body = (await get('/gk/luojiang-gxj/catalog')).body;
    expect(body).toContain('网站标识码：3505040001');
    expect(body).toContain('闽ICP备12345678号-1');
    expect(body).toContain('主办单位：泉州市洛江区人民政府办公室');
    expect(body).not.toContain('<!--gk:');
  });

  it('the 适老化 switch sets a cookie, returns to the page and the page is rendered large and high-contrast', async () => {
    const plain = await get('/gk/luojiang-gxj/');
    expect(plain.body).toContain('<html lang="zh-CN">');
    expect(plain.body).toContain('href="/gk-display?mode=large&amp;back=%2Fgk%2Fluojiang-gxj%2F"');
    const set = await get('/gk-display?mode=large,contrast&back=/gk/luojiang-gxj/');
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe('/gk/luojiang-gxj/');
    const cookie = set.cookies.find((c) => c.name === 'gk_display')!;
    expect(cookie.value).toBe('large,contrast');
    const large = await get('/gk/luojiang-gxj/', `gk_display=${cookie.value}`);
    expect(large.body).toContain('<html lang="zh-CN" class="display-large display-contrast">');
    expect(large.body).toContain('标准字号');
    expect(large.headers.vary).toContain('Cookie');
    expect((await get('/gk/luojiang-gxj/guide?display=large')).body).toContain('class="display-large"');
    // The switch never sends the reader to another site.
    expect((await get('/gk-display?mode=large&back=//evil.example/')).headers.location).toBe('/');
    expect((await get('/gk-display?mode=large&back=https://evil.example/')).headers.location).toBe('/');
  });
});

describe('display and footer rules', () => {
  it('parses modes, refuses foreign return addresses and escapes the footer', () => {
    expect(parseDisplay('contrast,large')).toEqual({ large: true, contrast: true });
    expect(parseDisplay('"><script>')).toEqual({ large: false, contrast: false });
    expect(safeBack('/\\evil.example')).toBe('/');
    expect(safeBack('/gk/a/?q=1')).toBe('/gk/a/?q=1');
    const site = { identifier: null, icp: null, psb: null, sponsor: '<b>办公室</b>' };
    const page = personalizePage(
      '<html lang="zh-CN"><!--gk:display-switch--><!--gk:site-footer-->',
      { large: false, contrast: false },
      '/"><script>',
      site,
    );
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
  });

  it('refuses malformed site settings with the variable named', () => {
    expect(() => loadConfig({ GONGKAI_SITE_IDENTIFIER: '12345' })).toThrow(/GONGKAI_SITE_IDENTIFIER/);
    expect(() => loadConfig({ GONGKAI_SITE_ICP: '备案号' })).toThrow(/GONGKAI_SITE_ICP/);
    expect(loadConfig({}).security.publicRateLimit).toBe(1200);
  });
});
