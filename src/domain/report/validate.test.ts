import { describe, expect, it } from 'vitest';
import { LUOJIANG_2020, PINGTAN_2021, SHUYANG_2023 } from '../../../test/fixtures/reports/expected.ts';
import {
  ANNUAL_REPORT_SCHEMA,
  foldV2021OutcomesToV2019,
  validateReport,
  validateYearChain,
  type AnnualReport,
} from './index.ts';

const report = (base: typeof LUOJIANG_2020): AnnualReport => structuredClone({ schema: ANNUAL_REPORT_SCHEMA, ...base });
const rulesOf = (fs: Array<{ rule: string; where: string }>) => fs.map((f) => `${f.rule} ${f.where}`);

describe('validateReport on correct reports', () => {
  it('finds nothing in the 2020 洛江 report (V2019 is the right format for 2020)', () => {
    expect(validateReport(report(LUOJIANG_2020))).toEqual([]);
  });

  it('finds nothing in 平潭 2021 once its unreadable row is declared', () => {
    const unreadable = new Set(['table2.normative_docs[0]', 'table2.normative_docs[1]', 'table2.normative_docs[2]']);
    expect(validateReport(report(PINGTAN_2021), { unreadable })).toEqual([]);
  });

  it('gives 沭阳 2023 one R9 finding for its 125 blank 法人或其他组织 cells, naming every cell', () => {
    const fs = validateReport(report(SHUYANG_2023));
    expect(fs).toHaveLength(1);
    const [r9] = fs;
    expect(r9).toMatchObject({ rule: 'R9', severity: 'warning', where: 'table3' });
    expect(r9!.cells).toHaveLength(125);
    expect(r9!.cells).toContain('table3.carried_out[5]');
    expect(r9!.message).toBe(
      '表三有125个空白单元格，按0计算；应填写数字（没有的填0）：「一、本年新收政府信息公开申请数量」至「四、结转下年度继续办理」共25行的「商业企业」列「科研机构」列「社会公益组织」列「法律服务机构」列「其他」列。',
    );
  });

  it('points a single blank cell out by itself', () => {
    const r = report(LUOJIANG_2020);
    r.table4.reconsideration = [0, 0, 0, 0, null];
    expect(validateReport(r)).toEqual([
      {
        rule: 'R9',
        severity: 'warning',
        where: 'table4.reconsideration[4]',
        message: '表四「行政复议」的「总计」为空白，按0计算；应填写数字（没有的填0）。',
      },
    ]);
  });
});

describe('validateReport finds planted errors at the right cell', () => {
  it('R1: a row total that is not the sum of its columns', () => {
    const r = report(PINGTAN_2021);
    r.table2.normative_docs = [69, 3, 665];
    r.table3.granted = [27, 0, 0, 2, 0, 1, 31];
    const fs = validateReport(r);
    expect(rulesOf(fs)).toContain('R1 table3.granted[6]');
    expect(fs.find((f) => f.rule === 'R1')?.severity).toBe('error');
    expect(fs.find((f) => f.rule === 'R1')?.message).toBe(
      '表三「（一）予以公开」行的总计为31，但自然人与五类法人或其他组织之和为30。',
    );
  });

  it('R2 and R3: an outcome row changed in one column', () => {
    const r = report(PINGTAN_2021);
    r.table2.normative_docs = [69, 3, 665];
    r.table3.partial = [6, 0, 0, 0, 0, 0, 6];
    const fs = rulesOf(validateReport(r));
    expect(fs).toEqual(['R2 table3.total[0]', 'R2 table3.total[6]']);
  });

  it('R3: carried-out figure that breaks the 勾稽关系', () => {
    const r = report(LUOJIANG_2020);
    r.table3.carried_out = [1, 0, 0, 0, 0, 0, 1];
    const fs = validateReport(r);
    expect(rulesOf(fs)).toEqual(['R3 table3.carried_out[0]', 'R3 table3.carried_out[6]']);
    expect(fs[0]?.message).toContain('本年新收0加上年结转0为0');
  });

  it('R4: a table 四 total', () => {
    const r = report(SHUYANG_2023);
    r.table4.litigation_direct = [1, 0, 0, 0, 2];
    expect(rulesOf(validateReport(r).filter((f) => f.rule !== 'R9'))).toEqual(['R4 table4.litigation_direct[4]']);
  });

  it('R9 and R1 together for a blank total beside non-zero cells', () => {
    const r = report(LUOJIANG_2020);
    r.table3.received = [2, 0, 0, 0, 0, 0, null];
    const fs = rulesOf(validateReport(r));
    expect(fs).toContain('R1 table3.received[6]');
    expect(fs).toContain('R9 table3.received[6]');
  });

  it('R10: a department reporting 规章, and a format that does not fit the year', () => {
    const r = report(LUOJIANG_2020);
    r.table2.rules = [1, 1, 1];
    r.year = 2021;
    const fs = validateReport(r);
    expect(rulesOf(fs)).toEqual(['R10 format', 'R10 table2.rules[0]', 'R10 table2.rules[1]', 'R10 table2.rules[2]']);
    expect(fs[0]?.message).toBe(
      '2021年度报告应使用国办公开办函〔2021〕30号印发的格式（V2021），本报告使用的是国办公开办函〔2019〕60号的格式（V2019）。',
    );
    expect(validateReport(r, { agency: { makesRules: true } }).map((f) => f.where)).toEqual(['format']);
  });

  it('R10: a township reporting 规章', () => {
    const r = report(SHUYANG_2023);
    r.agency = { name: '沭阳县某某镇人民政府' };
    r.table2.rules = [0, 0, 2];
    expect(rulesOf(validateReport(r).filter((f) => f.rule !== 'R9'))).toEqual(['R10 table2.rules[2]']);
  });

  it('R11: negative or fractional counts; negative 本年增/减 is fine', () => {
    const r = report(LUOJIANG_2020);
    r.table2.licensing = [4, -2, 1];
    expect(validateReport(r)).toEqual([]);
    r.table2.penalty = [50, 0, 1.5];
    r.table4.reconsideration = [-1, 0, 0, 1, 0];
    expect(rulesOf(validateReport(r))).toEqual(['R11 table2.penalty[2]', 'R11 table4.reconsideration[0]']);
  });

  it('R8: narrative counts that contradict table 三', () => {
    const r = report(PINGTAN_2021);
    r.table2.normative_docs = [69, 3, 665];
    r.sections = { overview: '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。' };
    expect(validateReport(r)).toEqual([]);
    r.sections = { overview: '本年度全区共收到71件申请，及时依法依规办结68件，2件结转下年度继续办理。' };
    const fs = validateReport(r);
    expect(fs.map((f) => f.message)).toEqual([
      '「总体情况」中写明收到申请71件，与表格不一致：表三「一、本年新收政府信息公开申请数量」总计为70。',
      '「总体情况」中写明办结68件，与表格不一致：表三「（七）总计」为69。',
      '「总体情况」中写明结转下年度2件，与表格不一致：表三「四、结转下年度继续办理」总计为1。',
    ]);
    const luojiang = report(LUOJIANG_2020);
    luojiang.sections = { overview: '2020 年,我局无政府信息依申请事项。' };
    expect(validateReport(luojiang)).toEqual([]);
  });
});

describe('rules across years', () => {
  it('R5: carry-in must equal last year\u2019s carry-out', () => {
    const prev = report(PINGTAN_2021);
    const cur = report(SHUYANG_2023);
    cur.year = 2022;
    expect(rulesOf(validateYearChain(cur, prev))).toEqual(['R5 table3.carried_in[0]', 'R5 table3.carried_in[6]']);
    cur.year = 2024;
    expect(validateYearChain(cur, prev)).toEqual([]);
  });

  it('R6: the stock of 现行有效件数 (平潭 2021→2022: 665 + 88 − 55 = 698)', () => {
    const prev = report(PINGTAN_2021);
    prev.table2.normative_docs = [69, 3, 665];
    const cur = report(PINGTAN_2021);
    cur.year = 2022;
    cur.table3.carried_in = [1, 0, 0, 0, 0, 0, 1];
    cur.table2.normative_docs = [88, 55, 698];
    expect(validateYearChain(cur, prev)).toEqual([]);
    cur.table2.normative_docs = [88, 55, 700];
    expect(rulesOf(validateReport(cur, { previous: prev }))).toContain('R6 table2.normative_docs[2]');
  });

  it('R7: V2019 上一年项目数量 = last year\u2019s plus its 本年增/减', () => {
    const prev = report(LUOJIANG_2020);
    prev.year = 2019;
    prev.table2.licensing = [3, 1, 0];
    const cur = report(LUOJIANG_2020);
    expect(validateYearChain(cur, prev)).toEqual([]);
    prev.table2.penalty = [50, -2, 0];
    expect(rulesOf(validateYearChain(cur, prev))).toEqual(['R7 table2.penalty[0]']);
  });
});

describe('foldV2021OutcomesToV2019', () => {
  it('sums the three other_* rows into other and keeps report order', () => {
    const t = report(PINGTAN_2021).table3;
    t.other_no_correction = [1, 0, 0, 0, 0, 0, 1];
    t.other_no_fee = [0, 2, 0, 0, 0, 0, 2];
    const folded = foldV2021OutcomesToV2019(t);
    expect(folded.other).toEqual([2, 2, 0, 0, 0, 0, 4]);
    expect(folded.other_other).toBeUndefined();
    expect(Object.keys(folded)).toHaveLength(23);
    expect(Object.keys(folded).slice(-3)).toEqual(['other', 'total', 'carried_out']);
    t.other_no_fee = [null, 2, 0, 0, 0, 0, 2];
    expect(foldV2021OutcomesToV2019(t).other?.[0]).toBeNull();
  });
});
