import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../test/support/app.ts';
import { normalizePath } from './routed-path.ts';

describe('normalizePath', () => {
  it('decodes escapes, collapses slashes and lower-cases', () => {
    expect(normalizePath('/%61pi/v1/auth/login?x=1')).toBe('/api/v1/auth/login');
    expect(normalizePath('/%41PI//v1/Auth/login')).toBe('/api/v1/auth/login');
    expect(normalizePath('/%E4%B8%AD%zz')).toBe('/\u00e4\u00b8\u00ad%zz');
  });
});

// The Origin and CSRF checks decide on the routed path, so no spelling of an API URL escapes them
// (issue 15: a cross-site `POST /%61pi/v1/auth/login` signed a browser into the attacker's account).
describe('CSRF and Origin on the routed path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  const evil = { origin: 'https://evil.example', host: 'localhost' };
  const spellings = ['/api/v1/auth/login', '/%61pi/v1/auth/login', '/%61%70%69/v1/auth/login', '/api/v1/auth/%6Cogin'];

  it.each(spellings)('refuses a cross-site login through %s', async (url) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: evil,
      payload: { username: 'gxj.clerk', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('CSRF_FAILED');
    expect(res.cookies.find((c) => c.name === 'gk_session')).toBeUndefined();
  });

  it('a same-site login through an encoded path still works (it is the same route)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/%61pi/v1/auth/login',
      headers: { origin: 'http://localhost', host: 'localhost' },
      payload: { username: 'gxj.clerk', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  });

  it('a cookie-authenticated change through an encoded path still needs the CSRF token', async () => {
    const admin = await t.login('sys.admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/%61pi/v1/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'x.csrf', displayName: 'x', agencyId: 'a', roles: ['clerk'], password: 'Abcdefgh-123' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });

  it('refuses a cross-site post to a portal form and to unknown paths, answering HTML there', async () => {
    const apply = await t.app.inject({ method: 'POST', url: '/gk/x/apply', headers: evil, payload: 'a=1' });
    expect(apply.statusCode).toBe(403);
    expect(apply.headers['content-type']).toContain('text/html');
    const unknown = await t.app.inject({ method: 'POST', url: '/%41PI/v1/auth/login', headers: evil });
    expect(unknown.statusCode).toBe(403);
  });

  it('「Origin: null」 (a sandboxed frame, a no-referrer form) is refused by the API, accepted by a portal form', async () => {
    const nullOrigin = { origin: 'null', host: 'localhost' };
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: nullOrigin,
      payload: { username: 'gxj.clerk', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    const apply = await t.app.inject({
      method: 'POST',
      url: '/gk/luojiang-gxj/apply',
      headers: { ...nullOrigin, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'applicantName=',
    });
    // Past the Origin check: the form's own CSRF token decides (this post has none).
    expect(apply.body).not.toContain('请求来源不可信');
    expect(apply.body).toContain('页面已过期');
    // The site's own pages send their origin: Referrer-Policy same-origin.
    const page = await t.app.inject({ url: '/gk/luojiang-gxj/apply' });
    expect(page.headers['referrer-policy']).toBe('same-origin');
  });
});
