import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { loadBundledYears } from '../../../domain/calendar/bundled.ts';
import { Calendar } from '../../../domain/calendar/calendar.ts';
import { computeClock } from '../../../domain/clock/compute.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { clockEventsOf } from '../applications.clock.ts';
import type { AppDeps } from '../applications.deps.ts';
import { readLetter, sendDocument } from '../documents/documents.service.ts';
import * as letters from '../documents/documents.repository.ts';
import { createApplication } from '../intake/intake.service.ts';
import { applicantFile, findForApplicant, trackingView } from '../public/public.service.ts';
import { addFile, getApplication } from '../applications.service.ts';
import { performStep } from './steps.service.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import { pdfText } from '../../../../test/support/pdf.ts';

const calendar = Calendar.fromYears(loadBundledYears());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDialect(
  '征求意见 of several parties at once, and 第三十二条: telling a third party of a decision to disclose over its objection',
  (dialect) => {
    let t: TestDb;
    let deps: AppDeps;
    let agencyId: string;
    let clerk: Actor, handler: Actor, head: Actor, reviewer: Actor;
    const clock = new TestClock('2025-06-03T02:00:00Z');

    beforeAll(async () => {
      t = await createTestDb(dialect);
      const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
      deps = { ...s.deps, clock };
      agencyId = s.agencyId;
      [clerk, handler, head, reviewer] = (await Promise.all(
        ['gxj.clerk', 'gxj.handler', 'gxj.head', 'gxj.reviewer'].map(s.actor),
      )) as [Actor, Actor, Actor, Actor];
    });
    afterAll(async () => t.destroy());

    const consultationIds = async (id: string) =>
      Object.fromEntries(
        (await getApplication(deps, handler, id)).events
          .filter((e) => e.type === 'consultationSent')
          .map((e) => [e.payload.partyName as string, e.payload.consultationId as string]),
      );

    it("one step consults several parties: a letter each, each with its own deadline from the engine; every row's problem is reported beside it and nothing is written", async () => {
      clock.set('2025-06-03T02:00:00Z');
      const { application: a } = await createApplication(deps, clerk, citizen(agencyId, { applicantName: '张三' }));
      await expect(
        performStep(deps, handler, a.id, 'sendConsultation', {
          parties: [
            { party: 'third', partyName: '甲机械有限公司' },
            { party: 'third', partyName: ' ' },
            { party: 'third', partyName: '甲机械有限公司' },
            { party: 'agency', partyName: '泉州市洛江区发展和改革局', partyReceivedDate: '2025-06-02' },
          ],
        }),
      ).rejects.toMatchObject({
        fields: {
          'parties.1.partyName': '请填写被征求意见的第三方或者机关',
          'parties.2.partyName': '与第1行重复：同一方只需一份征求意见书',
          'parties.3.partyReceivedDate': '对方收到日期不能早于发出日期',
        },
      });
      expect(await letters.listLetters(t.db, a.id)).toEqual([]);
      expect((await getApplication(deps, handler, a.id)).events.filter((e) => e.type === 'consultationSent')).toEqual(
        [],
      );

      await performStep(deps, handler, a.id, 'sendConsultation', {
        parties: [
          {
            party: 'third',
            partyName: '甲机械有限公司',
            partyReceivedDate: '2025-06-04',
            partySubject: '甲机械有限公司2024年技改项目验收材料',
          },
          { party: 'third', partyName: '乙电子有限公司', partyReceivedDate: '2025-06-09' },
          { party: 'agency', partyName: '泉州市洛江区发展和改革局' },
        ],
      });
      const detail = await getApplication(deps, handler, a.id);
      const engine = computeClock({ events: clockEventsOf(detail.events), today: '2025-06-03', calendar });
      const consulted = (await letters.listLetters(t.db, a.id)).filter((l) => l.kind === 'consultation_letter');
      expect(consulted.map((l) => [l.recipientName, l.templateKey, l.values.征求意见期限])).toEqual([
        ['甲机械有限公司', 'consultation_third_party', formatChineseDate(engine.consultations[0]!.partyDeadline)],
        ['乙电子有限公司', 'consultation_third_party', formatChineseDate(engine.consultations[1]!.partyDeadline)],
        ['泉州市洛江区发展和改革局', 'consultation_agency', formatChineseDate(engine.consultations[2]!.partyDeadline)],
      ]);
      // Later receipt, later deadline: each party's own 15 working days (第三十二条).
      expect(engine.consultations[0]!.partyDeadline < engine.consultations[1]!.partyDeadline).toBe(true);
      // Each letter belongs to its own event and consultation; the stored clock agrees with the engine.
      expect(new Set(consulted.map((l) => l.eventSeq)).size).toBe(3);
      expect(consulted.map((l) => l.consultationId)).toEqual(Object.values(await consultationIds(a.id)));
      expect(detail.clock.consultations.map((c) => c.partyDeadline)).toEqual(
        engine.consultations.map((c) => c.partyDeadline),
      );
      expect(await pdfText((await readLetter(deps, handler, a.id, consulted[1]!.id, 'pdf')).content)).toContain(
        `即${formatChineseDate(engine.consultations[1]!.partyDeadline)}前`,
      );
      const audit = await t.db
        .selectFrom('audit_event')
        .select('summary')
        .where('subject_id', '=', a.id)
        .where('action', '=', 'application.sendConsultation')
        .executeTakeFirstOrThrow();
      expect(audit.summary).toBe(
        `${a.trackingNumber}：征求意见，出具征求意见书（致甲机械有限公司）、征求意见书（致乙电子有限公司）、征求意见书（致泉州市洛江区发展和改革局）`,
      );
    });

    it('a decision to disclose over an objection: the reply letter is held until the objecting party is told in writing; the applicant never sees that notice', async () => {
      clock.set('2025-06-03T02:00:00Z');
      const { application: a, queryCode } = await createApplication(
        deps,
        clerk,
        citizen(agencyId, {
          applicantName: '李四',
          idNumber: '350582199506112054',
          email: 'lisi@example.com',
          infoDescription: '某工业园区项目验收报告',
        }),
      );
      await performStep(deps, handler, a.id, 'sendConsultation', {
        parties: [
          { party: 'third', partyName: '甲机械有限公司', partySubject: '甲机械有限公司厂房项目验收报告' },
          { party: 'third', partyName: '乙电子有限公司' },
        ],
      });
      const ids = await consultationIds(a.id);
      clock.set('2025-06-10T02:00:00Z');
      await performStep(deps, handler, a.id, 'recordConsultationAnswer', {
        consultationId: ids['甲机械有限公司'],
        opinion: 'object',
        note: '涉及产能数据',
      });
      await performStep(deps, handler, a.id, 'recordConsultationAnswer', {
        consultationId: ids['乙电子有限公司'],
        opinion: 'agree',
      });
      await performStep(deps, handler, a.id, 'decide', {
        outcome: 'granted',
        legalBasis: '第十五条、第三十二条、第三十六条第（二）项',
      });
      const reply = await addFile(deps, handler, a.id, 'reply_letter', { filename: '答复书.pdf', content: PDF });
      await addFile(deps, handler, a.id, 'released', { filename: '产能数据（公开版）.pdf', content: PDF });
      await performStep(deps, reviewer, a.id, 'reviewConfidentiality', { passed: true });
      await performStep(deps, head, a.id, 'signOff', {});

      // Release control holds the reply letter and the 答复送达 step.
      let detail = await getApplication(deps, handler, a.id);
      expect(detail.thirdPartyNoticesMissing).toEqual([
        { consultationId: ids['甲机械有限公司'], partyName: '甲机械有限公司' },
      ]);
      expect(detail.steps).toContain('notifyThirdParty');
      expect(detail.steps).not.toContain('reply');
      const held = detail.documents.find((d) => d.id === reply.id)!;
      expect(held).toMatchObject({
        state: 'signed',
        sendBlocker:
          '第三方不同意公开而本机关决定公开的，须先将决定公开的内容和理由书面告知第三方（第三十二条），尚未告知：甲机械有限公司',
      });
      await expect(sendDocument(deps, handler, a.id, reply.id, { channel: 'email' })).rejects.toMatchObject({
        code: 'STEP_NOT_ALLOWED',
        message: held.sendBlocker,
      });
      await expect(performStep(deps, handler, a.id, 'reply', {})).rejects.toMatchObject({
        code: 'STEP_NOT_ALLOWED',
        message: '不能答复送达：须先将决定公开的内容和理由书面告知第三方（第三十二条）：甲机械有限公司',
      });

      // The notice needs the content and the public-interest reason; the party that agreed needs none.
      await expect(
        performStep(deps, handler, a.id, 'notifyThirdParty', { publicInterestReason: '' }),
      ).rejects.toMatchObject({ fields: { disclosedContent: '请写明决定公开的政府信息内容（第三十二条）' } });
      await expect(
        performStep(deps, handler, a.id, 'notifyThirdParty', {
          consultationId: ids['乙电子有限公司'],
          disclosedContent: 'x',
          publicInterestReason: 'xxxx',
        }),
      ).rejects.toMatchObject({ fields: { consultationId: expect.stringMatching(/未提出不同意公开的意见/) } });
      // The consultation letter went by post; the notice goes by default to where it went.
      const consultationLetterOf甲 = (await letters.listLetters(t.db, a.id)).find(
        (l) => l.consultationId === ids['甲机械有限公司'] && l.kind === 'consultation_letter',
      )!;
      await sendDocument(deps, handler, a.id, consultationLetterOf甲.id, {
        channel: 'post',
        address: '泉州市洛江区双阳街道某工业园1号',
      });

      clock.set('2025-06-12T02:00:00Z');
      await performStep(deps, handler, a.id, 'notifyThirdParty', {
        disclosedContent: '厂房项目验收报告全文，含产能数据',
        publicInterestReason: '该项目使用财政资金建设，验收结果关系周边群众安全，不公开可能对公共利益造成重大影响',
      });
      const notice = (await letters.listLetters(t.db, a.id)).find((l) => l.kind === 'third_party_notice')!;
      expect(notice).toMatchObject({
        addressee: 'party',
        recipientName: '甲机械有限公司',
        consultationId: ids['甲机械有限公司'],
        templateKey: 'third_party_disclosure',
        date: '2025-06-12',
        title: '政府信息公开决定公开告知书',
      });
      // Worded as the party was consulted; never the applicant's name or number.
      expect(notice.values.信息名称).toBe('甲机械有限公司厂房项目验收报告');
      expect(JSON.stringify(notice.content)).not.toMatch(/李四|洛工信依申/);
      const text = await pdfText((await readLetter(deps, handler, a.id, notice.id, 'pdf')).content);
      expect(text).toContain('甲机械有限公司：');
      expect(text).toContain('决定公开的内容：厂房项目验收报告全文，含产能数据');
      expect(text).toContain('第十五条、第三十二条的规定，决定予以公开');
      expect((await sendDocument(deps, handler, a.id, notice.id, { channel: 'post' })).recipientAddress).toBe(
        '泉州市洛江区双阳街道某工业园1号',
      );

      // Never on the tracking page: not among the files, not in the timeline, not downloadable with the applicant's code.
      const view = await trackingView(deps, await findForApplicant(deps, agencyId, a.trackingNumber, queryCode));
      expect(view.files.map((f) => f.id)).not.toContain(notice.id);
      expect(view.files.map((f) => f.label)).not.toContain('决定公开告知书（第三方）');
      expect(view.timeline.map((e) => e.summary).join()).not.toMatch(/书面告知第三方|甲机械/);
      await expect(applicantFile(deps, a, notice.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

      // Told: the reply letter may leave now.
      detail = await getApplication(deps, handler, a.id);
      expect(detail.thirdPartyNoticesMissing).toEqual([]);
      expect(detail.documents.find((d) => d.id === reply.id)!.sendBlocker).toBeNull();
      expect(detail.steps).toContain('reply');
      await sendDocument(deps, handler, a.id, reply.id, { channel: 'email' });
      await performStep(deps, handler, a.id, 'reply', {});
      // The reply letter and the released information (予以公开 needs it before 签发).
      expect((await trackingView(deps, a)).files.map((f) => f.label)).toEqual(['提供的信息', '答复书']);
    });

    it('a decision drafted again needs its notice again; a 部分公开 that withholds what the party objected to needs none', async () => {
      clock.set('2025-07-01T02:00:00Z');
      const { application: a } = await createApplication(
        deps,
        clerk,
        citizen(agencyId, { applicantName: '王五', idNumber: '350504199001010029' }),
      );
      await performStep(deps, handler, a.id, 'sendConsultation', { party: 'third', partyName: '丙科技有限公司' });
      await performStep(deps, handler, a.id, 'recordConsultationAnswer', {
        consultationId: Object.values(await consultationIds(a.id))[0],
        opinion: 'object',
      });
      await performStep(deps, handler, a.id, 'decide', { outcome: 'granted', legalBasis: '第三十六条第（二）项' });
      await performStep(deps, handler, a.id, 'notifyThirdParty', {
        disclosedContent: '全部申请信息',
        publicInterestReason: '涉及公共安全，不公开将对公共利益造成重大影响',
      });
      expect((await getApplication(deps, handler, a.id)).thirdPartyNoticesMissing).toEqual([]);
      // The notice told of that decision; a new draft is a new decision.
      await performStep(deps, handler, a.id, 'decide', {
        outcome: 'partial',
        legalBasis: '第三十七条',
        reasons: '评审专家个人信息不予公开',
      });
      expect((await getApplication(deps, handler, a.id)).thirdPartyNoticesMissing.map((p) => p.partyName)).toEqual([
        '丙科技有限公司',
      ]);
      await performStep(deps, handler, a.id, 'decide', {
        outcome: 'partial',
        legalBasis: '第三十七条',
        reasons: '丙科技有限公司的商业秘密不予公开',
        thirdPartyWithheld: true,
      });
      const detail = await getApplication(deps, handler, a.id);
      expect(detail.thirdPartyNoticesMissing).toEqual([]);
      expect(detail.steps).not.toContain('notifyThirdParty');
      await expect(
        performStep(deps, handler, a.id, 'decide', {
          outcome: 'granted',
          legalBasis: '第三十六条第（二）项',
          thirdPartyWithheld: true,
        }),
      ).rejects.toMatchObject({ fields: { thirdPartyWithheld: expect.stringMatching(/^只有部分公开/) } });
    });
  },
);
