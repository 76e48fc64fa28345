/**
 * The reply period moved: 延长答复期限 requested, approved or refused (第三十三条第二款), and
 * 第三十五条 — reasons asked for an unreasonable number of requests, a delayed reply set.
 */
import { extensionRefusalProblem } from '../../../domain/applications/workflow.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import { clockOf } from '../applications.clock.ts';
import { extensionNotice } from '../documents/notices.ts';
import { DATE, lastOf, required, defineStep, type StepHandlers } from './context.ts';
import { stepBody } from '../applications.schemas.ts';

export const extensionSteps: StepHandlers<
  'requestExtension' | 'approveExtension' | 'refuseExtension' | 'askReasons' | 'setDelayedReply'
> = {
  requestExtension: defineStep(stepBody('date', 'days', 'reason'), ({ input, settings, clockNow, date }) => {
    const days = input.days;
    const ceiling = settings.maxExtensionWorkingDays;
    const left = ceiling - clockNow.extensionWorkingDays;
    if (!Number.isInteger(days) || days! < 1 || days! > left)
      throw new ValidationError({
        days: `延长的工作日数应在1至${left}之间（第三十三条第二款：合计不超过${ceiling}个工作日）`,
      });
    const patch = {
      extensionRequestedDays: days!,
      extensionReason: required(input.reason, 'reason', '请说明延期理由'),
    };
    return {
      patch,
      events: [
        {
          type: 'extensionRequested',
          date: date(),
          payload: { days, reason: input.reason },
          public: false,
          summary: `申请延期答复${days}个工作日`,
        },
      ],
    };
  }),

  approveExtension: defineStep(
    stepBody('date', 'notifiedDate'),
    ({ rec, stored, input, actor, today, calendar, date }) => {
      const requested = lastOf(stored, 'extensionRequested');
      const d = date(requested && { date: requested.date, what: '申请延期之日' });
      // 第三十三条第二款 against the due date in force on the approval date, not on the entry date:
      // the facts of that day and before (facts dated later, entered first, were not known then).
      const dueThen = clockOf(
        stored.filter((e) => e.date <= d),
        d,
        calendar,
      ).replyDue;
      if (dueThen !== null && d > dueThen)
        throw new ValidationError({
          date: `批准日期${formatChineseDate(d)}晚于当日的答复期限${formatChineseDate(dueThen)}：依据第三十三条第二款，延长答复期限应在期限届满前经负责人同意`,
        });
      const notified = input.notifiedDate ?? d;
      if (!DATE.test(notified) || notified < d)
        throw new ValidationError({ notifiedDate: '告知申请人的日期不能早于批准日期' });
      if (notified > today) throw new ValidationError({ notifiedDate: '告知申请人的日期不能晚于今天' });
      return {
        events: [
          {
            type: 'extensionApproved',
            date: d,
            payload: {
              workingDays: rec.extensionRequestedDays,
              approverRole: 'officeHead',
              approver: actor.name,
              applicantNotifiedDate: notified,
            },
            public: true,
            summary: `经政府信息公开工作机构负责人同意，延长答复期限${rec.extensionRequestedDays}个工作日（第三十三条第二款）`,
          },
        ],
        // The notice is dated the day the applicant is told (第三十三条第二款「告知申请人」).
        notices: [
          { draft: extensionNotice(rec, notified, rec.extensionRequestedDays!, rec.extensionReason ?? ''), event: 0 },
        ],
        patch: { extensionRequestedDays: null, extensionReason: null },
      };
    },
  ),

  refuseExtension: defineStep(stepBody('date', 'reason'), ({ rec, stored, input, actor, clockNow, date }) => {
    // 不批准: the request is closed with the head's reason; no clock event, so the due date stays.
    const problem = extensionRefusalProblem(input.reason);
    if (problem) throw new ValidationError({ reason: problem });
    const reason = input.reason!.trim();
    const requested = lastOf(stored, 'extensionRequested');
    const d = date(requested && { date: requested.date, what: '申请延期之日' });
    return {
      events: [
        {
          type: 'extensionRefused',
          date: d,
          payload: {
            days: rec.extensionRequestedDays,
            requestReason: rec.extensionReason ?? '',
            reason,
            refusedBy: actor.name,
          },
          public: false,
          summary: `负责人不批准延期答复${rec.extensionRequestedDays}个工作日：${reason}；答复期限不变${clockNow.replyDue ? `（${formatChineseDate(clockNow.replyDue)}）` : ''}`,
        },
      ],
      patch: { extensionRequestedDays: null, extensionReason: null },
      summary: `不批准延期答复：${reason}`,
    };
  }),

  askReasons: defineStep(stepBody('date', 'note'), ({ input, date }) => ({
    patch: { reasonsAsked: true },
    events: [
      {
        type: 'reasonsAsked',
        date: date(),
        payload: { note: input.note ?? '' },
        public: true,
        summary: '申请数量、频次明显超过合理范围，要求申请人说明理由（第三十五条）',
      },
    ],
  })),

  setDelayedReply: defineStep(stepBody('date', 'until'), ({ input, date }) => {
    const d = date();
    if (!input.until || !DATE.test(input.until) || input.until <= d)
      throw new ValidationError({ until: '延迟答复的期限应晚于今天' });
    return {
      events: [
        {
          type: 'delayedReplySet',
          date: d,
          payload: { until: input.until },
          public: true,
          summary: `确定延迟答复的合理期限至${formatChineseDate(input.until)}（第三十五条）`,
        },
      ],
    };
  }),
};
