/**
 * 信息处理费 (国办函〔2020〕109号): the fee notice issued, its receipt by the applicant (the payment
 * period runs from the next day) and the payment.
 */
import {
  assessFee,
  FEE_BASIS_LABELS,
  FEE_NOTICE_DELIVERIES,
  FEE_NOTICE_DELIVERY_LABELS,
  feeMonthOf,
  feeNoticeDeliveryFor,
} from '../../../domain/applications/fees.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import * as repo from '../applications.repository.ts';
import { feeNotice } from '../documents/notices.ts';
import { stepDate, defineStep, type StepHandlers } from './context.ts';
import { stepBody } from '../applications.schemas.ts';

export const feeSteps: StepHandlers<'issueFeeNotice' | 'recordFeeReceipt' | 'recordFeePaid'> = {
  issueFeeNotice: defineStep(
    stepBody('date', 'basis', 'pieces', 'pages', 'paymentMethod', 'delivery', 'receivedDate'),
    async ({ deps, rec, input, today, date }) => {
      const d = date();
      // 按件: the applicant's pieces filed with this agency earlier in the same calendar month (第四条).
      const month = feeMonthOf(rec.arrivalDate);
      const earlier =
        input.basis === 'per_piece'
          ? await repo.countByApplicantSince(deps.db, rec.agencyId, rec.idNumberHash, `${month}-01`, rec.id, {
              arrivalDate: rec.arrivalDate,
              createdAt: rec.createdAt,
            })
          : 0;
      const fee =
        input.basis === 'per_piece'
          ? assessFee({ basis: 'per_piece', earlierPieces: earlier, pieces: input.pieces ?? 1 }, rec.feeBasis as never)
          : input.basis === 'per_page'
            ? assessFee({ basis: 'per_page', pages: input.pages ?? 0 }, rec.feeBasis as never)
            : null;
      if (!fee) throw new ValidationError({ basis: '请选择按件计收或按量计收' });
      if (fee.amount === 0) throw new ValidationError({ basis: '按该标准本申请不收费，无需发出收费通知' });
      const patch = { feeBasis: fee.basis, feeAmount: fee.amount };
      if ((input.paymentMethod ?? '').length > 400) throw new ValidationError({ paymentMethod: '不超过400个字' });
      const delivery = input.delivery ?? feeNoticeDeliveryFor(rec.deliveryMethod);
      if (!FEE_NOTICE_DELIVERIES.includes(delivery))
        throw new ValidationError({ delivery: '请选择收费通知的送达方式：当面交付、电子邮件、网上平台或邮寄' });
      const received =
        input.receivedDate === undefined
          ? undefined
          : stepDate(input.receivedDate, 'receivedDate', rec, today, { date: d, what: '发出收费通知之日' });
      const receipt = received ?? (delivery === 'post' ? null : d);
      return {
        patch,
        events: [
          {
            type: 'feeNotice',
            date: d,
            payload: {
              basis: fee.basis,
              units: fee.units,
              bands: fee.bands,
              amount: fee.amount,
              delivery,
              ...(received !== undefined ? { applicantReceivedDate: received } : {}),
            },
            public: true,
            summary: `发出收费通知（${FEE_NOTICE_DELIVERY_LABELS[delivery]}）：${FEE_BASIS_LABELS[fee.basis]}，${fee.amount}元（国办函〔2020〕109号）${
              receipt === null
                ? '；申请人签收日期待登记，缴费期限自收到次日起算'
                : `；申请人${formatChineseDate(receipt)}收到，缴费期限自次日起算`
            }`,
          },
        ],
        notices: [{ draft: feeNotice(rec, d, fee, input.paymentMethod), event: 0 }],
        summary: `发出收费通知 ${fee.amount}元`,
      };
    },
  ),

  recordFeeReceipt: defineStep(stepBody('date'), ({ clockNow, date }) => {
    // 109号「收到收费通知次日起20个工作日内」: the signing date of a posted notice, entered when known.
    const d = date({ date: clockNow.feeNoticeDate!, what: '发出收费通知之日' });
    return {
      events: [
        {
          type: 'feeNoticeReceived',
          date: d,
          public: true,
          summary: `申请人于${formatChineseDate(d)}收到收费通知，缴费期限自次日起算（国办函〔2020〕109号）`,
        },
      ],
      summary: `登记收费通知送达：${formatChineseDate(d)}`,
    };
  }),

  recordFeePaid: defineStep(stepBody('date', 'lateReason'), ({ rec, input, settings, clockNow, date }) => {
    const d = date({ date: clockNow.feeNoticeDate!, what: '发出收费通知之日' });
    // While the receipt date is unknown the period has not started: a payment cannot be late.
    const due = clockNow.paymentDue;
    const late = due !== null && d > due;
    const reason = (input.lateReason ?? '').trim();
    // 109号: 「逾期未缴纳的视为放弃申请」 — no 正当理由 exception; accepting is an [INTERPRETATION] setting.
    if (late && !settings.lateFeePaymentAcceptable)
      throw new ValidationError({
        date: `缴费日期${formatChineseDate(d)}晚于缴费期限${formatChineseDate(due!)}：依据国办函〔2020〕109号，申请人逾期未缴纳的视为放弃申请，逾期缴费不予登记`,
      });
    if (late && reason.length < 2)
      throw new ValidationError({
        lateReason: `缴费日期${formatChineseDate(d)}晚于缴费期限${formatChineseDate(due!)}：接受逾期缴费须写明理由（本机关设置：逾期缴费可予接受）`,
      });
    return {
      events: [
        {
          type: 'feePaid',
          date: d,
          payload: late ? { acceptedLate: true, lateReason: reason } : {},
          public: true,
          summary: late
            ? `缴纳信息处理费${rec.feeAmount ?? 0}元（逾期缴费，予以接受：${reason}）`
            : `缴纳信息处理费${rec.feeAmount ?? 0}元`,
        },
      ],
      reversible: 'feeLapsed',
    };
  }),
};
