/** 补正 (第三十条): the one-time request for a correction, and the correction received. */
import { ValidationError } from '../../../domain/errors.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import { correctionNotice } from '../documents/notices.ts';
import { DATE, required, defineStep, type StepHandlers } from './context.ts';
import { stepBody } from '../applications.schemas.ts';

export const correctionSteps: StepHandlers<'requestCorrection' | 'recordCorrection'> = {
  requestCorrection: defineStep(stepBody('date', 'items', 'periodEnd'), ({ rec, input, today, date }) => {
    const items = required(input.items, 'items', '请列明需要补正的全部事项（第三十条：一次性告知）');
    if (input.periodEnd !== undefined && (!DATE.test(input.periodEnd) || input.periodEnd <= today))
      throw new ValidationError({ periodEnd: '补正期限应为今天以后的日期' });
    const d = date();
    return {
      events: [
        {
          type: 'correctionRequested',
          date: d,
          payload: { items, ...(input.periodEnd ? { periodEnd: input.periodEnd } : {}) },
          public: true,
          summary: `一次性告知补正：${items}`,
        },
      ],
      notices: [{ draft: correctionNotice(rec, d, items), event: 0 }],
    };
  }),

  recordCorrection: defineStep(stepBody('date', 'note', 'lateReason'), ({ input, clockNow, date }) => {
    const d = date({ date: clockNow.correctionRequestedDate!, what: '告知补正之日' });
    const end = clockNow.correctionPeriodEnd!;
    // 第三十条: only a correction missing 「无正当理由」 lapses; a late one needs the office's reason.
    const late = d > end;
    const reason = (input.lateReason ?? '').trim();
    if (late && reason.length < 2)
      throw new ValidationError({
        lateReason: `补正日期${formatChineseDate(d)}晚于补正期限${formatChineseDate(end)}：依据第三十条，申请人无正当理由逾期不补正的视为放弃申请；确有正当理由接受逾期补正的，请写明理由`,
      });
    if (reason.length > 400) throw new ValidationError({ lateReason: '不超过400个字' });
    return {
      events: [
        {
          type: 'correctionReceived',
          date: d,
          payload: {
            text: (input.note ?? '').slice(0, 4000),
            by: 'staff',
            ...(late ? { acceptedLate: true, lateReason: reason } : {}),
          },
          public: true,
          summary: late
            ? `收到逾期补正，因正当理由予以接受（第三十条）：${reason}；答复期限重新起算`
            : '收到补正后的申请，答复期限重新起算（第三十条）',
        },
      ],
      reversible: 'correctionLapsed',
    };
  }),
};
