/**
 * Agencies form a tree: 省 → 市 → 区县 → 部门 / 乡镇 (DESIGN.md). Governments (province, city,
 * county, township) and departments are different kinds of 行政机关: a government's report is
 * due by 31 March, a department's by 31 January (第四十九条).
 */
import { ValidationError } from './errors.ts';

export const AGENCY_LEVELS = ['province', 'city', 'county', 'township', 'department'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: '省级人民政府',
  city: '市级人民政府',
  county: '县（区）级人民政府',
  township: '乡镇人民政府（街道）',
  department: '政府部门',
};

/** Which levels may sit directly under a parent of a given level. */
const ALLOWED_CHILDREN: Record<AgencyLevel, AgencyLevel[]> = {
  province: ['city', 'county', 'department'],
  city: ['county', 'department'],
  county: ['township', 'department'],
  township: ['department'],
  department: ['department'],
};

export function isGovernment(level: AgencyLevel): boolean {
  return level !== 'department';
}

export interface AgencyContact {
  address: string;
  postcode: string;
  hours: string;
  phone: string;
  fax: string;
  email: string;
}

export interface AgencyFields {
  parentId: string | null;
  name: string;
  shortName: string;
  code: string;
  level: AgencyLevel;
  makesRules: boolean;
  contact: AgencyContact;
}

/**
 * Checks an agency's fields and its place in the tree. 规章 are made only by the people's
 * governments of provinces and 设区的市 (立法法 第九十三条), so `makesRules` is refused
 * for anything else.
 */
export function validateAgency(fields: AgencyFields, parentLevel: AgencyLevel | null): void {
  const errors: Record<string, string> = {};
  if (!fields.name.trim()) errors.name = '请填写机构全称';
  else if (fields.name.length > 100) errors.name = '机构全称不超过100个字';
  if (!fields.shortName.trim()) errors.shortName = '请填写机构简称';
  else if (fields.shortName.length > 30) errors.shortName = '简称不超过30个字';
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(fields.code)) {
    errors.code = '机构代码由小写字母、数字和连字符组成（2至63位），用于网址，例如 luojiang-gxj';
  }
  if (!AGENCY_LEVELS.includes(fields.level)) errors.level = '机构层级无效';
  if (fields.makesRules && !['province', 'city'].includes(fields.level)) {
    errors.makesRules = '只有省级和设区的市级人民政府可以制定规章（《立法法》第九十三条）';
  }
  if (parentLevel === null && fields.level !== 'province' && fields.parentId === null) {
    // A root other than a province is allowed only when explicitly without parent (e.g. a
    // platform hosting a single city); nothing to check.
  }
  if (parentLevel !== null && !ALLOWED_CHILDREN[parentLevel].includes(fields.level)) {
    errors.level = `${AGENCY_LEVEL_LABELS[parentLevel]}下不能设${AGENCY_LEVEL_LABELS[fields.level] ?? '该层级'}`;
  }
  const c = fields.contact;
  if (c.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email)) errors['contact.email'] = '电子邮箱格式不正确';
  if (c.phone && !/^[0-9+\-()（） 、,，转]{5,40}$/.test(c.phone)) errors['contact.phone'] = '电话号码格式不正确';
  if (c.fax && !/^[0-9+\-()（） 、,，转]{5,40}$/.test(c.fax)) errors['contact.fax'] = '传真号码格式不正确';
  if (c.postcode && !/^\d{6}$/.test(c.postcode)) errors['contact.postcode'] = '邮政编码应为6位数字';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}
