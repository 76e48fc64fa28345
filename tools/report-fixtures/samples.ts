/**
 * The fixture reports: the three real samples re-typeset (their tables from
 * test/fixtures/reports/expected.ts, their narrative shortened), a report with the text
 * hazards of report-formats.md §6, and reports with planted errors.
 */
import { ANNUAL_REPORT_SCHEMA, type AnnualReport, type Cell } from '../../src/domain/report/index.ts';
import { LUOJIANG_2020, PINGTAN_2021, SHUYANG_2023 } from '../../test/fixtures/reports/expected.ts';
import type { Printable } from './printable.ts';

const full = (base: typeof LUOJIANG_2020, sections: AnnualReport['sections']): AnnualReport => ({
  schema: ANNUAL_REPORT_SCHEMA,
  ...structuredClone(base),
  sections,
});

export const LUOJIANG: Printable = {
  report: full(LUOJIANG_2020, {
    overview:
      '2020年，区工信局认真贯彻执行《条例》，持续推进政府信息公开标准化规范化。\n（一）政府信息主动公开情况。2020年，我局通过政府信息公开专栏主动公开政府信息数16条。\n（二）政府信息依申请公开情况。2020年，我局无政府信息依申请事项。',
    problems: '（一）主要问题：政府信息公开工作还不够规范。\n（二）改进情况：加强领导，统筹协调。',
    other: '暂无。',
  }),
};

export const PINGTAN: Printable = {
  report: full(PINGTAN_2021, {
    overview:
      '2021年，我区坚持以人民为中心深化政务公开。\n（二）依申请公开方面。本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。',
    problems: '（一）存在的主要问题：政策解读形式不够丰富。\n（二）改进措施：丰富政策解读形式。',
    other: '2021年，无收取信息处理费情况。',
  }),
  // As published, this row's three numbers ran together: a re-typeset copy keeps them in one cell.
  overrides: { 'table2.normative_docs': '693665' },
  headings: {
    appeals: '四、因政府信息公开申请行政复议、提起行政诉讼的情况',
    problems: '五、政府信息公开工作存在的主要问题及改进情况',
  },
};

export const SHUYANG: Printable = {
  report: full(SHUYANG_2023, {
    overview:
      '2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神。\n（二）依申请公开政府信息情况\n2023年度我局共收到依申请信息公开26件，及时回复申请人。',
    problems: '（一）存在的主要问题。各科室人员信息公开意识有所松懈。\n（二）整改措施。完善主动公开信息联动机制。',
    other: '2023年度，县发展和改革局政府信息公开未发生收费情况。',
  }),
  headings: { problems: '五、存在的主要问题及整改措施' },
};

const zeros = (n: number): Cell[] => new Array<Cell>(n).fill(0);

/** A V2019 district bureau report with applications, consistent in every rule. */
export function plantedBase(): AnnualReport {
  const r = full(LUOJIANG_2020, {
    overview: '（二）政府信息依申请公开情况。2020年，我局共收到政府信息公开申请6件，办结5件，1件结转下年度继续办理。',
    problems: '无。',
    other: '暂无。',
  });
  r.agency = { name: '泉州市某某区示例局' };
  Object.assign(r.table3, {
    received: [5, 1, 0, 0, 0, 0, 6],
    granted: [3, 1, 0, 0, 0, 0, 4],
    unavailable_not_held: [1, 0, 0, 0, 0, 0, 1],
    total: [4, 1, 0, 0, 0, 0, 5],
    carried_out: [1, 0, 0, 0, 0, 0, 1],
  });
  r.table4.reconsideration = [1, 0, 0, 0, 1];
  return r;
}

/** One planted error per file: what is changed, and the (rule where) findings it must give. */
export const PLANTED: Array<{ name: string; plant: (r: AnnualReport) => void; expect: string[] }> = [
  {
    name: 'r1-row-total',
    plant: (r) => void (r.table3.granted = [3, 1, 0, 0, 0, 0, 5]),
    expect: ['R1 table3.granted[6]', 'R2 table3.total[6]'],
  },
  {
    name: 'r2-outcome-total',
    plant: (r) => void (r.table3.total = [4, 1, 0, 0, 0, 1, 6]),
    expect: [
      'R2 table3.total[5]',
      'R2 table3.total[6]',
      'R3 table3.carried_out[5]',
      'R3 table3.carried_out[6]',
      'R8 sections.overview',
    ],
  },
  {
    name: 'r3-carry-out',
    plant: (r) => void (r.table3.carried_out = [2, 0, 0, 0, 0, 0, 2]),
    expect: ['R3 table3.carried_out[0]', 'R3 table3.carried_out[6]', 'R8 sections.overview'],
  },
  {
    name: 'r4-appeals',
    plant: (r) => void (r.table4.reconsideration = [1, 0, 0, 0, 2]),
    expect: ['R4 table4.reconsideration[4]'],
  },
  {
    name: 'r9-blank-total',
    plant: (r) => void (r.table3.received = [5, 1, 0, 0, 0, 0, null]),
    expect: ['R1 table3.received[6]', 'R3 table3.carried_out[6]', 'R9 table3.received[6]'],
  },
  {
    name: 'r10-rules',
    plant: (r) => void (r.table2.rules = [1, 0, 1]),
    expect: ['R10 table2.rules[0]', 'R10 table2.rules[2]'],
  },
  { name: 'r10-format', plant: (r) => void (r.year = 2021), expect: ['R10 format'] },
  {
    name: 'r8-narrative',
    plant: (r) =>
      void (r.sections = {
        ...r.sections,
        overview: '（二）政府信息依申请公开情况。2020年，我局共收到政府信息公开申请8件，办结5件。',
      }),
    expect: ['R8 sections.overview'],
  },
];

/** The planted report of one entry of PLANTED. */
export function planted(name: string): AnnualReport {
  const entry = PLANTED.find((p) => p.name === name)!;
  const r = plantedBase();
  entry.plant(r);
  return r;
}

/** Two years of one agency whose carry-over and stock of 行政规范性文件 do not chain (R5, R6). */
export function chain(): AnnualReport[] {
  const y2021 = full(PINGTAN_2021, { overview: '', problems: '无。', other: '无。' });
  y2021.agency = { name: '某某市示例区人民政府' };
  y2021.table2.normative_docs = [69, 3, 665];
  const y2022 = structuredClone(y2021);
  y2022.year = 2022;
  y2022.date = '2023-01-20';
  y2022.table2.normative_docs = [88, 55, 700];
  y2022.table3.received = [63, 0, 0, 2, 0, 4, 69];
  y2022.table3.carried_out = zeros(7);
  return [y2021, y2022];
}
