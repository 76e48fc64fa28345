import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

describeEachDialect('a 国密 install stores personal data under SM4', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { GONGKAI_CRYPTO: 'gm' });
  });
  afterAll(async () => t.close());

  it(
    'an application’s identity number and phone are sm4-sealed in the database and read back whole',
    { timeout: 120_000 },
    async () => {
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
        payload: {
          agencyId: agency.id,
          channel: 'in-person',
          applicantKind: 'natural_person',
          applicantName: '王五',
          idDocType: 'resident_id',
          idNumber: '350504199001010029',
          phone: '13900139000',
          infoDescription: '某文件',
          deliveryForm: 'paper',
          deliveryMethod: 'pickup',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const row = await t.ctx.db
        .selectFrom('application')
        .select(['id_number_enc', 'phone_enc'])
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      expect(row.id_number_enc).toMatch(/^sm4\./);
      expect(row.phone_enc).toMatch(/^sm4\./);
      expect(row.id_number_enc).not.toContain('350504');
    },
  );
});
