import { describe, expect, it } from 'vitest';
import { assessFee, perPageFee, perPieceFee, perPieceRate } from './fees.ts';

describe('信息处理费 按件 (国办函〔2020〕109号第四条): per applicant per calendar month, 超额累进', () => {
  it('the first 10 pieces of a month are free', () => {
    expect(perPieceFee(0, 10).amount).toBe(0);
  });
  it('11–30 cost 100元 each; only the part above 10 pays', () => {
    expect(perPieceFee(9, 3).amount).toBe(200);
    expect(perPieceFee(0, 30).amount).toBe(2000);
  });
  it('from 31 on, each band of 10 costs 100元 more', () => {
    expect([30, 31, 40, 41, 50, 51].map(perPieceRate)).toEqual([100, 200, 200, 300, 300, 400]);
    expect(perPieceFee(29, 3).bands).toEqual([
      { from: 30, to: 30, rate: 100, amount: 100 },
      { from: 31, to: 32, rate: 200, amount: 400 },
    ]);
  });
});

describe('信息处理费 按量 (第五条): per page, 超额累进', () => {
  it('30 pages free, then 10, 20 and 40元 per page by band', () => {
    expect(perPageFee(30).amount).toBe(0);
    expect(perPageFee(31).amount).toBe(10);
    expect(perPageFee(100).amount).toBe(700);
    expect(perPageFee(200).amount).toBe(700 + 2000);
    expect(perPageFee(250).amount).toBe(2700 + 50 * 40);
  });
});

describe('第三条: never both standards on one application', () => {
  it('refuses the other basis once one was assessed', () => {
    expect(() => assessFee({ basis: 'per_page', pages: 40 }, 'per_piece')).toThrow(/不得同时/);
    expect(assessFee({ basis: 'per_page', pages: 40 }, 'per_page').amount).toBe(100);
  });
  it('refuses nonsense input', () => {
    expect(() => perPageFee(0)).toThrow();
    expect(() => perPieceFee(-1, 1)).toThrow();
  });
});
