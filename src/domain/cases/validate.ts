/**
 * Checks a case as staff enter it; every message is Chinese and names its field, so the console
 * shows it beside the field and keeps what was typed.
 */
import { ValidationError } from '../errors.ts';
import { CASE_KINDS, CASE_RESULTS, type CaseKind, type CaseResult } from './cases.ts';

/** The fields of a case as entered. */
export interface CaseFields {
  kind: CaseKind;
  /** 案号, e.g. 泉洛政复〔2025〕3号 or (2025)闽0504行初12号; may be blank until known. */
  caseNumber: string;
  /** 申请人 / 原告. */
  party: string;
  /** 复议机关 or 人民法院. */
  organ: string;
  /** What is challenged (案由 / 请求). */
  subject: string;
  filedDate: string;
  concludedDate: string | null;
  result: CaseResult;
  /** Free note on the result (e.g. 责令重新答复). */
  resultNote: string;
  /** The application the case is about (no foreign key: see docs/cases.md), or null. */
  applicationId: string | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar date YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validates a case; `today` (Asia/Shanghai) bounds the dates. Throws ValidationError with every problem at once. */
export function validateCase(f: CaseFields, today: string): void {
  const errors: Record<string, string> = {};
  if (!(CASE_KINDS as readonly string[]).includes(f.kind))
    errors.kind = '请选择案件类型（行政复议、直接起诉或复议后起诉）';
  if (!(CASE_RESULTS as readonly string[]).includes(f.result)) errors.result = '请选择审理结果';
  if (!f.party.trim()) errors.party = f.kind === 'reconsideration' ? '请填写复议申请人' : '请填写原告';
  else if (f.party.length > 100) errors.party = '不超过 100 个字符';
  if (!f.organ.trim()) errors.organ = f.kind === 'reconsideration' ? '请填写复议机关' : '请填写受理法院';
  else if (f.organ.length > 100) errors.organ = '不超过 100 个字符';
  if (f.caseNumber.length > 60) errors.caseNumber = '不超过 60 个字符';
  if (f.subject.length > 1000) errors.subject = '不超过 1000 个字符';
  if (f.resultNote.length > 1000) errors.resultNote = '不超过 1000 个字符';
  if (f.applicationId !== null && (f.applicationId.length === 0 || f.applicationId.length > 64))
    errors.applicationId = '关联申请编号无效';
  if (!isIsoDate(f.filedDate)) errors.filedDate = '请填写受理（立案）日期，格式 YYYY-MM-DD';
  else if (f.filedDate > today) errors.filedDate = '受理（立案）日期不能晚于今天';
  if (f.concludedDate !== null) {
    if (!isIsoDate(f.concludedDate)) errors.concludedDate = '审结日期格式应为 YYYY-MM-DD';
    else if (f.concludedDate > today) errors.concludedDate = '审结日期不能晚于今天';
    else if (isIsoDate(f.filedDate) && f.concludedDate < f.filedDate)
      errors.concludedDate = '审结日期不能早于受理（立案）日期';
    if (f.result === 'pending') errors.result = '已填写审结日期的案件，请选择结果维持、结果纠正或其他结果';
  } else if (f.result !== 'pending' && !errors.result) {
    errors.concludedDate = '已有审理结果的案件，请填写审结日期';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
