/**
 * The aggregate annual report as a file (第四十九条: the 主管部门 reports for its government and
 * watches the agencies below): the subtree's tables 二/三/四 in the official layout as DOCX, PDF
 * and XLSX, and as JSON in the gongkai.annual-report/1 shape with `includedAgencies`. The figures
 * of every agency are counted together and assembled once, so R1–R4 hold, and the aggregate
 * equals the sum of the agencies' own reports cell by cell.
 */
import type { Db } from '../../db/database.ts';
import { ValidationError } from '../../domain/errors.ts';
import { chooseFormat, getFormat, type AnnualReport, type Finding } from '../../domain/report/index.ts';
import { formatChineseDate, shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { renderDocument, type OfficialDocument } from '../documents/index.ts';
import { reportTables, type ExportedFile } from '../reports/export/index.ts';
import { renderXlsx } from '../reports/export/xlsx.ts';
import { moduleFigureSources } from '../reports/figure-sources.ts';
import { computeLive, reportAgency } from '../reports/reports.compute.ts';
import type { FigureSources } from '../reports/reports.figures.ts';
import { resolveSubtree } from './subtree.ts';

export const AGGREGATE_FORMATS = ['json', 'docx', 'xlsx', 'pdf'] as const;
export type AggregateFormat = (typeof AGGREGATE_FORMATS)[number];

export interface Aggregate {
  report: AnnualReport;
  findings: Finding[];
  /** The day the figures were read (they are live until the agencies' reports are frozen). */
  asOf: string;
}

/** The aggregate report of the subtree under `rootId` (default: the top of the user's reach) for `year`. */
export async function aggregateOfSubtree(
  db: Db,
  actor: Actor,
  input: { rootId?: string; year: number | string },
  clock: Clock,
  sources: FigureSources = moduleFigureSources,
): Promise<Aggregate> {
  const year = Number(input.year);
  if (!Number.isInteger(year) || year < 2019 || year > 2100)
    throw new ValidationError({ year: '报告年度（year）应为2019年以后的年份（年度报告格式自2019年起）' });
  const subtree = await resolveSubtree(db, actor, input.rootId, 'supervision.read');
  const live = await computeLive(db, sources, subtree.root, year, null, {
    format: chooseFormat(year).format,
    agencyIds: subtree.agencies.map((a) => a.id),
    includedAgencies: subtree.agencies.map(reportAgency),
  });
  // The narrative is the government's own to write: the aggregate carries the tables only.
  const { sections: _narrative, ...report } = live.report;
  const findings = live.findings.filter((f): f is Finding => 'rule' in f && /^R\d+$/.test(f.rule));
  return { report, findings, asOf: shanghaiDate(clock.now()) };
}

/** 「泉州市洛江区人民政府2025年政府信息公开工作年度报告汇总表（含下级机关）」 */
export function aggregateTitle(report: AnnualReport): string {
  return `${report.agency.name}${report.year}年政府信息公开工作年度报告汇总表（含下级机关）`;
}

/** The aggregate as an official document: coverage, then tables 二、三、四 with their official headings. */
export function aggregateDocument(a: Aggregate): OfficialDocument {
  const { report } = a;
  const format = getFormat(report.format);
  const tables = new Map(reportTables(report).map((t) => [t.section, t]));
  const covered = report.includedAgencies ?? [];
  const body: OfficialDocument['body'] = [
    {
      kind: 'paragraph',
      text: `汇总范围：${covered.map((x) => x.name).join('、')}，共${covered.length}个机关。`,
    },
    {
      kind: 'paragraph',
      text: `本表由各机关的业务记录计算，数据截至${formatChineseDate(a.asOf)}；格式依据${format.notice}。`,
    },
  ];
  for (const s of format.sections) {
    if (s.kind === 'narrative') continue;
    const t = tables.get(s.key as 'proactive' | 'applications' | 'appeals');
    if (!t) continue;
    body.push({ kind: 'heading', level: 1, text: s.heading.replace(/^[一二三四五六七八九十]+、/, '') });
    body.push({ kind: 'table', head: t.head, rows: t.rows, columnWidths: t.columnWidths });
  }
  return {
    title: aggregateTitle(report),
    body,
    properties: { author: report.agency.name, subject: '政府信息公开工作年度报告汇总表', keywords: `${report.year}` },
  };
}

const TYPES: Record<AggregateFormat, string> = {
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The aggregate in one file format. */
export async function exportAggregate(a: Aggregate, format: AggregateFormat): Promise<ExportedFile> {
  if (!(AGGREGATE_FORMATS as readonly string[]).includes(format))
    throw new ValidationError({ format: `导出格式（format）应为 ${AGGREGATE_FORMATS.join('、')} 之一` });
  let data: Buffer;
  if (format === 'json') data = Buffer.from(`${JSON.stringify(a.report, null, 2)}\n`, 'utf8');
  else if (format === 'xlsx') data = await renderXlsx(a.report);
  else data = (await renderDocument(aggregateDocument(a), format)).data;
  const base = aggregateTitle(a.report).replace(/[\\/:*?"<>|\n\r]+/g, '');
  return { data, contentType: TYPES[format], fileName: `${base}.${format}` };
}
