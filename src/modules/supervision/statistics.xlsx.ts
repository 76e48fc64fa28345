/**
 * The subtree statistics as a workbook (exceljs): one row per agency with its own figures and
 * its subtree's, outcomes by table 三 row, 主动公开 by statutory item, and the monthly trend.
 * Numbers are numbers, so a supervisor can sum and sort them in WPS or Excel.
 */
import ExcelJS from 'exceljs';
import { AGENCY_LEVEL_LABELS } from '../../domain/agency.ts';
import { OUTCOME_KEYS } from '../../domain/report/table3-rows.ts';
import {
  outcomeLabel,
  REPORT_STATE_LABELS,
  REPORT_STATUS_LABELS,
  statutoryItemLabel,
} from '../../domain/supervision/labels.ts';
import type { AdditiveStats, DerivedStats } from '../../domain/supervision/statistics.ts';
import { formatChineseDate } from '../../domain/time.ts';
import type { SubtreeStatistics } from './statistics.service.ts';

const FONT = { name: '宋体', size: 11 };
type Figures = AdditiveStats & { derived: DerivedStats };

const COLUMNS: Array<[string, (f: Figures) => number | null]> = [
  ['新收申请', (f) => f.applications.received],
  ['办结', (f) => f.applications.closed],
  ['在办', (f) => f.applications.open],
  ['当前逾期', (f) => f.applications.overdueNow],
  ['超期办结', (f) => f.applications.closedLate],
  ['按时办结率（%）', (f) => f.derived.onTimeRate],
  ['答复用时中位数（工作日）', (f) => f.derived.medianReplyDays],
  ['答复用时P90（工作日）', (f) => f.derived.p90ReplyDays],
  ['信息处理费（元）', (f) => f.applications.feesYuan],
  ['主动公开', (f) => f.catalog.published],
  ['按时公开', (f) => f.catalog.onTime],
  ['逾期公开', (f) => f.catalog.late],
  ['逾期未公开', (f) => f.catalog.overdueNow],
  ['第二十六条按时率（%）', (f) => f.derived.publicationOnTimeRate],
  ['规章和规范性文件（公开中）', (f) => f.catalog.normativePublic],
  ['其中现行有效', (f) => f.catalog.normativeInForce],
  ['其中已废止/失效/修订', (f) => f.catalog.normativeEnded],
  ['其中标注施行日期', (f) => f.catalog.normativeDated],
  ['政策解读', (f) => f.catalog.interpretations],
  ['行政复议', (f) => f.cases.filed.reconsideration],
  ['行政诉讼', (f) => f.cases.filed.litigation_direct + f.cases.filed.litigation_after_reconsideration],
  ['审结', (f) => f.cases.concluded],
  ['纠错', (f) => f.cases.corrected],
  ['纠错率（%）', (f) => f.derived.correctionRate],
];

function header(ws: ExcelJS.Worksheet, titles: string[]): void {
  const row = ws.addRow(titles);
  row.font = { ...FONT, bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: ws.rowCount, xSplit: 1 }];
}

/** The workbook for one subtree and period. */
export async function statisticsXlsx(s: SubtreeStatistics): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const info = wb.addWorksheet('说明');
  info.addRows([
    ['政府信息公开工作统计'],
    ['统计范围', `${s.root.name}及其下级机关（${s.agencies.length}个）`],
    ['统计期间', s.period.label],
    ['统计日期', formatChineseDate(s.today)],
    ['说明', '“本级”为机关自身记录；“含下级”为本机关及其全部下级机关合计。当前逾期、在办按统计日期计算。'],
  ]);
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 80;
  info.getRow(1).font = { ...FONT, bold: true, size: 14 };

  for (const [name, pick] of [
    ['各机关（本级）', (a: SubtreeStatistics['agencies'][number]) => a.own],
    ['各机关（含下级）', (a: SubtreeStatistics['agencies'][number]) => a.subtree],
  ] as const) {
    const ws = wb.addWorksheet(name);
    header(ws, [
      '机关',
      '层级',
      ...COLUMNS.map(([t]) => t),
      `${s.period.year}年度报告`,
      '法定期限',
      '首次发布日期',
      '逾期发布',
      '检查错误',
      '检查提示',
    ]);
    for (const a of s.agencies) {
      const f = pick(a);
      ws.addRow([
        `${'　'.repeat(a.agency.depth)}${a.agency.name}`,
        AGENCY_LEVEL_LABELS[a.agency.level],
        ...COLUMNS.map(([, get]) => get(f)),
        a.report.status
          ? (REPORT_STATUS_LABELS[a.report.status] ?? a.report.status)
          : REPORT_STATE_LABELS[a.report.state],
        formatChineseDate(a.report.deadline),
        a.report.publishedOn ? formatChineseDate(a.report.publishedOn) : '',
        a.report.late ? '是' : '',
        a.report.errors,
        a.report.warnings,
      ]);
    }
    ws.getColumn(1).width = 36;
    for (let c = 2; c <= COLUMNS.length + 8; c++) ws.getColumn(c).width = 12;
  }

  const outcomes = wb.addWorksheet('办理结果（表三）');
  header(outcomes, ['机关', ...OUTCOME_KEYS.map(outcomeLabel), '合计']);
  for (const a of s.agencies) {
    const o = a.subtree.applications.outcomes;
    outcomes.addRow([a.agency.name, ...OUTCOME_KEYS.map((k) => o[k]), OUTCOME_KEYS.reduce((n, k) => n + o[k], 0)]);
  }
  outcomes.getColumn(1).width = 36;

  const items = [...new Set(s.agencies.flatMap((a) => Object.keys(a.subtree.catalog.byItem)))].sort((x, y) =>
    x.localeCompare(y, 'en', { numeric: true }),
  );
  const proactive = wb.addWorksheet('主动公开（法定事项）');
  header(proactive, ['机关', ...items.map(statutoryItemLabel), '合计']);
  for (const a of s.agencies) {
    const b = a.subtree.catalog.byItem;
    proactive.addRow([a.agency.name, ...items.map((k) => b[k] ?? 0), a.subtree.catalog.published]);
  }
  proactive.getColumn(1).width = 36;

  const months = wb.addWorksheet('按月趋势');
  header(months, ['月份', '新收申请', '办结', '超期办结']);
  for (const m of s.months) months.addRow([m.month, m.received, m.closed, m.closedLate]);

  for (const ws of wb.worksheets)
    ws.eachRow((row) => row.eachCell((cell) => (cell.font = { ...FONT, ...(cell.font ?? {}) })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
