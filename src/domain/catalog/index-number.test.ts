/** 索引号 schemes, the rule in words, and the agency codes they carry (GB 32100, GB 11714). */
import { describe, expect, it } from 'vitest';
import {
  checkOrganizationCode,
  DEFAULT_INDEX_SCHEME,
  describeIndexScheme,
  formatIndexNumber,
  parseAgencyCode,
  validateIndexScheme,
} from './index-number.ts';

describe('索引号', () => {
  it('the default scheme gives 统一社会信用代码/年份-五位序号', () => {
    expect(formatIndexNumber(DEFAULT_INDEX_SCHEME, { code: '113505040032051248', year: 2025, serial: 16 })).toBe(
      '113505040032051248/2025-00016',
    );
  });

  it('refuses schemes whose numbers could repeat, saying why', () => {
    expect(validateIndexScheme('{code}/{year}')).toMatch(/顺序号/);
    expect(validateIndexScheme('{code}/{serial:5}')).toMatch(/年份/);
    expect(validateIndexScheme('{year}-{serial:5}')).toMatch(/机构代码/);
    expect(validateIndexScheme('{code}/{year}-{serial}{item}')).toMatch(/分隔符/);
    expect(validateIndexScheme('{code}{year}-{serial}')).toMatch(/分隔符/);
    expect(validateIndexScheme('{code}/{year}-{serial}-{serial:3}')).toMatch(/只能出现一次/);
    expect(validateIndexScheme('{code}/{year}-{foo}-{serial}')).toMatch(/只能使用/);
    expect(validateIndexScheme('{code}-{item}/{year}-{serial:4}')).toBeNull();
    expect(validateIndexScheme(DEFAULT_INDEX_SCHEME)).toBeNull();
  });

  it('describes the rule in words for the 指南, with an example', () => {
    expect(describeIndexScheme(DEFAULT_INDEX_SCHEME, '113505040032051248', '统一社会信用代码')).toBe(
      '索引号由本机关统一社会信用代码、斜线“/”、公开年份、连接号“-”和五位顺序号（不足五位的前面补零）依次组成，如 113505040032051248/2025-00001。顺序号每年从1起连续编号，不重复使用；索引号一经编制不再改变。',
    );
    const withItem = describeIndexScheme('{code}-{item}/{year}-{serial}', 'D2143569-X', '组织机构代码');
    expect(withItem).toContain('公开事项序号');
    expect(withItem).not.toMatch(/[{}]/);
  });
});

describe('agency codes', () => {
  it('checks a 组织机构代码 by GB 11714 (X for 10, 0 for 11)', () => {
    expect(checkOrganizationCode('D2143569-X')).toBeNull();
    expect(checkOrganizationCode('D21435690')).toMatch(/校验码/);
    expect(checkOrganizationCode('003205124')).toBeNull();
    expect(checkOrganizationCode('00320512')).toMatch(/8位/);
  });

  it('reads a 统一社会信用代码 (GB 32100 check character) or a 组织机构代码', () => {
    expect(parseAgencyCode('113505040032051248')).toEqual({
      kind: 'credit_code',
      value: '113505040032051248',
      label: '统一社会信用代码',
    });
    expect(parseAgencyCode('113505040032051247')).toMatch(/校验位/);
    expect(parseAgencyCode('d2143569x')).toEqual({
      kind: 'organization_code',
      value: 'D2143569-X',
      label: '组织机构代码',
    });
    expect(parseAgencyCode('luojiang-gxj')).toMatch(/18位统一社会信用代码或9位组织机构代码/);
  });
});
