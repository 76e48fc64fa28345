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

export interface LetterTables {
  letter_template: LetterTemplateTable;
}
