/**
 * The 行政复议 / 行政诉讼 register (report table 四). `application_id` is text without a
 * foreign key: a case may stand alone, and it must survive the applications table being
 * rebuilt or imported (docs/cases.md).
 */
export interface DisclosureCaseTable {
  id: string;
  agency_id: string;
  application_id: string | null;
  /** reconsideration | litigation_direct | litigation_after_reconsideration */
  kind: string;
  case_number: string;
  party: string;
  organ: string;
  subject: string;
  filed_date: string;
  concluded_date: string | null;
  /** upheld | corrected | other | pending */
  result: string;
  result_note: string;
  created_at: string;
  updated_at: string;
}

export interface CaseTables {
  disclosure_case: DisclosureCaseTable;
}
