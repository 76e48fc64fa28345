/** An agency's own wording of a letter template (the defaults live in src/domain/letters). */
export interface LetterTemplateTable {
  agency_id: string;
  key: string;
  title: string;
  recipient: string;
  body: string;
  updated_at: string;
  updated_by: string;
}

/** The 复议机关 and court an agency's letters name, when set (blank: derived from the tree). */
export interface AgencyRemedyTable {
  agency_id: string;
  review_organ: string;
  court: string;
  updated_at: string;
  updated_by: string;
}

export interface LetterTables {
  letter_template: LetterTemplateTable;
  agency_remedy: AgencyRemedyTable;
}
