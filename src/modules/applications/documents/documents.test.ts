import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../../../test/support/smtp.ts';
import { loadBundledYears } from '../../../domain/calendar/bundled.ts';
import { Calendar } from '../../../domain/calendar/calendar.ts';
import { computeClock } from '../../../domain/clock/compute.ts';
import type { ClockEvent } from '../../../domain/clock/types.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { saveTemplate } from '../../letters/letters.service.ts';
import type { Mailer } from '../../outbox/mailer.ts';
import { deliverOutbox } from '../../outbox/outbox.delivery.ts';
import { recordDelivery } from '../../outbox/outbox.service.ts';
import { clockEventsOf } from '../applications.clock.ts';
import type { AppDeps } from '../applications.deps.ts';
import { readLetter, sendDocument } from './documents.service.ts';
import * as letters from './documents.repository.ts';
import { createApplication } from '../intake/intake.service.ts';
import { applicantFile, findForApplicant, trackingView } from '../public/public.service.ts';
import { addFile, getApplication } from '../applications.service.ts';
import { performStep } from '../steps/steps.service.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';

const calendar = Calendar.fromYears(loadBundledYears());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The text of a PDF's pages, whitespace removed (pdfjs, as the documents tests read them). */
async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++)
    text += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

/** The base64 attachment of a raw mail whose content type matches. */
function attachmentOf(raw: string, type: RegExp): Buffer {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)![1]!;
  const part = raw.split(`--${boundary}`).find((p) => type.test(p.slice(0, p.indexOf('\r\n\r\n', 2))))!;
  return Buffer.from(part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\s+/g, ''), 'base64');
}

describeEachDialect('the notices the workflow issues, their delivery and who sees them', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor, handler: Actor, head: Actor, reviewer: Actor;
  const clock = new TestClock('2025-03-03T02:00:00Z');
  let smtp: LoopbackSmtp;
  let mailer: Mailer;
  const mails = () => smtp.received.map((m) => ({ to: m.to, raw: m.raw.toString('utf8') }));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, clock);
    deps = s.deps;
    agencyId = s.agencyId;
    [clerk, handler, head, reviewer] = (await Promise.all(
      ['gxj.clerk', 'gxj.handler', 'gxj.head', 'gxj.reviewer'].map(s.actor),
    )) as [Actor, Actor, Actor, Actor];
    smtp = await startLoopbackSmtp();
    mailer = smtp.mailer;
  });
  afterAll(async () => {
    await smtp?.close();
    await t.destroy();
  });

  it("补正, 征求意见, 延期: each step issues its notice with the engine's dates; the applicant sees theirs, never the consultation letter", async () => {
    clock.set('2025-03-03T02:00:00Z');
    const { application: a, queryCode } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, {
        applicantName: '张三',
        email: 'zhangsan@example.com',
        infoDescription: '某企业技改项目的验收材料',
      }),
    );
    const ev: ClockEvent[] = [{ type: 'received', date: '2025-03-03' }];
    const engine = (today: string) => computeClock({ events: ev, today, calendar });

    clock.set('2025-03-05T02:00:00Z');
    await performStep(deps, clerk, a.id, 'requestCorrection', {
      items: '1.请写明项目名称。\n2.请写明所需材料的年度。',
    });
    ev.push({ type: 'correctionRequested', date: '2025-03-05' });
    const [correction] = await letters.listLetters(t.db, a.id);
    expect(correction).toMatchObject({
      kind: 'correction_notice',
      addressee: 'applicant',
      recipientName: '张三',
      date: '2025-03-05',
      title: '政府信息公开申请补正告知书',
    });
    expect(correction!.values.补正期限).toBe(formatChineseDate(engine('2025-03-05').correctionPeriodEnd!));
    expect(correction!.values.收到申请日期).toBe('2025年3月3日');
    // Every item at once (一次性告知), one paragraph each.
    expect(correction!.content.body.map((b) => ('text' in b ? b.text : ''))).toEqual(
      expect.arrayContaining(['1.请写明项目名称。', '2.请写明所需材料的年度。']),
    );
    const pdf = await readLetter(deps, handler, a.id, correction!.id, 'pdf');
    const text = await pdfText(pdf.content);
    expect(text).toContain(`请于${correction!.values.补正期限}前将补正后的申请提交本机关`);
    expect(text).toContain('泉州市洛江区工业和信息化局2025年3月5日');
    const docx = await readLetter(deps, handler, a.id, correction!.id, 'docx');
    expect(docx.content.subarray(0, 2).toString()).toBe('PK');
    // The same bytes every time: the rendition is kept.
    expect((await readLetter(deps, clerk, a.id, correction!.id, 'pdf')).content.equals(pdf.content)).toBe(true);

    clock.set('2025-03-10T02:00:00Z');
    await performStep(deps, clerk, a.id, 'recordCorrection', { note: '2024年某企业技改项目' });
    ev.push({ type: 'correctionReceived', date: '2025-03-10' });
    await performStep(deps, handler, a.id, 'sendConsultation', {
      party: 'third',
      partyName: '某机械有限公司',
      partyReceivedDate: '2025-03-11',
      partySubject: '某机械有限公司2024年技改项目验收材料',
    });
    await performStep(deps, handler, a.id, 'sendConsultation', {
      party: 'agency',
      partyName: '泉州市洛江区发展和改革局',
    });
    ev.push(
      { type: 'consultationSent', date: '2025-03-10', party: 'third', partyReceivedDate: '2025-03-11' },
      { type: 'consultationSent', date: '2025-03-10', party: 'agency' },
    );
    const consulted = (await letters.listLetters(t.db, a.id)).filter((l) => l.kind === 'consultation_letter');
    expect(consulted.map((l) => [l.templateKey, l.recipientName, l.addressee, l.title])).toEqual([
      ['consultation_third_party', '某机械有限公司', 'party', '政府信息公开征求第三方意见书'],
      ['consultation_agency', '泉州市洛江区发展和改革局', 'party', '政府信息公开征求意见函'],
    ]);
    const deadlines = engine('2025-03-10').consultations.map((c) => formatChineseDate(c.partyDeadline));
    expect(consulted.map((l) => l.values.征求意见期限)).toEqual(deadlines);
    // The consulted party is not told who asked, nor the application's number; the handler may word the subject for it.
    for (const l of consulted) expect(JSON.stringify(l.content)).not.toMatch(/张三|洛工信依申/);
    expect(JSON.stringify(consulted[0]!.content)).toContain('申请公开“某机械有限公司2024年技改项目验收材料”');
    expect(JSON.stringify(consulted[1]!.content)).toContain('申请公开“某企业技改项目的验收材料”');

    clock.set('2025-03-12T02:00:00Z');
    await performStep(deps, handler, a.id, 'recordConsultationAnswer', {
      consultationId: (await getApplication(deps, handler, a.id)).events.find((e) => e.type === 'consultationSent')!
        .payload.consultationId as string,
      opinion: 'object',
      note: '涉及商业秘密',
    });
    await performStep(deps, handler, a.id, 'requestExtension', { days: 10, reason: '涉及第三方意见，需逐项审查' });
    const extended = await performStep(deps, head, a.id, 'approveExtension', {});
    // From here the engine reads the stored events themselves (with the consultations' ids).
    ev.splice(0, ev.length, ...clockEventsOf((await getApplication(deps, handler, a.id)).events));
    const extension = (await letters.listLetters(t.db, a.id)).find((l) => l.kind === 'extension_notice')!;
    expect(extension.values).toMatchObject({
      延长天数: '10',
      延期理由: '涉及第三方意见，需逐项审查',
      答复期限: formatChineseDate(engine('2025-03-12').replyDue!),
    });
    expect(extended.replyDue).toBe(engine('2025-03-12').replyDue);
    expect(extension.date).toBe('2025-03-12');

    const view = await trackingView(deps, await findForApplicant(deps, agencyId, a.trackingNumber, queryCode));
    expect(view.files.map((f) => f.label)).toEqual(['补正告知书', '延期答复告知书']);
    const got = await applicantFile(deps, a, correction!.id);
    expect(got.content.equals(pdf.content)).toBe(true);
    for (const l of consulted) await expect(applicantFile(deps, a, l.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Nor another application's notice, with this application's code.
    const { application: other } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '李四', idNumber: '350582199506112054' }),
    );
    await performStep(deps, clerk, other.id, 'requestCorrection', { items: '请写明年度' });
    const foreign = (await letters.listLetters(t.db, other.id))[0]!;
    await expect(applicantFile(deps, a, foreign.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Delivery: the applicant's notice by e-mail over SMTP; the consultation letter by post, recorded with its number.
    const mailed = await sendDocument(deps, clerk, a.id, correction!.id, { channel: 'email' });
    expect(mailed).toMatchObject({
      channel: 'email',
      recipientAddress: 'zhangsan@example.com',
      status: 'queued',
      relatedType: 'application_document',
      relatedId: correction!.id,
      subject: '政府信息公开申请补正告知书（' + a.trackingNumber + '）',
    });
    await deliverOutbox(t.db, mailer, clock);
    const mail = mails().find(
      (m) => m.to.includes('zhangsan@example.com') && m.raw.includes('Content-Disposition: attachment'),
    )!;
    expect(attachmentOf(mail.raw, /application\/pdf/).equals(pdf.content)).toBe(true);
    await expect(sendDocument(deps, handler, a.id, consulted[0]!.id, { channel: 'email' })).rejects.toMatchObject({
      fields: { address: '请填写对方的电子邮箱' },
    });
    await expect(
      sendDocument(deps, handler, a.id, consulted[0]!.id, { channel: 'email', address: 'not-mail' }),
    ).rejects.toMatchObject({ fields: { address: '电子邮箱格式不正确' } });
    const posted = await sendDocument(deps, handler, a.id, consulted[0]!.id, {
      channel: 'post',
      address: '泉州市洛江区双阳街道某工业园1号',
    });
    await recordDelivery(
      t.db,
      handler,
      posted.id,
      { status: 'posted', date: '2025-03-12', note: 'EMS 1100000000' },
      clock,
    );
    const applicantPost = await sendDocument(deps, clerk, a.id, extension.id, { channel: 'post' });
    expect(applicantPost.recipientAddress).toBe('泉州市洛江区万安街道1号');
    await expect(sendDocument(deps, reviewer, a.id, extension.id, { channel: 'in_person' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const docs = (await getApplication(deps, handler, a.id)).documents;
    expect(docs.map((d) => [d.kind, d.state, d.deliveries.map((m) => m.status)])).toEqual([
      ['correction_notice', 'issued', ['sent']],
      ['consultation_letter', 'issued', ['posted']],
      ['consultation_letter', 'issued', []],
      ['extension_notice', 'issued', ['queued']],
    ]);
    // Renditions are documents, not files of the application.
    expect((await getApplication(deps, handler, a.id)).files.map((f) => f.role)).not.toContain('notice');
  });

  it("收费: the notice states the 109号 amount band by band and the engine's payment period; the agency's wording is used", async () => {
    await saveTemplate(
      t.db,
      head,
      agencyId,
      'fee_notice',
      {
        title: '信息处理费收费通知书',
        recipient: '{{申请人}}',
        body: '您的申请（{{申请编号}}）需缴纳信息处理费{{收费金额}}元（{{收费依据}}）。\n请于{{缴费期限}}前缴纳：{{缴费方式}}。',
      },
      clock,
    );
    await expect(
      saveTemplate(
        t.db,
        head,
        agencyId,
        'consultation_third_party',
        { title: '征求意见书', recipient: '{{第三方}}', body: '{{申请人}}申请公开“{{信息名称}}”。' },
        clock,
      ),
    ).rejects.toMatchObject({
      fields: { body: expect.stringMatching(/^“征求意见书（第三方）”不能使用占位符：\{\{申请人\}\}/) },
    });
    clock.set('2025-04-01T02:00:00Z');
    const { application: a } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '王五', idNumber: '350504199001010029' }),
    );
    clock.set('2025-04-03T02:00:00Z');
    await performStep(deps, handler, a.id, 'issueFeeNotice', {
      basis: 'per_page',
      pages: 120,
      paymentMethod: '非税收入缴款账户：6222000000000000',
    });
    const fee = (await letters.listLetters(t.db, a.id))[0]!;
    const engine = computeClock({
      events: [
        { type: 'received', date: '2025-04-01' },
        { type: 'feeNotice', date: '2025-04-03' },
      ],
      today: '2025-04-03',
      calendar,
    });
    expect(fee.title).toBe('信息处理费收费通知书');
    expect(fee.values).toMatchObject({
      收费金额: '1100',
      缴费期限: formatChineseDate(engine.paymentDue!),
      缴费方式: '非税收入缴款账户：6222000000000000',
    });
    expect(fee.values.收费依据).toBe(
      '按量计收（国办函〔2020〕109号第五条），共120页：第1—30页不收费；第31—100页每页10元，计700元；第101—120页每页20元，计400元',
    );
    const text = await pdfText((await readLetter(deps, handler, a.id, fee.id, 'pdf')).content);
    expect(text).toContain(`需缴纳信息处理费1100元`);
    expect(text).toContain(`请于${formatChineseDate(engine.paymentDue!)}前缴纳`);
  });

  it('the reply letter is a document too, and leaves only after 保密审查 and sign-off (release control)', async () => {
    clock.set('2025-05-06T02:00:00Z');
    const { application: a } = await createApplication(
      deps,
      clerk,
      citizen(agencyId, { applicantName: '赵六', idNumber: '350582199506112054', email: 'zhaoliu@example.com' }),
    );
    await performStep(deps, handler, a.id, 'decide', {
      outcome: 'granted',
      legalBasis: '第三十六条第（二）项',
      reasons: '',
    });
    const reply = await addFile(deps, handler, a.id, 'reply_letter', { filename: '答复书.pdf', content: PDF });
    await addFile(deps, handler, a.id, 'released', { filename: '验收材料（公开版）.pdf', content: PDF });
    await addFile(deps, handler, a.id, 'original', { filename: '验收材料（原件）.pdf', content: PDF });
    const state = async () => (await getApplication(deps, handler, a.id)).documents.find((d) => d.id === reply.id)!;
    expect(await state()).toMatchObject({
      kind: 'reply_letter',
      state: 'awaitingReview',
      sendBlocker: expect.stringMatching(/保密审查/),
    });
    await expect(sendDocument(deps, handler, a.id, reply.id, { channel: 'email' })).rejects.toMatchObject({
      code: 'STEP_NOT_ALLOWED',
    });
    await performStep(deps, reviewer, a.id, 'reviewConfidentiality', { passed: true });
    expect((await state()).state).toBe('awaitingSignOff');
    await expect(sendDocument(deps, handler, a.id, reply.id, { channel: 'email' })).rejects.toMatchObject({
      code: 'STEP_NOT_ALLOWED',
    });
    await performStep(deps, head, a.id, 'signOff', {});
    const m = await sendDocument(deps, handler, a.id, reply.id, { channel: 'email' });
    await deliverOutbox(t.db, mailer, clock);
    const mail = mails().find(
      (x) => x.to.includes('zhaoliu@example.com') && x.raw.includes('Content-Disposition: attachment'),
    )!;
    // The reply letter and the released version; never the original.
    expect(mail.raw).toContain(Buffer.from('答复书.pdf').toString('base64').slice(0, 8));
    expect((mail.raw.match(/Content-Type: application\/pdf/g) ?? []).length).toBe(2);
    expect(m.recipientAddress).toBe('zhaoliu@example.com');
    await performStep(deps, handler, a.id, 'reply', {});
    expect((await state()).state).toBe('released');
  });
});
