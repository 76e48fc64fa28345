import { describe, expect, it } from 'vitest';
import {
  OUTCOME_KEYS,
  V2019,
  V2021,
  emptyReport,
  formatForYear,
  table2ColumnSpans,
  table3BodyLayout,
} from './index.ts';

describe('report formats as data', () => {
  it('chooses V2019 for 2019 and 2020 reports, V2021 from 2021, none before 2019', () => {
    expect(formatForYear(2018)).toBeNull();
    expect(formatForYear(2019)?.id).toBe('V2019');
    expect(formatForYear(2020)?.id).toBe('V2019');
    expect(formatForYear(2021)?.id).toBe('V2021');
    expect(formatForYear(2025)?.id).toBe('V2021');
    expect(V2019.notice).toBe('国办公开办函〔2019〕60号');
    expect(V2021.notice).toBe('国办公开办函〔2021〕30号');
  });

  it('has the six sections with their official headings', () => {
    expect(V2021.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('table 二 differs between the versions as §2.3 says', () => {
    const keys = (f: typeof V2019) => f.table2.groups.flatMap((g) => g.rows.map((r) => r.key));
    expect(keys(V2019)).toEqual([
      'rules',
      'normative_docs',
      'licensing',
      'other_services',
      'penalty',
      'enforcement',
      'fees',
      'procurement',
    ]);
    expect(keys(V2021)).toEqual(['rules', 'normative_docs', 'licensing', 'penalty', 'enforcement', 'fees']);
    expect(V2019.table2.groups[0]?.columns.map((c) => c.label)).toEqual([
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
    ]);
    expect(V2021.table2.groups[0]?.columns.map((c) => c.label)).toEqual([
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
    ]);
    expect(V2021.table2.groups[0]?.rows[1]?.label).toBe('行政规范性文件');
    expect(V2021.table2.groups[3]?.columns[0]).toEqual({
      label: '本年收费金额（单位：万元）',
      kind: 'amount',
      unit: '万元',
    });
    expect(V2019.table2.groups[4]?.header).toBe('第二十条第（九）项');
  });

  it('table 三 has 23 rows (19 outcomes) in V2019 and 25 rows (21 outcomes) in V2021', () => {
    expect(V2019.table3.rows).toHaveLength(23);
    expect(V2019.table3.rows.filter((r) => r.outcome)).toHaveLength(19);
    expect(V2021.table3.rows).toHaveLength(25);
    expect(V2021.table3.rows.filter((r) => r.outcome).map((r) => r.key)).toEqual([...OUTCOME_KEYS]);
    expect(V2021.table3.rows.find((r) => r.key === 'other_no_fee')?.label).toBe(
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    );
    expect(V2019.table3.rows.find((r) => r.key === 'withheld_security_stability')?.label).toBe('3.危及“三安全一稳定”');
    expect(V2019.table3.columns.map((c) => c.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
  });

  it('merged headers span the widths of the official tables', () => {
    const width = (row: Array<{ colSpan: number }>) => row.reduce((s, c) => s + c.colSpan, 0);
    expect(width(V2021.table3.header[0]!)).toBe(7);
    expect(width(V2021.table3.header[1]!)).toBe(7);
    expect(V2021.table4.header.map(width)).toEqual([15, 15, 10]);
  });

  it('lays out table 三 label cells with the official rowspans', () => {
    const layout = table3BodyLayout(V2021);
    expect(layout[0]?.labelCells).toEqual([{ text: '一、本年新收政府信息公开申请数量', colSpan: 3, rowSpan: 1 }]);
    expect(layout[2]?.labelCells).toEqual([
      { text: '三、本年度办理结果', colSpan: 1, rowSpan: 22 },
      { text: '（一）予以公开', colSpan: 2, rowSpan: 1 },
    ]);
    expect(layout[4]?.labelCells).toEqual([
      { text: '（三）不予公开', colSpan: 1, rowSpan: 8 },
      { text: '1.属于国家秘密', colSpan: 1, rowSpan: 1 },
    ]);
    expect(layout[5]?.labelCells).toEqual([{ text: '2.其他法律行政法规禁止公开', colSpan: 1, rowSpan: 1 }]);
    expect(table3BodyLayout(V2019)[2]?.labelCells[0]?.rowSpan).toBe(20);
    expect(table2ColumnSpans(V2021.table2.groups[1]!, 3)).toEqual([3]);
  });

  it('builds an all-zero report with exactly the keys of the format', () => {
    const r = emptyReport(V2021, { name: '某局' }, 2022);
    expect(Object.keys(r.table2)).not.toContain('procurement');
    expect(r.table2.fees).toEqual([0]);
    expect(Object.keys(r.table3)).toHaveLength(25);
    expect(r.table3.other).toBeUndefined();
  });
});
