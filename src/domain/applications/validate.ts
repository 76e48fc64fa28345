/**
 * Server-side validation of an application's contents (第二十九条第二款): applicant name, 身份证明
 * and contact; a name, 文号 or description of the information; the form and way of obtaining it.
 * Every message is Chinese and keyed by the form field it belongs beside.
 */
import { ValidationError } from '../errors.ts';
import { CONTROL_CHARACTER_MESSAGE, hasForbiddenCharacters } from '../text.ts';
import {
  checkEmail,
  checkIdNumber,
  checkPhone,
  idDocTypesFor,
  isApplicantKind,
  ID_DOC_TYPES,
  type ApplicantKind,
  type IdDocType,
} from './applicant.ts';
import { DELIVERY_FORMS, DELIVERY_METHODS, type DeliveryForm, type DeliveryMethod } from './kinds.ts';

/** The fields as typed (strings; the form and the API send the same names). */
export interface ApplicationFields {
  applicantKind: string;
  applicantName: string;
  contactPerson?: string;
  idDocType: string;
  idNumber: string;
  phone: string;
  email?: string;
  address?: string;
  postcode?: string;
  infoTitle?: string;
  infoDocNumber?: string;
  infoDescription?: string;
  deliveryForm: string;
  deliveryMethod: string;
}

/** The fields once valid. */
export interface ValidApplication {
  applicantKind: ApplicantKind;
  applicantName: string;
  contactPerson: string;
  idDocType: IdDocType;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  infoTitle: string;
  infoDocNumber: string;
  infoDescription: string;
  deliveryForm: DeliveryForm;
  deliveryMethod: DeliveryMethod;
}

const LIMITS: Array<[keyof ApplicationFields, number]> = [
  ['applicantName', 100],
  ['contactPerson', 50],
  ['email', 100],
  ['address', 200],
  ['postcode', 6],
  ['infoTitle', 200],
  ['infoDocNumber', 100],
  ['infoDescription', 2000],
];

/** Checks every field and returns all problems at once (never one at a time). */
export function fieldErrors(f: ApplicationFields): Record<string, string> {
  const e: Record<string, string> = {};
  const t = (v: string | undefined) => (v ?? '').trim();
  if (!isApplicantKind(f.applicantKind)) e.applicantKind = '请选择申请人类型';
  if (t(f.applicantName).length === 0)
    e.applicantName = f.applicantKind === 'natural_person' ? '请填写申请人姓名' : '请填写申请人姓名或者名称';
  if (isApplicantKind(f.applicantKind) && f.applicantKind !== 'natural_person' && t(f.contactPerson).length === 0)
    e.contactPerson = '法人或者其他组织请填写联系人';
  if (!(ID_DOC_TYPES as readonly string[]).includes(f.idDocType)) e.idDocType = '请选择身份证明类型';
  else if (isApplicantKind(f.applicantKind) && !idDocTypesFor(f.applicantKind).includes(f.idDocType as IdDocType)) {
    e.idDocType =
      f.applicantKind === 'natural_person'
        ? '自然人请选择个人身份证件'
        : '法人或者其他组织请填写统一社会信用代码或者其他身份证明';
  } else {
    const problem = checkIdNumber(f.idDocType as IdDocType, f.idNumber);
    if (problem) e.idNumber = problem;
  }
  const phone = checkPhone(t(f.phone));
  if (phone) e.phone = t(f.phone) === '' ? '请填写联系电话' : phone;
  if (t(f.email) !== '') {
    const email = checkEmail(t(f.email));
    if (email) e.email = email;
  }
  if (!(DELIVERY_FORMS as readonly string[]).includes(f.deliveryForm)) e.deliveryForm = '请选择获取信息的形式';
  if (!(DELIVERY_METHODS as readonly string[]).includes(f.deliveryMethod)) e.deliveryMethod = '请选择获取信息的方式';
  if (f.deliveryMethod === 'email' && t(f.email) === '') e.email = '选择电子邮件方式的，请填写电子邮箱';
  if (f.deliveryMethod === 'post' && t(f.address) === '') e.address = '选择邮寄方式的，请填写通信地址';
  if (t(f.postcode) !== '' && !/^\d{6}$/.test(t(f.postcode))) e.postcode = '邮政编码应为6位数字';
  if (t(f.infoTitle) === '' && t(f.infoDocNumber) === '' && t(f.infoDescription) === '') {
    e.infoDescription = '请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（第二十九条）';
  }
  // The limit is named with what was typed, and the form gives the whole text back (nothing is cut).
  for (const [key, max] of LIMITS) {
    const n = [...t(f[key])].length;
    if (n > max && !e[key]) e[key] = `不超过${max}个字（现有${n}个字，请删减后再提交）`;
  }
  // Control characters (NUL …) are refused beside the field they were typed into (../text.ts).
  for (const [key, value] of Object.entries(f))
    if (typeof value === 'string' && hasForbiddenCharacters(value)) e[key] = CONTROL_CHARACTER_MESSAGE;
  return e;
}

/** Validates and trims; throws ValidationError with every problem beside its field. */
export function validateApplicationFields(f: ApplicationFields): ValidApplication {
  const e = fieldErrors(f);
  if (Object.keys(e).length > 0) throw new ValidationError(e);
  const t = (v: string | undefined) => (v ?? '').trim();
  return {
    applicantKind: f.applicantKind as ApplicantKind,
    applicantName: t(f.applicantName),
    contactPerson: t(f.contactPerson),
    idDocType: f.idDocType as IdDocType,
    idNumber: t(f.idNumber),
    phone: t(f.phone),
    email: t(f.email),
    address: t(f.address),
    postcode: t(f.postcode),
    infoTitle: t(f.infoTitle),
    infoDocNumber: t(f.infoDocNumber),
    infoDescription: t(f.infoDescription),
    deliveryForm: f.deliveryForm as DeliveryForm,
    deliveryMethod: f.deliveryMethod as DeliveryMethod,
  };
}
