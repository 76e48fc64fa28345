import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/db.ts';

const VALID = {
  applicantKind: 'natural_person',
  applicantName: '王五',
  idDocType: 'resident_id',
  idNumber: '350504199001010029',
  phone: '13900139000',
  email: '',
  infoDescription: '2024年度工业企业技术改造项目补助资金分配结果',
  deliveryForm: 'electronic',
  deliveryMethod: 'online',
};

// Issue 15: a NUL in any text field was a 500 on PostgreSQL (it cannot store NUL), including the
// anonymous application form; a JSON body shaped like a parsed multipart form was a 500 on the portal.
describeEachDialect('control characters and body shapes are a Chinese 400', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const count = async (table: 'application' | 'app_user') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each(['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800'])(
    'refuses %j in a JSON text field, naming the field, and stores nothing',
    async (ch) => {
      const admin = await t.login('sys.admin');
      const before = await count('app_user');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        payload: JSON.stringify({
          username: 'nul.user',
          displayName: `张${ch}三`,
          agencyId: 'x',
          roles: ['clerk'],
          password: 'Abcdefgh-123',
        }),
        // JSON.stringify escapes the control characters as \uXXXX, exactly as a client would send them.
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: { displayName: expect.stringContaining('控制字符') },
      });
      expect(await count('app_user')).toBe(before);
    },
  );

  it('keeps tab, line feed and carriage return in text', async () => {
    const clerk = await t.login('gxj.clerk');
    const agency = await t.ctx.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'luojiang-gxj')
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: { ...VALID, agencyId: agency.id, channel: 'in-person', infoDescription: '第一行\r\n第二行\t附表\f' },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  });

  it('refuses a NUL in a query string and in a route parameter', async () => {
    const admin = await t.login('sys.admin');
    const q = await t.app.inject({ url: '/api/v1/users?agencyId=%00', headers: { cookie: admin.cookie } });
    expect(q.statusCode).toBe(400);
    expect(q.json().errors).toHaveProperty('agencyId');
    const p = await t.app.inject({ url: '/api/v1/agencies/a%00b', headers: { cookie: admin.cookie } });
    expect(p.statusCode).toBe(400);
    const portal = await t.app.inject({ url: '/gk/luojiang-gxj/catalog?q=%00' });
    expect(portal.statusCode).toBe(400);
    expect(portal.headers['content-type']).toContain('text/html');
    expect(portal.body).toContain('控制字符');
  });

  async function openForm() {
    const res = await t.app.inject({ method: 'GET', url: '/gk/luojiang-gxj/apply' });
    const cookie = res.cookies.find((c) => c.name === 'gk_form')!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(res.body)![1]!;
    const submission = /name="submission" value="([^"]+)"/.exec(res.body)![1]!;
    return { cookie: `gk_form=${cookie.value}`, csrf, submission };
  }

  it('the anonymous application form answers a NUL beside the field, keeping the rest, and stores nothing', async () => {
    const before = await count('application');
    const f = await openForm();
    const res = await t.app.inject({
      method: 'POST',
      url: '/gk/luojiang-gxj/apply',
      headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...VALID,
        applicantName: '王\u0000五',
        csrf: f.csrf,
        submission: f.submission,
      }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('控制字符');
    expect(res.body).toContain('2024年度工业企业技术改造项目补助资金分配结果');
    expect(await count('application')).toBe(before);
  });

  it('a JSON body shaped like a parsed form is a 400 page on the portal, not a 500', async () => {
    const before = await count('application');
    const f = await openForm();
    const res = await t.app.inject({
      method: 'POST',
      url: '/gk/luojiang-gxj/apply',
      headers: { cookie: f.cookie, 'content-type': 'application/json' },
      payload: {
        fields: { ...VALID, csrf: f.csrf, submission: f.submission },
        files: { attachments: [{ filename: 'a.pdf', content: 'x' }, 42, null] },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请通过页面上的表单提交');
    for (const path of ['/gk/luojiang-gxj/track', '/gk/luojiang-gxj/track/correct', '/gk/luojiang-gxj/track/file']) {
      const r = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { cookie: f.cookie, 'content-type': 'application/json' },
        payload: { fields: { csrf: f.csrf, trackingNumber: 'x', queryCode: 'y' }, files: { correctionFiles: [{}] } },
      });
      expect(r.statusCode).toBe(400);
    }
    expect(await count('application')).toBe(before);
  });

  it('a JSON body shaped like a parsed form is not taken for an upload on the API', async () => {
    const clerk = await t.login('gxj.clerk');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications/import',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: { fields: {}, files: { file: [{ filename: 'a.csv', content: 'x' }] } },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
