/**
 * The reply: 拟定答复 (第三十六条, 第四十一条 for records), 保密审查, 负责人签发 and 送达 — a review or
 * sign-off may be entered from a paper form (back-entry.ts).
 */
import { checkDecision, OUTCOME_LABELS, releasedFileMissing } from '../../../domain/applications/decision.ts';
import { RECORDS_OUTCOMES, RECORDS_OUTCOME_LABELS, type RecordsOutcome } from '../../../domain/applications/kinds.ts';
import { objectingThirdParties } from '../../../domain/applications/third-party.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import * as events from '../applications.events.repository.ts';
import type * as repo from '../applications.repository.ts';
import { paperSigner } from './back-entry.ts';
import { lastOf, defineStep, type StepHandlers } from './context.ts';
import { stepBody } from '../applications.schemas.ts';

export const decisionSteps: StepHandlers<'decide' | 'reviewConfidentiality' | 'signOff' | 'reply'> = {
  decide: defineStep(
    stepBody('outcome', 'legalBasis', 'reasons', 'responsibleAgency', 'thirdPartyWithheld'),
    ({ rec, stored, input, actor, clockNow, today }) => {
      let withheld = false;
      let patch: Partial<repo.ApplicationRecord>;
      let summary: string;
      const basis = (input.legalBasis ?? '').trim();
      const reasons = (input.reasons ?? '').trim();
      if (rec.kind === 'records_correction') {
        if (!(RECORDS_OUTCOMES as readonly string[]).includes(input.outcome ?? ''))
          throw new ValidationError({ outcome: '请选择更正申请的处理结果（第四十一条）' });
        patch = {
          decisionOutcome: 'other_other',
          recordsOutcome: input.outcome!,
          decisionBasis: basis || '第四十一条',
          decisionReasons: reasons,
          decisionStatus: 'draft',
          decidedBy: actor.name,
        };
        summary = `拟定答复：${RECORDS_OUTCOME_LABELS[input.outcome as RecordsOutcome]}`;
      } else {
        const consulted = stored.some((e) => e.type === 'consultationSent' && e.payload.party === 'third');
        const outcome = checkDecision(
          {
            outcome: input.outcome ?? '',
            legalBasis: basis,
            reasons,
            responsibleAgency: input.responsibleAgency ?? null,
          },
          { correctionReceived: clockNow.correctionReceivedDate !== null, reasonsAsked: rec.reasonsAsked, consulted },
        );
        // 第三十二条: only a 部分公开 can keep an objecting third party's information back.
        if (input.thirdPartyWithheld === true && outcome !== 'partial')
          throw new ValidationError({
            thirdPartyWithheld:
              '只有部分公开才能对第三方不同意公开的内容不予公开；予以公开的，须书面告知第三方（第三十二条）',
          });
        withheld =
          outcome === 'partial' && input.thirdPartyWithheld === true && objectingThirdParties(stored).length > 0;
        patch = {
          decisionOutcome: outcome,
          decisionBasis: basis,
          decisionReasons: reasons,
          responsibleAgency: (input.responsibleAgency ?? '').trim() || null,
          decisionStatus: 'draft',
          decidedBy: actor.name,
          reviewedAt: null,
          reviewedBy: null,
          signedAt: null,
          signedBy: null,
        };
        summary = `拟定答复：${OUTCOME_LABELS[outcome]}`;
      }
      return {
        patch,
        summary,
        events: [
          {
            type: 'decisionDrafted',
            date: today,
            payload: {
              outcome: patch.decisionOutcome,
              recordsOutcome: patch.recordsOutcome ?? null,
              ...(withheld ? { thirdPartyWithheld: true } : {}),
            },
            public: false,
            summary,
          },
        ],
      };
    },
  ),

  reviewConfidentiality: defineStep(
    stepBody('date', 'passed', 'note', 'paper'),
    async ({ deps, rec, stored, input, actor, today, date }) => {
      const passed = input.passed === true;
      const drafted = lastOf(stored, 'decisionDrafted');
      const d = date(drafted && { date: drafted.date, what: '拟定答复之日' });
      const signer = await paperSigner(deps, rec, 'reviewConfidentiality', input, actor, d, today);
      const patch: Partial<repo.ApplicationRecord> = passed
        ? { decisionStatus: 'reviewed', reviewedAt: deps.clock.now().toISOString(), reviewedBy: signer.name }
        : { decisionStatus: 'returned' };
      if (passed) await events.markFiles(deps.db, rec.id, ['released', 'reply_letter'], { reviewed: true });
      return {
        patch,
        events: [
          {
            type: 'confidentialityReviewed',
            date: d,
            payload: { passed, note: input.note ?? '', reviewer: signer.name, ...signer.payload },
            public: false,
            summary: `${passed ? '保密审查通过' : `保密审查未通过，退回修改：${input.note ?? ''}`}${signer.text}`,
          },
        ],
        summary: `${passed ? '保密审查通过' : '保密审查未通过'}${signer.text}`,
      };
    },
  ),

  signOff: defineStep(stepBody('date', 'paper'), async ({ deps, rec, stored, input, actor, today, date }) => {
    const reviewed = lastOf(stored, 'confidentialityReviewed');
    const d = date(reviewed && { date: reviewed.date, what: '保密审查之日' });
    const released = (await events.listFiles(deps.db, rec.id)).filter((f) => f.role === 'released').length;
    const missing = rec.kind === 'disclosure' ? releasedFileMissing(rec.decisionOutcome, released) : null;
    if (missing) throw new DomainError('RELEASED_FILE_MISSING', missing, { outcome: rec.decisionOutcome });
    const signer = await paperSigner(deps, rec, 'signOff', input, actor, d, today);
    return {
      patch: { decisionStatus: 'signed', signedAt: deps.clock.now().toISOString(), signedBy: signer.name },
      events: [
        {
          type: 'signedOff',
          date: d,
          payload: { approver: signer.name, ...signer.payload },
          public: false,
          summary: `政府信息公开工作机构负责人签发${signer.text}`,
        },
      ],
      summary: `负责人签发${signer.text}`,
    };
  }),

  reply: defineStep(stepBody('date'), async ({ deps, rec, stored, date }) => {
    // The letter may also go on paper and be filed later; whatever file does go must have been reviewed.
    const files = await events.listFiles(deps.db, rec.id);
    if (files.some((f) => (f.role === 'released' || f.role === 'reply_letter') && !f.reviewed))
      throw new DomainError('STEP_NOT_ALLOWED', '有提供文件或答复书上传于保密审查之后，须重新审查后才能送达');
    const outcome = rec.decisionOutcome!;
    const signed = lastOf(stored, 'signedOff');
    const replied = {
      type: 'replied',
      date: date(signed && { date: signed.date, what: '负责人签发之日' }),
      payload: { outcome },
      public: true,
      summary:
        rec.kind === 'records_correction'
          ? `答复：${RECORDS_OUTCOME_LABELS[rec.recordsOutcome as RecordsOutcome]}`
          : `答复：${OUTCOME_LABELS[outcome as keyof typeof OUTCOME_LABELS]}`,
    };
    await events.markFiles(deps.db, rec.id, ['released', 'reply_letter'], { sent: true });
    return { patch: { decisionStatus: 'sent' }, events: [replied] };
  }),
};
