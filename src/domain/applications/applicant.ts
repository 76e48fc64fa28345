/**
 * Applicants (第二十九条第二款第一项: 申请人的姓名或者名称、身份证明、联系方式) and the six
 * applicant columns of report table 三 (自然人 / 商业企业 / 科研机构 / 社会公益组织 /
 * 法律服务机构 / 其他). Identity numbers are checked by their check digit before anything is
 * stored: 居民身份证 by GB 11643-1999, 统一社会信用代码 by GB 32100-2015.
 */
import { APPLICANT_KINDS, type ApplicantKind } from '../report/table3-rows.ts';

export { APPLICANT_KINDS, type ApplicantKind };

/** Chinese label of each applicant column (report-formats.md table 三 columns). */
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other_org: '其他',
};

/** Whether a string is one of the six applicant columns. */
export function isApplicantKind(value: unknown): value is ApplicantKind {
  return typeof value === 'string' && (APPLICANT_KINDS as readonly string[]).includes(value);
}

/** 身份证明 documents accepted on the form. */
export const ID_DOC_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent',
  'credit_code',
  'other',
] as const;
export type IdDocType = (typeof ID_DOC_TYPES)[number];

export const ID_DOC_LABELS: Record<IdDocType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent: '外国人永久居留身份证',
  credit_code: '统一社会信用代码',
  other: '其他身份证明',
};

/** Documents a natural person may give; an organisation gives its 统一社会信用代码 or another proof. */
export function idDocTypesFor(kind: ApplicantKind): readonly IdDocType[] {
  return kind === 'natural_person' ? ID_DOC_TYPES.filter((t) => t !== 'credit_code') : ['credit_code', 'other'];
}

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** Fold full-width characters, drop spaces, upper-case: how identity numbers are compared and hashed. */
export function normalizeIdNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\-_]/g, '')
    .toUpperCase();
}

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits (address code, birth date YYYYMMDD, sequence) and an
 * ISO 7064 MOD 11-2 check character (0–9 or X). Returns null when valid, else the reason in Chinese.
 */
export function checkResidentId(value: string): string | null {
  const v = normalizeIdNumber(value);
  if (!/^\d{17}[\dX]$/.test(v)) return '居民身份证号码应为18位（最后一位可为X）';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return '居民身份证号码中的出生日期无效';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * RESIDENT_WEIGHTS[i]!;
  if (RESIDENT_CHECK[sum % 11] !== v[17]) return '居民身份证号码校验位不正确，请核对';
  return null;
}

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registering authority, kind, region (6
 * digits), organisation code (9) and a check character, MOD 31 with the weights 3^i mod 31.
 * Returns null when valid, else the reason in Chinese.
 */
export function checkCreditCode(value: string): string | null {
  const v = normalizeIdNumber(value);
  if (v.length !== 18) return '统一社会信用代码应为18位';
  if (![...v].every((c) => CREDIT_CHARS.includes(c))) return '统一社会信用代码含有无效字符（不使用I、O、Z、S、V）';
  if (!/^\d{6}$/.test(v.slice(2, 8))) return '统一社会信用代码第3至8位应为行政区划码';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(v[i]!) * CREDIT_WEIGHTS[i]!;
  const check = CREDIT_CHARS[(31 - (sum % 31)) % 31];
  if (check !== v[17]) return '统一社会信用代码校验位不正确，请核对';
  return null;
}

/** The check-digit rule for a document type, or a plain plausibility check for the others. */
export function checkIdNumber(type: IdDocType, value: string): string | null {
  const v = normalizeIdNumber(value);
  if (v.length === 0) return '请填写证件号码';
  if (type === 'resident_id') return checkResidentId(v);
  if (type === 'credit_code') return checkCreditCode(v);
  if (!/^[0-9A-Z]{5,30}$/.test(v)) return '证件号码应为5至30位字母或数字';
  return null;
}

/** 中国大陆手机号 or a fixed line with area code (0595-22630152), the contact of 第二十九条. */
export function checkPhone(value: string): string | null {
  const v = value.normalize('NFKC').replace(/[\s()（）]/g, '');
  if (/^1[3-9]\d{9}$/.test(v)) return null;
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v)) return null;
  return '请填写11位手机号码或带区号的固定电话（如0595-22630152）';
}

/** A plain e-mail address check (the form's type=email does the same in the browser). */
export function checkEmail(value: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : '电子邮箱格式不正确';
}
