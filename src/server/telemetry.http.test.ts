import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/db.ts';
import { buildApp } from './app.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

describeEachDialect('telemetry: /metrics and request ids', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { GONGKAI_METRICS_TOKEN: TOKEN });
  }, 120_000);
  afterAll(async () => t.close());

  it('is not public: no token, a wrong token → 401', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN.slice(1)}x` } });
    expect(wrong.statusCode).toBe(401);
  });

  it('counts requests by route pattern, and reports overdue applications, the outbox and jobs', async () => {
    const { cookie } = await t.login('gxj.handler');
    const ids = (await t.ctx.db.selectFrom('application').select('id').limit(2).execute()).map((r) => r.id);
    for (const id of ids) {
      expect((await t.app.inject({ url: `/api/v1/applications/${id}`, headers: { cookie } })).statusCode).toBe(200);
    }
    await t.app.inject({ url: '/no/such/page' });
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toContain(
      'gongkai_http_requests_total{method="GET",route="/api/v1/applications/:id",status_code="200"} 2',
    );
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).toContain('route="(unmatched)",status_code="404"');
    expect(text).toMatch(
      /gongkai_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/api\/v1\/applications\/:id"\}/,
    );
    expect(text).toMatch(/^gongkai_applications_overdue \d+$/m);
    expect(text).toMatch(/^gongkai_outbox_backlog\{status="queued"\} \d+$/m);
    if (dialect === 'postgres') expect(text).toMatch(/^gongkai_db_pool_connections\{state="max"\} \d+$/m);
  });

  it('health probes log nothing at info level; other requests do, with the request id', async () => {
    const lines: string[] = [];
    const app = await buildApp(t.ctx, {
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    });
    try {
      await app.inject({ url: '/healthz' });
      await app.inject({ url: '/readyz' });
      expect(lines).toEqual([]);
      await app.inject({ url: '/api/v1/auth/me', headers: { 'x-request-id': 'probe-check-1' } });
      expect(lines.some((l) => l.includes('"reqId":"probe-check-1"'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('honours a well-formed X-Request-Id and echoes it; otherwise makes a UUID', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'nginx-4f2a9c' } });
    expect(given.headers['x-request-id']).toBe('nginx-4f2a9c');
    const made = await t.app.inject({ url: '/healthz' });
    const bad = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'a b\u0007<script>' } });
    for (const r of [made, bad])
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(made.headers['x-request-id']).not.toBe(bad.headers['x-request-id']);
  });
});
