import { describe, expect, it } from 'vitest';
import { checkDecision, releaseBlockers } from './decision.ts';

const ctx = { correctionReceived: false, reasonsAsked: false, consulted: false };

describe('decisions', () => {
  it('第三十七条: 部分公开 needs reasons for the withheld parts', () => {
    expect(() => checkDecision({ outcome: 'partial', legalBasis: '第三十七条', reasons: '' }, ctx)).toThrow(
      /第三十七条/,
    );
    expect(
      checkDecision({ outcome: 'partial', legalBasis: '第三十七条', reasons: '涉及个人隐私部分已作区分处理' }, ctx),
    ).toBe('partial');
  });
  it('lapse outcomes are never a reply; unknown outcomes are refused', () => {
    expect(() => checkDecision({ outcome: 'other_no_correction', legalBasis: '第三十条', reasons: '' }, ctx)).toThrow(
      /自动办结/,
    );
    expect(() => checkDecision({ outcome: 'maybe', legalBasis: 'x', reasons: '' }, ctx)).toThrow(/办理结果/);
  });
  it('第三十条: 补正后仍不明确 only after a correction; 第三十二条: third-party grounds only after consulting', () => {
    expect(() => checkDecision({ outcome: 'unavailable_unclear', legalBasis: '第三十条', reasons: '' }, ctx)).toThrow(
      /补正后/,
    );
    expect(() =>
      checkDecision({ outcome: 'withheld_third_party', legalBasis: '第十五条', reasons: '涉及商业秘密' }, ctx),
    ).toThrow(/第三十二条/);
  });
  it('release control: review passed and sign-off recorded, every released file reviewed', () => {
    expect(
      releaseBlockers({
        confidentialityReviewedAt: null,
        confidentialityPassed: false,
        signedOffAt: null,
        unreviewedReleasedFiles: 1,
      }),
    ).toHaveLength(3);
    expect(
      releaseBlockers({
        confidentialityReviewedAt: 'x',
        confidentialityPassed: false,
        signedOffAt: 'y',
        unreviewedReleasedFiles: 0,
      }),
    ).toEqual(['保密审查未通过']);
    expect(
      releaseBlockers({
        confidentialityReviewedAt: 'x',
        confidentialityPassed: true,
        signedOffAt: 'y',
        unreviewedReleasedFiles: 0,
      }),
    ).toEqual([]);
  });
});
