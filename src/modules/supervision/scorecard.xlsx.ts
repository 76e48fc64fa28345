/** The scorecard as a workbook: ranking with every indicator's points, and the indicator set used. */
import ExcelJS from 'exceljs';
import { SCORECARD_METRICS, type MetricKey } from '../../domain/supervision/scorecard.ts';
import type { Scorecard } from './scorecard.service.ts';

const FONT = { name: '宋体', size: 11 };

export async function scorecardXlsx(card: Scorecard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ind = card.set.indicators;
  const ws = wb.addWorksheet('考核得分');
  ws.addRow([`${card.root.name}${card.year}年政务公开考核得分`]).font = { ...FONT, bold: true, size: 14 };
  ws.addRow([`指标体系：${card.set.name}${card.set.version ? `（第${card.set.version}版）` : '（默认）'}`]);
  const head = ws.addRow(['名次', '机关', '总分', ...ind.map((i) => `${i.name}（${i.weight}分）`), '提升建议']);
  head.font = { ...FONT, bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const a of card.agencies) {
    ws.addRow([
      a.rank,
      a.agency.name,
      a.total,
      ...a.indicators.map((i) => i.points),
      a.indicators
        .filter((i) => i.advice)
        .map((i) => i.advice)
        .join('；'),
    ]);
  }
  ws.getColumn(2).width = 36;
  ws.getColumn(ind.length + 4).width = 80;
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];

  const evidence = wb.addWorksheet('得分依据');
  evidence.addRow(['机关', '指标', '得分', '满分', '取值', '依据记录数']).font = { ...FONT, bold: true };
  for (const a of card.agencies)
    a.indicators.forEach((i, k) =>
      evidence.addRow([a.agency.name, ind[k]!.name, i.points, i.max, i.value, i.evidenceCount]),
    );
  evidence.getColumn(1).width = 36;
  evidence.getColumn(2).width = 30;

  const set = wb.addWorksheet('指标体系');
  set.addRow(['代码', '指标', '维度', '分值', '计分方式', '依据', '提升建议']).font = { ...FONT, bold: true };
  const label = (k: MetricKey) => SCORECARD_METRICS[k]?.label ?? k;
  for (const i of ind) {
    const r = i.rule;
    const how =
      r.kind === 'ratio'
        ? `${label(r.numerator)} ÷ ${label(r.denominator)}：≥${r.full * 100}%满分，≤${r.zero * 100}%零分`
        : r.kind === 'atLeast'
          ? `${label(r.metric)}：≥${r.full}满分，≤${r.zero}零分`
          : `${label(r.metric)}：≤${r.full}满分，≥${r.zero}零分`;
    set.addRow([i.key, i.name, i.dimension, i.weight, how, i.basis, i.advice]);
  }
  for (const c of [2, 5, 6, 7]) set.getColumn(c).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
