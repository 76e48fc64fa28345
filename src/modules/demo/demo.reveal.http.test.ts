import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

/**
 * The demo's personal data is sealed with the instance's key, so 查看完整信息 (reveal) opens it
 * for every demo application, as it does for a real one.
 */
describeEachDialect('demo applications: 查看完整信息', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  }, 120_000);
  afterAll(async () => t.close());

  it('reveals the identity, phone, address and e-mail of every demo application of 洛江区工信局', async () => {
    const { cookie, csrf } = await t.login('gxj.handler');
    const ids = (await t.ctx.db.selectFrom('application').select('id').execute()).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const id of ids) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/reveal`,
        headers: { cookie, 'x-csrf-token': csrf },
      });
      if (res.statusCode !== 200) failures.push(`${id}: ${res.statusCode} ${res.body}`);
      else expect(Object.keys(res.json() as object).sort()).toEqual(['address', 'email', 'idNumber', 'phone']);
    }
    expect(failures).toEqual([]);
  });
});
