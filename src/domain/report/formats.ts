/**
 * The two official annual report formats as data (report-formats.md):
 * V2019 — 国办公开办函〔2019〕60号, for the 2019 and 2020 reports;
 * V2021 — 国办公开办函〔2021〕30号 (成文 2021-09-26), for 2021 on.
 * Labels are the official ones, with full-width brackets as printed.
 */
import type {
  HeaderCell,
  ReportFormat,
  ReportFormatId,
  SectionDef,
  Table2Def,
  Table3Def,
  Table4Def,
} from './format-types.ts';
import { TABLE3_COLUMNS, TABLE3_ROWS_V2019, TABLE3_ROWS_V2021 } from './table3-rows.ts';

const cell = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });

/** The six sections are the same in both versions (第五十条). */
const SECTIONS: SectionDef[] = [
  { key: 'overview', number: '一', heading: '一、总体情况', kind: 'narrative' },
  { key: 'proactive', number: '二', heading: '二、主动公开政府信息情况', kind: 'table' },
  { key: 'applications', number: '三', heading: '三、收到和处理政府信息公开申请情况', kind: 'table' },
  { key: 'appeals', number: '四', heading: '四、政府信息公开行政复议、行政诉讼情况', kind: 'table' },
  { key: 'problems', number: '五', heading: '五、存在的主要问题及改进情况', kind: 'narrative' },
  { key: 'other', number: '六', heading: '六、其他需要报告的事项', kind: 'narrative' },
];

const ITEM_CHANGE_COLUMNS = [
  { label: '上一年项目数量', kind: 'count' },
  { label: '本年增/减', kind: 'change' },
  { label: '处理决定数量', kind: 'count' },
] as const;

const TABLE2_V2019: Table2Def = {
  firstColumn: '信息内容',
  dataColumns: 3,
  groups: [
    {
      header: '第二十条第（一）项',
      columns: [
        { label: '本年新制作数量', kind: 'count' },
        { label: '本年新公开数量', kind: 'count' },
        { label: '对外公开总数量', kind: 'count' },
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative_docs', label: '规范性文件' },
      ],
    },
    {
      header: '第二十条第（五）项',
      columns: [...ITEM_CHANGE_COLUMNS],
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'other_services', label: '其他对外管理服务事项' },
      ],
    },
    {
      header: '第二十条第（六）项',
      columns: [...ITEM_CHANGE_COLUMNS],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      header: '第二十条第（八）项',
      columns: [
        { label: '上一年项目数量', kind: 'count' },
        { label: '本年增/减', kind: 'change' },
      ],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
    {
      header: '第二十条第（九）项',
      columns: [
        { label: '采购项目数量', kind: 'count' },
        { label: '采购总金额', kind: 'amount', unit: '元' },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
    },
  ],
};

const DECISIONS = [{ label: '本年处理决定数量', kind: 'count' }] as const;

const TABLE2_V2021: Table2Def = {
  firstColumn: '信息内容',
  dataColumns: 3,
  groups: [
    {
      header: '第二十条第（一）项',
      columns: [
        { label: '本年制发件数', kind: 'count' },
        { label: '本年废止件数', kind: 'count' },
        { label: '现行有效件数', kind: 'count' },
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative_docs', label: '行政规范性文件' },
      ],
    },
    { header: '第二十条第（五）项', columns: [...DECISIONS], rows: [{ key: 'licensing', label: '行政许可' }] },
    {
      header: '第二十条第（六）项',
      columns: [...DECISIONS],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      header: '第二十条第（八）项',
      columns: [{ label: '本年收费金额（单位：万元）', kind: 'amount', unit: '万元' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
  ],
};

const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Header right of the 3×3 note cell: 申请人情况 over 自然人 | 法人或其他组织 (5) | 总计. */
const TABLE3_HEADER: HeaderCell[][] = [
  [cell('申请人情况', 7)],
  [cell('自然人', 1, 2), cell('法人或其他组织', 5), cell('总计', 1, 2)],
  TABLE3_COLUMNS.slice(1, 6).map((c) => cell(c.label)),
];

const RESULT_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 四 is the same in both versions; in 行政复议 the five headers span two rows. */
const TABLE4: Table4Def = {
  header: [
    [cell('行政复议', 5), cell('行政诉讼', 10)],
    [...RESULT_COLUMNS.map((c) => cell(c, 1, 2)), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
    [...RESULT_COLUMNS.map((c) => cell(c)), ...RESULT_COLUMNS.map((c) => cell(c))],
  ],
  groups: [
    { key: 'reconsideration', label: '行政复议' },
    { key: 'litigation_direct', label: '未经复议直接起诉' },
    { key: 'litigation_after_reconsideration', label: '复议后起诉' },
  ],
  columns: RESULT_COLUMNS,
};

function table3(rows: readonly Table3Def['rows'][number][]): Table3Def {
  return { note: TABLE3_NOTE, header: TABLE3_HEADER, columns: [...TABLE3_COLUMNS], rows: [...rows] };
}

/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》 */
export const V2019: ReportFormat = {
  id: 'V2019',
  notice: '国办公开办函〔2019〕60号',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  firstYear: 2019,
  lastYear: 2020,
  sections: SECTIONS,
  table2: TABLE2_V2019,
  table3: table3(TABLE3_ROWS_V2019),
  table4: TABLE4,
};

/** 《中华人民共和国政府信息公开工作年度报告格式》（修订） */
export const V2021: ReportFormat = {
  id: 'V2021',
  notice: '国办公开办函〔2021〕30号',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  firstYear: 2021,
  lastYear: null,
  sections: SECTIONS,
  table2: TABLE2_V2021,
  table3: table3(TABLE3_ROWS_V2021),
  table4: TABLE4,
};

export const REPORT_FORMATS: Record<ReportFormatId, ReportFormat> = { V2019, V2021 };

/** The format by id. */
export function getFormat(id: ReportFormatId): ReportFormat {
  return REPORT_FORMATS[id];
}

/**
 * The format a report for `year` must use: V2019 for 2019 and 2020 (the 60号 notice covers
 * both), V2021 from 2021 (the 30号 notice of 2021-09-26). Years before 2019 had no unified
 * format (the old 统计表), so there is none to return.
 */
export function formatForYear(year: number): ReportFormat | null {
  if (!Number.isInteger(year) || year < V2019.firstYear) return null;
  return year <= (V2019.lastYear ?? year) ? V2019 : V2021;
}
