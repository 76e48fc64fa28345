/**
 * 投诉、举报 about disclosure work: 第四十七条 (to the 政府信息公开工作主管部门, which checks and
 * 督促整改或者通报批评) and 第五十一条 (to the 上一级行政机关 or the 主管部门). Pure rules.
 */
import { isIsoDate } from '../cases/index.ts';
import { ValidationError } from '../errors.ts';

export const COMPLAINT_KINDS = ['complaint', 'report'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, string> = { complaint: '投诉', report: '举报' };

/** received → handling (first step recorded) → concluded (result recorded). */
export const COMPLAINT_STATUSES = ['received', 'handling', 'concluded'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已登记',
  handling: '办理中',
  concluded: '已办结',
};

export const COMPLAINT_RESULTS = ['substantiated', 'partly_substantiated', 'unsubstantiated', 'withdrawn'] as const;
export type ComplaintResult = (typeof COMPLAINT_RESULTS)[number];
export const COMPLAINT_RESULT_LABELS: Record<ComplaintResult, string> = {
  substantiated: '属实，已督促整改',
  partly_substantiated: '部分属实，已督促整改',
  unsubstantiated: '经核查不属实',
  withdrawn: '投诉人撤回',
};

export interface ComplaintFields {
  kind: ComplaintKind;
  complainant: string;
  contact: string;
  receivedDate: string;
  subject: string;
  applicationId: string | null;
}

function fail(errors: Record<string, string>): void {
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** Validates a complaint as registered; every message Chinese, by field. */
export function validateComplaint(f: ComplaintFields, today: string): void {
  const e: Record<string, string> = {};
  if (!(COMPLAINT_KINDS as readonly string[]).includes(f.kind)) e.kind = '请选择投诉或举报';
  if (!f.complainant.trim()) e.complainant = '请填写投诉（举报）人；匿名举报请填写“匿名”';
  else if (f.complainant.length > 100) e.complainant = '不超过 100 个字符';
  if (f.contact.length > 120) e.contact = '不超过 120 个字符';
  if (!isIsoDate(f.receivedDate)) e.receivedDate = '请填写收到日期，格式 YYYY-MM-DD';
  else if (f.receivedDate > today) e.receivedDate = '收到日期不能晚于今天';
  if (!f.subject.trim()) e.subject = '请填写投诉（举报）的事项';
  else if (f.subject.length > 2000) e.subject = '不超过 2000 个字符';
  if (f.applicationId !== null && f.applicationId.length > 64) e.applicationId = '关联申请编号无效';
  fail(e);
}

/** Validates a handling step (转办、调查核实、约谈、督促整改、通报批评、答复投诉人…). */
export function validateStep(
  step: { date: string; action: string; note: string },
  receivedDate: string,
  today: string,
): void {
  const e: Record<string, string> = {};
  if (!isIsoDate(step.date)) e.date = '请填写办理日期，格式 YYYY-MM-DD';
  else if (step.date < receivedDate) e.date = '办理日期不能早于收到日期';
  else if (step.date > today) e.date = '办理日期不能晚于今天';
  if (!step.action.trim()) e.action = '请填写办理环节';
  else if (step.action.length > 60) e.action = '不超过 60 个字符';
  if (step.note.length > 2000) e.note = '不超过 2000 个字符';
  fail(e);
}

/** Validates the conclusion: a result, its date, and (except for withdrawal) what was found. */
export function validateConclusion(
  c: { result: ComplaintResult; concludedDate: string; resultNote: string },
  receivedDate: string,
  today: string,
): void {
  const e: Record<string, string> = {};
  if (!(COMPLAINT_RESULTS as readonly string[]).includes(c.result)) e.result = '请选择办理结果';
  if (!isIsoDate(c.concludedDate)) e.concludedDate = '请填写办结日期，格式 YYYY-MM-DD';
  else if (c.concludedDate < receivedDate) e.concludedDate = '办结日期不能早于收到日期';
  else if (c.concludedDate > today) e.concludedDate = '办结日期不能晚于今天';
  if (c.result !== 'withdrawn' && !c.resultNote.trim())
    e.resultNote = '请写明核查情况和处理意见（第四十七条：督促整改或者通报批评）';
  else if (c.resultNote.length > 2000) e.resultNote = '不超过 2000 个字符';
  fail(e);
}
