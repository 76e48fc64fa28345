/**
 * Year over year for imported reports (issue 16): any two stored reports of one agency compared
 * (compareYears: cells, paragraphs, biggest movers, R5–R7), exported as XLSX and DOCX; and the
 * report library paired by agency and year, so a batch of uploads shows at once which years of
 * which agency can be compared. Reports are kept once per file hash (report-import.repository).
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { compareYears, ruleName, sectionName, type YearComparison } from '../../domain/report/index.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import type { Block, Cell as DocCell } from '../documents/document.ts';
import { renderDocx } from '../documents/render-docx.ts';
import * as repo from './report-import.repository.ts';

/** Agency identity across years: the name without spaces (import-batch.ts does the same). */
const agencyKey = (name: string) => name.replace(/\s+/g, '');

/** One agency's stored reports by year, for the library view. */
export interface LibraryAgency {
  agencyName: string;
  years: Array<{ year: number; id: string; sourceFile: string; format: string }>;
  /** Consecutive years present, as [earlier id, later id]: the pairs worth comparing first. */
  pairs: Array<{ before: string; after: string; years: [number, number] }>;
}

/** The library: every stored report grouped by agency, with consecutive years paired. */
export async function reportLibrary(db: Db, actor: Actor): Promise<LibraryAgency[]> {
  authorize(actor, 'report_checks.read');
  const groups = new Map<string, LibraryAgency>();
  for (const s of await repo.listImportedSummaries(db)) {
    if (!s.agencyName) continue;
    const key = agencyKey(s.agencyName);
    const g = groups.get(key) ?? { agencyName: s.agencyName, years: [], pairs: [] };
    // One report per year: the latest import of that year stands for it.
    g.years = [
      ...g.years.filter((y) => y.year !== s.year),
      { year: s.year, id: s.id, sourceFile: s.sourceFile, format: s.format },
    ];
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    g.years.sort((a, b) => a.year - b.year);
    g.years.forEach((y, i) => {
      const next = g.years[i + 1];
      if (next && next.year === y.year + 1) g.pairs.push({ before: y.id, after: next.id, years: [y.year, next.year] });
    });
  }
  return [...groups.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'zh'));
}

/** Compares two stored reports of one agency, the earlier year first whatever the order given. */
export async function compareStoredReports(
  db: Db,
  actor: Actor,
  firstId: string,
  secondId: string,
): Promise<YearComparison> {
  authorize(actor, 'report_checks.read');
  const [a, b] = await Promise.all([repo.findImportedReport(db, firstId), repo.findImportedReport(db, secondId)]);
  if (!a || !b) throw new DomainError('NOT_FOUND', '要比较的年度报告不存在');
  if (a.id === b.id) throw new DomainError('REPORT_COMPARE_SAME', '请选择同一机关的两份不同的年度报告进行比较');
  if (agencyKey(a.agencyName) !== agencyKey(b.agencyName) || !a.agencyName)
    throw new DomainError(
      'REPORT_COMPARE_AGENCY',
      `只能比较同一机关的年度报告：这两份分别是「${a.agencyName || '未识别机关'}」和「${b.agencyName || '未识别机关'}」的报告`,
    );
  const [before, after] = a.year <= b.year ? [a, b] : [b, a];
  return compareYears(before.report, after.report);
}

const show = (v: number | null) => (v === null ? '空白' : String(v));
const KIND = { added: '新增', removed: '删除', changed: '修改' } as const;

/** The comparison as an XLSX workbook: 表格变化, 关键数字, 正文变化, 跨年度检查. */
export async function comparisonWorkbook(c: YearComparison): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 年报体检';
  const sheet = (name: string, columns: Array<{ header: string; key: string; width: number }>) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    return ws;
  };
  const cellColumns = [
    { header: '单元格', key: 'label', width: 56 },
    { header: `${c.before.year}年`, key: 'before', width: 12 },
    { header: `${c.after.year}年`, key: 'after', width: 12 },
    { header: '增减', key: 'change', width: 10 },
    { header: '变化幅度', key: 'ratio', width: 10 },
  ];
  const row = (x: YearComparison['cells'][number]) => ({
    label: x.label,
    before: x.before ?? '空白',
    after: x.after ?? '空白',
    change: x.change ?? '—',
    ratio: x.ratio === null ? '—' : `${Math.round(x.ratio * 1000) / 10}%`,
  });
  const cells = sheet('表格变化', cellColumns);
  for (const x of c.cells) cells.addRow(row(x));
  const movers = sheet('关键数字', cellColumns);
  for (const x of c.movers) movers.addRow(row(x));
  const text = sheet('正文变化', [
    { header: '部分', key: 'section', width: 24 },
    { header: '变化', key: 'kind', width: 8 },
    { header: `${c.before.year}年`, key: 'before', width: 70 },
    { header: `${c.after.year}年`, key: 'after', width: 70 },
  ]);
  for (const p of c.paragraphs)
    text.addRow({ section: sectionName(p.section), kind: KIND[p.kind], before: p.before ?? '', after: p.after ?? '' });
  text.getColumn('before').alignment = { wrapText: true, vertical: 'top' };
  text.getColumn('after').alignment = { wrapText: true, vertical: 'top' };
  const rules = sheet('跨年度检查', [
    { header: '规则', key: 'rule', width: 20 },
    { header: '说明', key: 'message', width: 100 },
  ]);
  for (const f of c.crossYear) rules.addRow({ rule: ruleName(f.rule), message: f.message });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The comparison as a DOCX (GB/T 9704 layout of the documents module). */
export async function comparisonDocx(c: YearComparison): Promise<Buffer> {
  const table = (rows: YearComparison['cells']): Block => ({
    kind: 'table',
    head: [['单元格', `${c.before.year}年`, `${c.after.year}年`, '增减']],
    rows: rows.map((x): DocCell[] => [
      { text: x.label, align: 'left' },
      show(x.before),
      show(x.after),
      x.change === null ? '—' : (x.change > 0 ? '+' : '') + String(x.change),
    ]),
    columnWidths: [10, 2, 2, 2],
  });
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `本文比较${c.agency}${c.before.year}年度与${c.after.year}年度政府信息公开工作年度报告：表格中${c.cells.length}个单元格有变化，正文${c.paragraphs.length}个段落有增删改${c.crossYear.length ? `，跨年度检查发现${c.crossYear.length}处不衔接` : ''}。${c.sameFormat ? '' : `两份报告的表格格式不同（${c.before.format}、${c.after.format}），只比较两种格式共有的单元格。`}`,
    },
    { kind: 'heading', level: 1, text: '变化最大的数字' },
    ...(c.movers.length ? [table(c.movers)] : [{ kind: 'paragraph' as const, text: '表格数字没有变化。' }]),
    { kind: 'heading', level: 1, text: '跨年度检查' },
    ...(c.crossYear.length
      ? c.crossYear.map((f): Block => ({ kind: 'paragraph', text: `${ruleName(f.rule)}：${f.message}` }))
      : [{ kind: 'paragraph' as const, text: '上年结转、现行有效件数和项目数量前后衔接，未发现问题。' }]),
    { kind: 'heading', level: 1, text: '正文变化' },
    ...(c.paragraphs.length
      ? c.paragraphs.flatMap((p): Block[] => [
          { kind: 'paragraph', text: `【${sectionName(p.section)}·${KIND[p.kind]}】`, indent: false, bold: true },
          ...(p.before ? [{ kind: 'paragraph' as const, text: `${c.before.year}年：${p.before}` }] : []),
          ...(p.after ? [{ kind: 'paragraph' as const, text: `${c.after.year}年：${p.after}` }] : []),
        ])
      : [{ kind: 'paragraph' as const, text: '正文没有变化。' }]),
    { kind: 'heading', level: 1, text: '表格全部变化' },
    ...(c.cells.length ? [table(c.cells)] : [{ kind: 'paragraph' as const, text: '表格没有变化。' }]),
  ];
  return renderDocx({
    title: `${c.agency}\n${c.before.year}年度与${c.after.year}年度政府信息公开工作年度报告比较`,
    body,
  });
}
