/**
 * The clock's settings. Where the statute leaves a choice it is a setting with a documented
 * default (DESIGN.md non-negotiable 1; docs/calendar.md lists each with its article).
 */
import { DomainError } from '../errors.ts';

export interface ClockSettings {
  /** Count the day of receipt (default false: 民法典 第二百零一条「开始的当日不计入」). */
  readonly startDayCounted: boolean;
  /** Reply period in working days (第三十三条第二款: 20). */
  readonly replyWorkingDays: number;
  /** All extensions together at most (第三十三条第二款: 20). */
  readonly maxExtensionWorkingDays: number;
  /** The 补正 notice is due within this many working days of receipt (第三十条: 7). */
  readonly correctionNoticeWorkingDays: number;
  /** Correction period when the office sets no date (第三十条「合理的补正期限」; default 15). */
  readonly correctionPeriodWorkingDays: number;
  /** The consulted party's period from its receipt of the letter (第三十二条, 第三十四条: 15). */
  readonly consultationWorkingDays: number;
  /** Time from fee notice to payment is excluded from the reply period (国办函〔2020〕109号, unconfirmed; default true). */
  readonly feeTimeExcluded: boolean;
  /** Payment period after the fee notice (国办函〔2020〕109号, unconfirmed; default 20). */
  readonly feePaymentWorkingDays: number;
  /**
   * [INTERPRETATION] Accept a payment dated after its period when the office records a reason
   * (default false: 109号 has no 正当理由 exception; lifecycle.md "Facts entered late").
   */
  readonly lateFeePaymentAcceptable: boolean;
}

/** The defaults (lifecycle.md). */
export const DEFAULT_CLOCK_SETTINGS: ClockSettings = Object.freeze({
  startDayCounted: false,
  replyWorkingDays: 20,
  maxExtensionWorkingDays: 20,
  correctionNoticeWorkingDays: 7,
  correctionPeriodWorkingDays: 15,
  consultationWorkingDays: 15,
  feeTimeExcluded: true,
  feePaymentWorkingDays: 20,
  lateFeePaymentAcceptable: false,
});

/** Statutory ceilings: a setting may shorten these periods, never lengthen them. */
const CEILINGS: Partial<Record<keyof ClockSettings, { max: number; article: string }>> = {
  replyWorkingDays: { max: 20, article: '第三十三条第二款' },
  maxExtensionWorkingDays: { max: 20, article: '第三十三条第二款' },
  correctionNoticeWorkingDays: { max: 7, article: '第三十条' },
};

/** The defaults overridden by `overrides`, validated. */
export function resolveClockSettings(overrides: Partial<ClockSettings> = {}): ClockSettings {
  const settings: ClockSettings = { ...DEFAULT_CLOCK_SETTINGS, ...overrides };
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings) as Array<[keyof ClockSettings, unknown]>) {
    if (typeof DEFAULT_CLOCK_SETTINGS[key] === 'boolean') {
      if (typeof value !== 'boolean') fields[key] = '应为是或否';
      continue;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      fields[key] = '应为正整数（工作日）';
      continue;
    }
    const ceiling = CEILINGS[key];
    if (ceiling && value > ceiling.max) fields[key] = `依据${ceiling.article}，不得超过${ceiling.max}个工作日`;
  }
  if (Object.keys(fields).length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `期限设置有误：${Object.entries(fields)
        .map(([k, v]) => `${k}${v}`)
        .join('；')}`,
      { fields },
    );
  }
  return settings;
}
