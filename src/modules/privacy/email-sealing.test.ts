/**
 * Applicants' e-mail addresses at rest (issue 15): a new application stores the address sealed,
 * never in plaintext; rows left in plaintext by an earlier release are sealed by the running key
 * (the migration's data step) and every reader still gets the address. Both databases.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { citizen, demoSetup } from '../../../test/support/factories/applications.ts';
import { createApplication } from '../applications/intake/intake.service.ts';
import { findById } from '../applications/applications.repository.ts';
import { revealPersonalData } from '../applications/applications.service.ts';
import { applicantEmail, sealLegacyEmails } from './email-sealing.ts';

describeEachDialect('applicant e-mail sealed at rest', (dialect) => {
  let t: TestDb;
  let setup: Awaited<ReturnType<typeof demoSetup>>;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    setup = await demoSetup(t.db, clock);
  });
  afterAll(async () => t?.destroy());

  it('a new application stores the address sealed and masked, and the readers get it back', async () => {
    const clerk = await setup.actor('gxj.clerk');
    const {
      application: { id },
    } = await createApplication(
      setup.deps,
      clerk,
      citizen(setup.agencyId, { email: 'wangwu@example.com', deliveryMethod: 'email' }),
    );
    const row = await t.db
      .selectFrom('application')
      .select(['email', 'email_enc', 'email_masked'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.email).toBe('');
    expect(row.email_enc).toMatch(/^v1\./);
    expect(row.email_enc).not.toContain('wangwu');
    expect(row.email_masked).toBe('w***@example.com');
    const rec = (await findById(t.db, id))!;
    expect(applicantEmail(setup.deps.cipher, rec)).toBe('wangwu@example.com');
    expect((await revealPersonalData(setup.deps, await setup.actor('gxj.handler'), id)).email).toBe(
      'wangwu@example.com',
    );
  });

  it('plaintext rows from before are sealed by the running key, once, audited', async () => {
    const clerk = await setup.actor('gxj.clerk');
    const {
      application: { id },
    } = await createApplication(setup.deps, clerk, citizen(setup.agencyId, { email: '' }));
    // As an earlier release wrote it: the address in the plaintext column.
    await t.db
      .updateTable('application')
      .set({ email: 'zhaoliu@example.com', email_enc: '', email_masked: '' })
      .where('id', '=', id)
      .execute();
    expect(applicantEmail(setup.deps.cipher, (await findById(t.db, id))!)).toBe('zhaoliu@example.com');

    expect(await sealLegacyEmails(t.db, setup.deps.cipher, clock)).toBe(1);
    expect(await sealLegacyEmails(t.db, setup.deps.cipher, clock)).toBe(0);
    const row = await t.db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.email).toBe('');
    expect(row.email_masked).toBe('z***@example.com');
    expect(applicantEmail(setup.deps.cipher, (await findById(t.db, id))!)).toBe('zhaoliu@example.com');
    // No plaintext address is left anywhere in the table.
    const plain = await t.db.selectFrom('application').select('id').where('email', '<>', '').execute();
    expect(plain).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'privacy.seal_emails')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual([expect.stringContaining('已加密 1 份')]);
  });
});
