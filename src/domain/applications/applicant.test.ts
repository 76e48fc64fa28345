import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkIdNumber, checkPhone, checkResidentId, idDocTypesFor } from './applicant.ts';

describe('第二十九条 身份证明: 居民身份证 check digit (GB 11643-1999)', () => {
  it('accepts valid numbers, including the X check character and full-width input', () => {
    expect(checkResidentId('11010519491231002X')).toBeNull();
    expect(checkResidentId('11010519491231002x')).toBeNull();
    expect(checkResidentId('４４０５２４１９８００１０１００１３')).toBeNull();
  });
  it('refuses a wrong check digit, a wrong length and an impossible birth date', () => {
    expect(checkResidentId('110105194912310021')).toMatch(/校验位/);
    expect(checkResidentId('1101051949123100')).toMatch(/18位/);
    expect(checkResidentId('110105194902300027')).toMatch(/出生日期/);
  });
});

describe('第二十九条 身份证明: 统一社会信用代码 check digit (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    expect(checkCreditCode('91330100716105852F')).toBeNull();
    expect(checkCreditCode('9144030071526726XG')).toBeNull();
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
  });
  it('refuses a changed check character and letters outside the set', () => {
    expect(checkCreditCode('91330100716105852G')).toMatch(/校验位/);
    expect(checkCreditCode('91330100716105852O')).toMatch(/无效字符/);
    expect(checkCreditCode('9133010071610585')).toMatch(/18位/);
  });
});

describe('other documents and contacts', () => {
  it('passports are checked for plausibility only', () => {
    expect(checkIdNumber('passport', 'E12345678')).toBeNull();
    expect(checkIdNumber('passport', '护照')).toMatch(/字母或数字/);
    expect(checkIdNumber('resident_id', '')).toBe('请填写证件号码');
  });
  it('organisations give a credit code, natural persons never do', () => {
    expect(idDocTypesFor('commercial')).toEqual(['credit_code', 'other']);
    expect(idDocTypesFor('natural_person')).not.toContain('credit_code');
  });
  it('phones: mobile or fixed line with area code', () => {
    expect(checkPhone('13800138000')).toBeNull();
    expect(checkPhone('0595-22630152')).toBeNull();
    expect(checkPhone('12345')).not.toBeNull();
  });
});
