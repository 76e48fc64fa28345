import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../policies/actor.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../../test/support/smtp.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { documentFileName } from '../documents/index.ts';
import { renderLetter, saveTemplate } from '../letters/letters.service.ts';
import type { Mailer } from './mailer.ts';
import { deliverOutbox, outboxDeliveryJob } from './outbox.delivery.ts';
import { enqueueMessage, listMessages, recordDelivery, resendMessage } from './outbox.service.ts';
import { Scheduler } from '../jobs/scheduler.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';

/** A received mail, split into its decoded parts (nodemailer writes base64 parts). */
function parseMail(raw: string) {
  const header = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const subjectLine = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(header)![1]!;
  const subject = [...subjectLine.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)]
    .map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'))
    .join('');
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(header)![1]!;
  const parts = raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => {
      const [h, ...b] = p.replace(/^\r\n/, '').split('\r\n\r\n');
      return { headers: h!, body: Buffer.from(b.join('\r\n\r\n').replace(/\s+/g, ''), 'base64') };
    });
  return { header, subject, parts };
}

describeEachDialect('outbox delivery to a real SMTP server on loopback', (dialect) => {
  let t: TestDb;
  let smtp: LoopbackSmtp;
  let mailer: Mailer;
  const received = () => smtp.received.map((m) => ({ ...m, raw: m.raw.toString('utf8') }));
  let refuse = false;
  const clock = new TestClock('2026-03-02T02:00:00Z');
  const actor = systemActor('测试');
  let gxj: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadDemo(t.db, clock, { keys: TEST_KEYS, passwordMinLength: 10, password: () => 'Demo-Passw0rd!' });
    gxj = (await t.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow())
      .id;
    smtp = await startLoopbackSmtp({ refuse: () => refuse });
    mailer = smtp.mailer;
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.destroy();
  });

  it("renders the reply letter from the agency's template, mails it with the PDF, and a second sweep sends nothing", async () => {
    await saveTemplate(
      t.db,
      actor,
      gxj,
      'granted',
      {
        title: '政府信息公开申请答复书',
        recipient: '{{申请人}}',
        body: '本机关于{{收到申请日期}}收到您的申请，申请获取“{{信息名称}}”。\n根据《中华人民共和国政府信息公开条例》第三十六条第（二）项，予以公开。获取方式：{{获取方式}}。\n联系电话：{{联系电话}}。',
      },
      clock,
    );
    const letter = await renderLetter(
      t.db,
      gxj,
      'granted',
      {
        date: '2026-03-02',
        values: {
          申请人: '张三',
          申请编号: '洛工信依申〔2026〕3号',
          收到申请日期: '2026年2月9日',
          信息名称: '2025年部门预算',
          获取方式: '见附件',
          联系电话: '0595-22630152',
        },
      },
      'pdf',
    );
    const message = await enqueueMessage(
      t.db,
      actor,
      {
        agencyId: gxj,
        channel: 'email',
        recipientName: '张三',
        recipientAddress: 'zhangsan@example.com',
        subject: '政府信息公开申请答复书（洛工信依申〔2026〕3号）',
        bodyText: '张三：\n您的政府信息公开申请已办结，答复书见附件。',
        related: { type: 'application', id: 'app-42' },
        attachments: [
          { fileName: documentFileName(letter.title, 'pdf'), contentType: letter.contentType, data: letter.data },
        ],
      },
      clock,
    );
    expect(message.status).toBe('queued');

    expect(await deliverOutbox(t.db, null, clock)).toEqual({ sent: 0, failed: 0, retried: 0 });
    const ran = await new Scheduler(t.db, clock, { info: () => {}, error: () => {} }).runOnce(
      outboxDeliveryJob(t.db, mailer, clock),
    );
    expect(ran).toBe(true);
    expect(received()).toHaveLength(1);
    expect(await deliverOutbox(t.db, mailer, clock)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(received()).toHaveLength(1);

    const mail = parseMail(received()[0]!.raw);
    expect(received()[0]!.to).toEqual(['zhangsan@example.com']);
    expect(received()[0]!.from).toBe('gk@example.gov.cn');
    expect(mail.subject).toBe('政府信息公开申请答复书（洛工信依申〔2026〕3号）');
    const text = mail.parts.find((p) => /text\/plain/.test(p.headers))!;
    expect(text.body.toString('utf8')).toContain('您的政府信息公开申请已办结');
    const pdf = mail.parts.find((p) => /application\/pdf/.test(p.headers))!;
    // RFC 2231 continuations: filename*0*=utf-8''…; filename*1*=…
    const fileName = decodeURIComponent(
      [...pdf.headers.matchAll(/filename\*\d+\*=([^;\r\n]+)/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/^utf-8''/i, ''),
    );
    expect(fileName).toBe('政府信息公开申请答复书.pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.body.equals(letter.data)).toBe(true);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf.body), isEvalSupported: false }).promise;
    const content = await (await doc.getPage(1)).getTextContent();
    const pageText = content.items
      .map((i) => ('str' in i ? i.str : ''))
      .join('')
      .replace(/\s+/g, '');
    await doc.destroy();
    expect(pageText).toContain('张三：本机关于2026年2月9日收到您的申请，申请获取“2025年部门预算”');
    expect(pageText).toContain('泉州市洛江区工业和信息化局2026年3月2日');

    const [stored] = (await listMessages(t.db, actor, { relatedId: 'app-42' })).items;
    expect(stored!.status).toBe('sent');
    expect(stored!.sentAt).toBe('2026-03-02T02:00:00.000Z');
  });

  it('retries a refused mail, gives up after five attempts, and sends again on 重新发送', async () => {
    refuse = true;
    const m = await enqueueMessage(
      t.db,
      actor,
      {
        agencyId: gxj,
        channel: 'email',
        recipientName: '李四',
        recipientAddress: 'lisi@example.com',
        subject: '补正告知书',
        bodyText: '请补正。',
      },
      clock,
    );
    for (let i = 0; i < 4; i++)
      expect(await deliverOutbox(t.db, mailer, clock)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await deliverOutbox(t.db, mailer, clock)).toEqual({ sent: 0, failed: 1, retried: 0 });
    const [failed] = (await listMessages(t.db, actor, { status: 'failed' })).items;
    expect(failed!.id).toBe(m.id);
    expect(failed!.lastError).toContain('mailbox unavailable');
    refuse = false;
    await resendMessage(t.db, actor, m.id, clock);
    expect(await deliverOutbox(t.db, mailer, clock)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(received().at(-1)!.to).toEqual(['lisi@example.com']);
  });

  it('records posted and handed-over letters, validating in Chinese', async () => {
    const m = await enqueueMessage(
      t.db,
      actor,
      {
        agencyId: gxj,
        channel: 'post',
        recipientName: '王五',
        recipientAddress: '泉州市洛江区万安街道1号',
        subject: '答复书',
        bodyText: '',
      },
      clock,
    );
    await expect(
      recordDelivery(t.db, actor, m.id, { status: 'posted', date: '2026-03-01' }, clock),
    ).rejects.toMatchObject({ fields: { note: '请填写邮件号码（挂号信、EMS 等）' } });
    const posted = await recordDelivery(
      t.db,
      actor,
      m.id,
      { status: 'posted', date: '2026-03-01', note: 'EMS 1234567890' },
      clock,
    );
    expect(posted.status).toBe('posted');
    expect(await deliverOutbox(t.db, mailer, clock)).toEqual({ sent: 0, failed: 0, retried: 0 });
    await expect(
      enqueueMessage(
        t.db,
        actor,
        { agencyId: gxj, channel: 'email', recipientName: '', recipientAddress: 'not-mail', subject: '', bodyText: '' },
        clock,
      ),
    ).rejects.toMatchObject({
      fields: { recipientName: '请填写收件人', recipientAddress: '电子邮箱格式不正确', subject: '请填写标题' },
    });
  });
});
