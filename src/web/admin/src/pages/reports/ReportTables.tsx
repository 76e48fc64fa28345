/**
 * The three official tables of a report, drawn from the same grids as the DOCX/PDF/XLSX exports
 * (src/modules/reports/export/tables.ts, built from the format data), merged cells included.
 * A screen may mark data cells (e.g. 年报体检 highlights the cells a finding points at): each
 * data cell knows its path, `table3.total[6]`.
 */
import type { CSSProperties } from 'react';
import { getFormat } from '../../../../../domain/report/formats.ts';
import { layoutTable } from '../../../../../modules/documents/table-grid.ts';
import { reportTables, type ReportTable } from '../../../../../modules/reports/export/tables.ts';
import type { AnnualReport } from '../../api/reports.ts';

const CAPTIONS = {
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
};
const cellStyle = { border: '1px solid #bfbfbf', padding: '2px 6px', fontSize: 12 } as const;

/** How a screen marks one data cell. */
export interface CellMark {
  style?: CSSProperties;
  /** Shown on hover and read by screen readers with the cell. */
  title?: string;
}

/** For each body row of a table, the row key of its data cells (null for the 第二十条 header rows). */
function bodyRowKeys(report: AnnualReport, section: ReportTable['section']): Array<string | null> {
  const format = getFormat(report.format);
  if (section === 'proactive') return format.table2.groups.flatMap((g) => [null, null, ...g.rows.map((r) => r.key)]);
  if (section === 'applications') return format.table3.rows.map((r) => r.key);
  return ['table4'];
}

/** The path of the i-th data cell of a body row (table 四's one row holds its three groups of five). */
function cellPath(report: AnnualReport, section: ReportTable['section'], key: string, i: number): string {
  if (section === 'appeals') {
    const group = getFormat(report.format).table4.groups[Math.floor(i / 5)]?.key ?? 'reconsideration';
    return `table4.${group}[${i % 5}]`;
  }
  return `${section === 'proactive' ? 'table2' : 'table3'}.${key}[${i}]`;
}

/** The tables of `report`, read-only; `mark` may style a data cell by its path. */
export function ReportTables({
  report,
  mark,
}: {
  report: AnnualReport;
  mark?: (path: string) => CellMark | undefined;
}) {
  return (
    <>
      {reportTables(report).map((t) => {
        const grid = layoutTable(t.head, t.rows);
        const keys = bodyRowKeys(report, t.section);
        return (
          <table key={t.section} style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 24 }}>
            <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{CAPTIONS[t.section]}</caption>
            <tbody>
              {grid.byRow.map((cells, r) => {
                const key = r >= grid.headRows ? keys[r - grid.headRows] : null;
                let dataIndex = 0;
                return (
                  <tr key={r}>
                    {cells.map((c) => {
                      if (c.header || c.bold) {
                        return (
                          <th
                            key={c.col}
                            rowSpan={c.rowSpan}
                            colSpan={c.colSpan}
                            scope="col"
                            style={{ ...cellStyle, background: '#fafafa' }}
                          >
                            {c.text}
                          </th>
                        );
                      }
                      const path = key && c.align !== 'left' ? cellPath(report, t.section, key, dataIndex++) : null;
                      const m = path && mark ? mark(path) : undefined;
                      return (
                        <td
                          key={c.col}
                          rowSpan={c.rowSpan}
                          colSpan={c.colSpan}
                          data-where={path ?? undefined}
                          title={m?.title}
                          style={{ ...cellStyle, textAlign: c.align === 'left' ? 'left' : 'center', ...m?.style }}
                        >
                          {c.text}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
