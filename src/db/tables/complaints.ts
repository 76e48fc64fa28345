/**
 * 投诉、举报 about an agency's disclosure work (第四十七条, 第五十一条), registered by the
 * supervising office that received them, with their handling steps.
 */
import type { Generated } from 'kysely';

export interface ComplaintTable {
  id: string;
  /** The agency complained about. */
  agency_id: string;
  /** The supervising office that received it (政府信息公开工作主管部门 or 上一级行政机关). */
  receiving_agency_id: string;
  /** complaint (投诉) | report (举报) */
  kind: string;
  complainant: string;
  /** Phone or e-mail, encrypted (personal data). */
  contact_sealed: string;
  received_date: string;
  subject: string;
  application_id: string | null;
  /** received | handling | concluded */
  status: string;
  /** substantiated | partly_substantiated | unsubstantiated | withdrawn, or null while open */
  result: string | null;
  result_note: string;
  concluded_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface ComplaintStepTable {
  id: Generated<number>;
  complaint_id: string;
  step_date: string;
  /** e.g. 转办, 调查核实, 约谈, 督促整改, 通报批评, 答复投诉人 */
  action: string;
  note: string;
  actor_name: string;
  created_at: string;
}

export interface ComplaintTables {
  complaint: ComplaintTable;
  complaint_step: ComplaintStepTable;
}
