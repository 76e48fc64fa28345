/**
 * The three official tables of a report, drawn from the same grids as the DOCX/PDF/XLSX exports
 * (src/modules/reports/export/tables.ts, built from the format data), merged cells included.
 */
import { layoutTable } from '../../../../../modules/documents/table-grid.ts';
import { reportTables } from '../../../../../modules/reports/export/tables.ts';
import type { AnnualReport } from '../../api/reports.ts';

const CAPTIONS = { proactive: '二、主动公开政府信息情况', applications: '三、收到和处理政府信息公开申请情况', appeals: '四、政府信息公开行政复议、行政诉讼情况' };
const cellStyle = { border: '1px solid #bfbfbf', padding: '2px 6px', fontSize: 12 } as const;

/** The tables of `report`, read-only. */
export function ReportTables({ report }: { report: AnnualReport }) {
  return (
    <>
      {reportTables(report).map((t) => {
        const grid = layoutTable(t.head, t.rows);
        return (
          <table key={t.section} style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 24 }}>
            <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{CAPTIONS[t.section]}</caption>
            <tbody>
              {grid.byRow.map((cells, r) => (
                <tr key={r}>
                  {cells.map((c) =>
                    c.header || c.bold ? (
                      <th key={c.col} rowSpan={c.rowSpan} colSpan={c.colSpan} scope="col" style={{ ...cellStyle, background: '#fafafa' }}>
                        {c.text}
                      </th>
                    ) : (
                      <td key={c.col} rowSpan={c.rowSpan} colSpan={c.colSpan} style={{ ...cellStyle, textAlign: c.align === 'left' ? 'left' : 'center' }}>
                        {c.text}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
