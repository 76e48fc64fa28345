/**
 * The period a supervisor looks at: a year, a quarter or a month of a year, or any span of
 * dates. Statistics count what happened inside it (received, closed, published, filed); the
 * annual report column follows the year the period ends in (第四十九条 reports are per year).
 */
import { ValidationError } from '../errors.ts';

export interface Period {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  to: string;
  /** 2025年, 2025年第二季度, 2025年3月, 2025年1月1日至2025年6月30日. */
  label: string;
  /** The report year the period belongs to (the year of its last day). */
  year: number;
}

/** What a request or the CLI gives: a year with an optional quarter or month, or two dates. */
export interface PeriodInput {
  year?: number | string;
  quarter?: number | string;
  month?: number | string;
  from?: string;
  to?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

const cnDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const blank = (v: unknown) => v === undefined || v === null || v === '';

/** Years the platform can hold statistics for (the 2008 条例 took effect on 1 May 2008). */
export const FIRST_YEAR = 2008;
export const LAST_YEAR = 2100;
/** Longest span of dates (days): ten years, so a typo like 2205 is caught. */
const MAX_SPAN_DAYS = 3700;

/**
 * Parses a period; a bad one throws ValidationError naming the field, in Chinese (nothing is
 * counted for a period that makes no sense).
 */
export function parsePeriod(input: PeriodInput): Period {
  const errors: Record<string, string> = {};
  const hasDates = !blank(input.from) || !blank(input.to);
  if (hasDates) {
    if (!blank(input.year) || !blank(input.quarter) || !blank(input.month))
      errors.period = '请只选择一种统计期间：年度（可加季度或月份），或起止日期';
    const from = String(input.from ?? '');
    const to = String(input.to ?? '');
    if (!isRealDate(from)) errors.from = '开始日期应为有效日期，格式如 2025-01-01';
    if (!isRealDate(to)) errors.to = '结束日期应为有效日期，格式如 2025-12-31';
    if (Object.keys(errors).length) throw new ValidationError(errors);
    if (from > to) throw new ValidationError({ to: '结束日期不能早于开始日期' });
    const fy = Number(from.slice(0, 4));
    const ty = Number(to.slice(0, 4));
    if (fy < FIRST_YEAR || ty > LAST_YEAR)
      throw new ValidationError({ from: `统计期间应在${FIRST_YEAR}年至${LAST_YEAR}年之间` });
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (days > MAX_SPAN_DAYS) throw new ValidationError({ to: '统计期间不能超过十年' });
    return { from, to, label: `${cnDate(from)}至${cnDate(to)}`, year: ty };
  }
  if (blank(input.year)) throw new ValidationError({ year: '请指定统计年度，或起止日期' });
  const year = Number(input.year);
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    errors.year = `统计年度应为${FIRST_YEAR}至${LAST_YEAR}之间的年份`;
  if (!blank(input.quarter) && !blank(input.month)) errors.period = '季度和月份只能选择一个';
  const quarter = blank(input.quarter) ? null : Number(input.quarter);
  const month = blank(input.month) ? null : Number(input.month);
  if (quarter !== null && !(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4)) errors.quarter = '季度应为1至4';
  if (month !== null && !(Number.isInteger(month) && month >= 1 && month <= 12)) errors.month = '月份应为1至12';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const QUARTERS = ['一', '二', '三', '四'];
  if (quarter !== null) {
    const first = (quarter - 1) * 3 + 1;
    return {
      from: `${year}-${pad(first)}-01`,
      to: lastDay(year, first + 2),
      label: `${year}年第${QUARTERS[quarter - 1]}季度`,
      year,
    };
  }
  if (month !== null)
    return { from: `${year}-${pad(month)}-01`, to: lastDay(year, month), label: `${year}年${month}月`, year };
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年`, year };
}

/** The months (YYYY-MM) a period touches, for trend charts. */
export function periodMonths(period: Period): string[] {
  const out: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const end = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= end) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
