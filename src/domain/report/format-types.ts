/**
 * The shape of a report format definition: the data that tells a renderer how to draw the
 * official tables (labels, merged headers) and tells the validator and the importer which
 * rows and cells exist. Nothing here computes anything.
 */

/** 国办公开办函〔2019〕60号 (2019–2020 reports) or 国办公开办函〔2021〕30号 (2021 on). */
export type ReportFormatId = 'V2019' | 'V2021';

/** One cell of a merged table header, in reading order within its header row. */
export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/** The six narrative/table sections (《条例》第五十条). */
export type SectionKey = 'overview' | 'proactive' | 'applications' | 'appeals' | 'problems' | 'other';

export interface SectionDef {
  key: SectionKey;
  /** 一 … 六 */
  number: string;
  /** The official heading, e.g. 「一、总体情况」. */
  heading: string;
  /** Whether the section is a table (二、三、四) or narrative text. */
  kind: 'narrative' | 'table';
}

/** A table 二 row key (report-json.md). */
export type Table2Key =
  'rules' | 'normative_docs' | 'licensing' | 'other_services' | 'penalty' | 'enforcement' | 'fees' | 'procurement';

/** What a table 二 cell holds: a count, a signed change (本年增/减) or a money amount. */
export type Table2CellKind = 'count' | 'change' | 'amount';

export interface Table2Column {
  label: string;
  kind: Table2CellKind;
  /** For amounts: the unit the JSON number is in (元 or 万元). */
  unit?: '元' | '万元';
}

export interface Table2Row {
  key: Table2Key;
  label: string;
}

/** One sub-table of table 二, headed by a full-width 「第二十条第（x）项」 row. */
export interface Table2Group {
  /** e.g. 「第二十条第（一）项」 */
  header: string;
  columns: Table2Column[];
  rows: Table2Row[];
}

export interface Table2Def {
  /** The label of the first column, 「信息内容」. */
  firstColumn: string;
  /** Width of the table in data columns (the widest group); narrower groups merge cells. */
  dataColumns: number;
  groups: Table2Group[];
}

/** A table 三 row key (report-json.md), in report order. */
export type Table3Key =
  | 'received'
  | 'carried_in'
  | 'granted'
  | 'partial'
  | 'withheld_state_secret'
  | 'withheld_prohibited'
  | 'withheld_security_stability'
  | 'withheld_third_party'
  | 'withheld_internal'
  | 'withheld_process'
  | 'withheld_enforcement_file'
  | 'withheld_query'
  | 'unavailable_not_held'
  | 'unavailable_needs_creation'
  | 'unavailable_unclear'
  | 'rejected_petition'
  | 'rejected_repeat'
  | 'rejected_publication'
  | 'rejected_excessive'
  | 'rejected_confirm'
  | 'other'
  | 'other_no_correction'
  | 'other_no_fee'
  | 'other_other'
  | 'total'
  | 'carried_out';

/**
 * A table 三 row with numbers. `path` is the chain of printed labels from the outermost
 * group down to this row, e.g. ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'];
 * renderers merge equal leading labels of consecutive rows into one rowspan cell.
 */
export interface Table3Row {
  key: Table3Key;
  label: string;
  path: string[];
  /** A leaf outcome row: summed by rule R2 into （七）总计. */
  outcome: boolean;
}

export interface Table3Def {
  /** The printed 勾稽关系 note in the top-left merged cell. */
  note: string;
  /** Header rows to the right of the note (the note itself spans 3 columns × 3 rows). */
  header: HeaderCell[][];
  /** The seven columns, left to right: 自然人, five 法人或其他组织 kinds, 总计. */
  columns: Array<{ key: string; label: string }>;
  rows: Table3Row[];
}

export type Table4Key = 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration';

export interface Table4Def {
  header: HeaderCell[][];
  groups: Array<{ key: Table4Key; label: string }>;
  /** The five columns of each group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
  columns: string[];
}

/** One official report format, as data. */
export interface ReportFormat {
  id: ReportFormatId;
  /** The notice that issued the format. */
  notice: string;
  name: string;
  /** First report year the format applies to, and the last (inclusive), if superseded. */
  firstYear: number;
  lastYear: number | null;
  sections: SectionDef[];
  table2: Table2Def;
  table3: Table3Def;
  table4: Table4Def;
}
