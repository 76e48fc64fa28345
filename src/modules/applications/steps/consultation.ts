/**
 * 征求意见 (第三十二条 third parties, 第三十四条 other agencies): letters sent — one per party, several
 * parties in one step — answers recorded, and 书面告知第三方 (第三十二条: a decision to disclose over
 * a third party's objection).
 */
import { randomUUID } from 'node:crypto';
import { thirdPartyNoticesMissing, THIRD_PARTY_NOTIFIED } from '../../../domain/applications/third-party.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { NewEvent } from '../applications.apply.ts';
import * as letters from '../documents/documents.repository.ts';
import { consultationLetter, infoName, thirdPartyNotice, type NoticeDraft } from '../documents/notices.ts';
import { DATE, required, type ConsultationRow, defineStep, type StepHandlers, type StepInput } from './context.ts';
import { stepBody } from '../applications.schemas.ts';

/** Parties one 征求意见 step may consult at once. */
export const MAX_PARTIES_PER_STEP = 20;

export const consultationSteps: StepHandlers<'sendConsultation' | 'recordConsultationAnswer' | 'notifyThirdParty'> = {
  sendConsultation: defineStep(
    stepBody('date', 'party', 'partyName', 'partyReceivedDate', 'partySubject', 'parties'),
    ({ rec, input, date }) => {
      const d = date();
      const events: NewEvent[] = [];
      const notices: Array<{ draft: NoticeDraft; event: number }> = [];
      for (const c of consultationRows(input, d, infoName(rec))) {
        const consultationId = randomUUID();
        events.push({
          type: 'consultationSent',
          date: d,
          payload: { party: c.party, partyReceivedDate: c.received, consultationId, partyName: c.partyName },
          public: true,
          summary: c.party === 'third' ? '书面征求第三方意见（第三十二条）' : '征求相关行政机关意见（第三十四条）',
        });
        notices.push({
          draft: consultationLetter(d, { party: c.party, partyName: c.partyName, consultationId, subject: c.subject }),
          event: events.length - 1,
        });
      }
      return { events, notices };
    },
  ),

  recordConsultationAnswer: defineStep(
    stepBody('date', 'consultationId', 'opinion', 'note'),
    ({ input, stored, clockNow, date }) => {
      const sent = stored.filter(
        (e) => e.type === 'consultationSent' && e.payload.consultationId === input.consultationId,
      );
      // Any consultation not yet answered: an answer dated within the period may be entered after it ended.
      const answered = new Set(
        stored.filter((e) => e.type === 'consultationAnswered').map((e) => e.payload.consultationId),
      );
      const unanswered = stored.filter((e) => e.type === 'consultationSent' && !answered.has(e.payload.consultationId));
      const target = sent[0] ?? (unanswered.length === 1 ? unanswered[0] : undefined);
      if (!target) throw new ValidationError({ consultationId: '请选择要登记答复的征求意见' });
      if (answered.has(target.payload.consultationId))
        throw new ValidationError({ consultationId: '该征求意见的答复已经登记' });
      const opinion = input.opinion ?? 'none';
      const answeredOn = date({ date: target.date, what: '发出征求意见之日' });
      const deadline = clockNow.consultations.find(
        (c) => c.sentDate === target.date && c.partyReceivedDate === (target.payload.partyReceivedDate ?? target.date),
      )?.partyDeadline;
      const lateAnswer = deadline !== undefined && answeredOn > deadline;
      return {
        events: [
          {
            type: 'consultationAnswered',
            date: answeredOn,
            payload: {
              party: target.payload.party,
              consultationId: target.payload.consultationId,
              opinion,
              note: input.note ?? '',
              ...(lateAnswer ? { late: true } : {}),
            },
            public: true,
            summary: lateAnswer
              ? `收到征求意见的答复（逾期：期限于${formatChineseDate(deadline)}届满，答复已登记供参考）`
              : '收到征求意见的答复',
          },
        ],
      };
    },
  ),

  notifyThirdParty: defineStep(
    stepBody('date', 'consultationId', 'disclosedContent', 'publicInterestReason'),
    async ({ deps, rec, stored, input, date }) => {
      // 第三十二条: 「…可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方」.
      const missing = thirdPartyNoticesMissing(rec.decisionOutcome, stored);
      const target = input.consultationId
        ? missing.find((p) => p.consultationId === input.consultationId)
        : missing.length === 1
          ? missing[0]
          : undefined;
      if (!target)
        throw new ValidationError({
          consultationId: input.consultationId
            ? '该第三方未提出不同意公开的意见，或已就本次拟定的答复书面告知'
            : '请选择要书面告知的第三方',
        });
      const disclosedContent = required(
        input.disclosedContent,
        'disclosedContent',
        '请写明决定公开的政府信息内容（第三十二条）',
      );
      const reason = required(
        input.publicInterestReason,
        'publicInterestReason',
        '请写明决定公开的理由：不公开可能对公共利益造成重大影响的情形（第三十二条）',
      );
      if (reason.length < 4)
        throw new ValidationError({
          publicInterestReason: '请具体说明不公开可能对公共利益造成的重大影响（第三十二条）',
        });
      // The information as the party was told it when consulted, never the applicant's own wording about themselves.
      const consulted = (await letters.listLetters(deps.db, rec.id)).find(
        (l) => l.kind === 'consultation_letter' && l.consultationId === target.consultationId,
      );
      const d = date();
      return {
        events: [
          {
            type: THIRD_PARTY_NOTIFIED,
            date: d,
            payload: { consultationId: target.consultationId, partyName: target.partyName },
            public: false,
            summary: `书面告知第三方决定公开的内容和理由（第三十二条）：${target.partyName}`,
          },
        ],
        notices: [
          {
            draft: thirdPartyNotice(d, {
              partyName: target.partyName,
              consultationId: target.consultationId,
              subject: consulted?.values.信息名称 ?? infoName(rec),
              content: disclosedContent,
              reasons: reason,
            }),
            event: 0,
          },
        ],
        summary: `书面告知第三方（第三十二条）：${target.partyName}`,
      };
    },
  ),
};

/**
 * The parties of a 征求意见 step, checked: `parties` (several at once) or the single party's
 * fields. Every row's problems are reported at once, by field (`parties.1.partyName`), so the
 * console shows each beside its row.
 */
function consultationRows(
  input: StepInput,
  sent: string,
  defaultSubject: string,
): Array<{ party: 'third' | 'agency'; partyName: string; received: string; subject: string }> {
  const several = Array.isArray(input.parties) && input.parties.length > 0;
  const rows: ConsultationRow[] = several
    ? input.parties!
    : [
        {
          party: input.party,
          partyName: input.partyName,
          partyReceivedDate: input.partyReceivedDate,
          partySubject: input.partySubject,
        },
      ];
  if (rows.length > MAX_PARTIES_PER_STEP)
    throw new ValidationError({ parties: `一次最多征求${MAX_PARTIES_PER_STEP}方的意见` });
  const field = (i: number, name: string) => (several ? `parties.${i}.${name}` : name);
  const errors: Record<string, string> = {};
  const seen = new Map<string, number>();
  const checked = rows.map((r, i) => {
    const party = r.party === 'agency' ? ('agency' as const) : ('third' as const);
    const partyName = (r.partyName ?? '').trim();
    if (!partyName) errors[field(i, 'partyName')] = '请填写被征求意见的第三方或者机关';
    else if (partyName.length > 200) errors[field(i, 'partyName')] = '不超过200个字';
    else if (seen.has(`${party}:${partyName}`))
      errors[field(i, 'partyName')] = `与第${seen.get(`${party}:${partyName}`)! + 1}行重复：同一方只需一份征求意见书`;
    else seen.set(`${party}:${partyName}`, i);
    const received = r.partyReceivedDate || sent;
    if (!DATE.test(received) || received < sent) errors[field(i, 'partyReceivedDate')] = '对方收到日期不能早于发出日期';
    const subject = (r.partySubject ?? '').trim() || defaultSubject;
    if (subject.length > 4000) errors[field(i, 'partySubject')] = '不超过4000个字';
    return { party, partyName, received, subject };
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return checked;
}
