/**
 * 信息处理费 (第四十二条; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号). Two bases, each
 * 超额累进 (only the part within a band pays that band's rate), and never both on one
 * application (第三条「不得同时按照两种标准重复计算」):
 * - 按件 (第四条): per applicant per calendar month — 1–10 free; 11–30 100元/件; from 31 on,
 *   every further band of 10 pieces costs 100元/件 more (31–40 200元, 41–50 300元, …).
 * - 按量 (第五条): per page — 1–30 free; 31–100 10元/页; 101–200 20元/页; 201 on 40元/页.
 * Amounts are whole 元.
 */
import type { FeeNoticeDelivery } from '../clock/types.ts';
import { ValidationError } from '../errors.ts';

export { FEE_NOTICE_DELIVERIES, FEE_NOTICE_DELIVERY_LABELS } from '../clock/timeline.ts';

/**
 * The 收费通知's way by default: 109号 「按照申请人获取信息的途径向申请人发出收费通知」 — the way the
 * applicant chose to get the information (post, e-mail, online; 当面领取 → handed over).
 */
export function feeNoticeDeliveryFor(deliveryMethod: string): FeeNoticeDelivery {
  if (deliveryMethod === 'post' || deliveryMethod === 'email' || deliveryMethod === 'online') return deliveryMethod;
  return 'in-person';
}

/** Which standard one application is charged by. */
export type FeeBasis = 'per_piece' | 'per_page';

export const FEE_BASIS_LABELS: Record<FeeBasis, string> = { per_piece: '按件计收', per_page: '按量计收' };

/** The 按件 rate of the n-th piece (1-based) of an applicant in one calendar month (第四条). */
export function perPieceRate(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 + 100 * Math.ceil((n - 30) / 10);
}

/** The 按量 rate of the n-th page (1-based) of one application (第五条). */
export function perPageRate(n: number): number {
  if (n <= 30) return 0;
  if (n <= 100) return 10;
  if (n <= 200) return 20;
  return 40;
}

/** One band of a fee computation, for the notice (收费通知 states basis, standard and amount). */
export interface FeeBand {
  readonly from: number;
  readonly to: number;
  readonly rate: number;
  readonly amount: number;
}

/** A computed fee: its basis, the bands touched and the total in 元. */
export interface FeeAssessment {
  readonly basis: FeeBasis;
  /** Pieces or pages charged by this application. */
  readonly units: number;
  readonly bands: readonly FeeBand[];
  readonly amount: number;
}

function banded(first: number, count: number, rate: (n: number) => number): FeeBand[] {
  const bands: FeeBand[] = [];
  for (let n = first; n < first + count; n++) {
    const r = rate(n);
    const last = bands[bands.length - 1];
    if (last && last.rate === r) bands[bands.length - 1] = { ...last, to: n, amount: last.amount + r };
    else bands.push({ from: n, to: n, rate: r, amount: r });
  }
  return bands;
}

/**
 * 按件: `earlierPieces` = pieces the same applicant (recognised by the keyed hash of the
 * identity number) already filed this calendar month with this agency; `pieces` = this
 * application split by 「一事一申请」 (第四条, at least 1).
 */
export function perPieceFee(earlierPieces: number, pieces: number): FeeAssessment {
  if (!Number.isInteger(earlierPieces) || earlierPieces < 0)
    throw new ValidationError({ earlierPieces: '应为不小于0的整数' });
  if (!Number.isInteger(pieces) || pieces < 1) throw new ValidationError({ pieces: '件数应为正整数' });
  const bands = banded(earlierPieces + 1, pieces, perPieceRate);
  return { basis: 'per_piece', units: pieces, bands, amount: bands.reduce((s, b) => s + b.amount, 0) };
}

/** 按量: the pages provided (A4 equivalents) for this application. */
export function perPageFee(pages: number): FeeAssessment {
  if (!Number.isInteger(pages) || pages < 1) throw new ValidationError({ pages: '页数应为正整数' });
  const bands = banded(1, pages, perPageRate);
  return { basis: 'per_page', units: pages, bands, amount: bands.reduce((s, b) => s + b.amount, 0) };
}

/** The input of a fee decision: exactly one basis (第三条). */
export type FeeInput =
  | { readonly basis: 'per_piece'; readonly earlierPieces: number; readonly pieces: number }
  | { readonly basis: 'per_page'; readonly pages: number };

/**
 * Assesses the fee of one application. `alreadyAssessed` is the basis of an earlier notice on
 * the same application: charging the other basis too is refused (第三条).
 */
export function assessFee(input: FeeInput, alreadyAssessed: FeeBasis | null = null): FeeAssessment {
  if (alreadyAssessed !== null && alreadyAssessed !== input.basis) {
    throw new ValidationError({
      basis: `本申请已${FEE_BASIS_LABELS[alreadyAssessed]}，不得同时按照两种标准重复计算（国办函〔2020〕109号第三条）`,
    });
  }
  return input.basis === 'per_piece' ? perPieceFee(input.earlierPieces, input.pieces) : perPageFee(input.pages);
}

/** The calendar month (YYYY-MM) a piece counts in: the month of its statutory receipt date. */
export function feeMonthOf(date: string): string {
  return date.slice(0, 7);
}
