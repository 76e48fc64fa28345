/**
 * A report printed with the text hazards of report-formats.md §6 and issue 7: page footers
 * inside a table, labels broken over lines, header text split character by character, label
 * variants (社会组织, 总 计, half-width brackets), full-width digits, thousands separators,
 * amounts in 万元, negative changes.
 */
import type { AnnualReport } from '../../src/domain/report/index.ts';
import { renderText } from './render-text.ts';
import { plantedBase } from './samples.ts';

/** The report the hazard text must read back to. */
export function hazardReport(): AnnualReport {
  const r = plantedBase();
  r.agency = { name: '泉州市某某区示例局' };
  r.table2.licensing = [20, -15, 3];
  r.table2.other_services = [7, 2, 1021];
  r.table2.penalty = [50, -1, 12];
  r.table2.procurement = [3, 1234567.5];
  return r;
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The hazard text (tab-separated cells like text copied out of a PDF). */
export function hazardText(): string {
  const lines = renderText({ report: hazardReport() }, 'tab').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (line.startsWith('其他对外管理服务事项\t')) {
      out.push(line.replace('\t1021', '\t1,021'));
    } else if (line.startsWith('政府集中采购\t')) {
      out.push('政府集中采购\t3\t123.45675万元\t');
    } else if (line.startsWith('行政许可\t')) {
      out.push(line.replace('\t-15', '\t－15'));
    } else if (line.startsWith('\t\t\t商业企业')) {
      out.push(line.replace('社会公益组织', '社会组织'));
    } else if (line.includes('申请人情况')) {
      out.push(line.replace('申请人情况', '申\t请\t人\t情\t况'));
    } else if (line.includes('5.要求行政机关确认或重新出具已获取信息')) {
      // The label wraps: its end stands on the next line, after the numbers.
      out.push(
        line.replace('5.要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重新出具已'),
        '\t\t获取信息',
      );
    } else if (line.includes('（七）总计')) {
      out.push(line.replace('（七）总计', '(七)总 计'));
    } else if (line.includes('1.属于国家秘密')) {
      out.push('— 5 —', '', line);
    } else if (line.includes('一、本年新收政府信息公开申请数量')) {
      out.push(FULL_WIDTH(line));
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}
