import { describe, expect, it } from 'vitest';
import { citedBasis, tidyPunctuation } from './citation.ts';

const T = '《中华人民共和国政府信息公开条例》';

describe('the legal basis a reply cites', () => {
  it("cites the handler's articles, adding the one the outcome rests on", () => {
    expect(citedBasis('partial', 'partial', '第十五条')).toBe(`${T}第十五条、第三十七条`);
    expect(citedBasis('partial', 'partial', '第三十七条')).toBe(`${T}第三十七条`);
    expect(citedBasis('withheld_third_party', 'withheld_third_party', '第十五条、第三十二条')).toBe(
      `${T}第十五条、第三十二条、第三十六条第三项`,
    );
    expect(citedBasis('withheld_internal', 'withheld_internal', '《条例》第十六条第一款、第三十六条第（三）项')).toBe(
      `${T}第十六条第一款、第三十六条第（三）项`,
    );
  });

  it('another law the handler names is cited after the 条例, never prefixed with it', () => {
    expect(citedBasis('withheld_prohibited', 'withheld_prohibited', '《中华人民共和国档案法》第二十七条')).toBe(
      `${T}第三十六条第三项和《中华人民共和国档案法》第二十七条`,
    );
  });

  it('the untouched default is narrowed for the two letters that share a row', () => {
    expect(citedBasis('unavailable_not_held', 'unavailable_not_held', '第三十六条第四项、第五项')).toBe(
      `${T}第三十六条第四项`,
    );
    expect(citedBasis('unavailable_not_responsible', 'unavailable_not_held', null)).toBe(`${T}第三十六条第五项`);
    expect(citedBasis('granted', 'granted', '')).toBe(`${T}第三十六条第一项、第二项`);
  });
});

describe('doubled punctuation', () => {
  it('keeps one mark where a value meets the template', () => {
    expect(tidyPunctuation('理由：涉及商业秘密。。')).toBe('理由：涉及商业秘密。');
    expect(tidyPunctuation('理由：涉及商业秘密，。联系电话')).toBe('理由：涉及商业秘密。联系电话');
    expect(tidyPunctuation('见附件；。')).toBe('见附件。');
    expect(tidyPunctuation('已公开。，请查收')).toBe('已公开。请查收');
    expect(tidyPunctuation('1.请写明名称；2.请写明文号。')).toBe('1.请写明名称；2.请写明文号。');
  });
});
