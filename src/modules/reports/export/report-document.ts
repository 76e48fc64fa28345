/**
 * The annual report as an official document (document module): title, preamble, the six
 * sections in order with their official headings (一、…六、, numbered by the renderer), the
 * narrative split into paragraphs, the three tables with merged headers, and the signature
 * block with the date printed as 2021年1月6日.
 */
import { getFormat, type AnnualReport } from '../../../domain/report/index.ts';
import type { Block, OfficialDocument } from '../../documents/index.ts';
import { reportTables } from './tables.ts';

export interface ExportInput {
  report: AnnualReport;
  /** The paragraph before 一 (not part of report-json.md). */
  preamble?: string;
  /** Version number and reason, printed in a note when the report is a later version. */
  version?: { number: number; reason: string | null } | null;
  /**
   * An export of the live report (not a published version): printed under the title as
   * 「（草稿）」 or 「（草稿\u3000截至12月7日，未到发布时间）」, and signed — the 落款 — with the
   * record's 成文日期 or, when none is set, `date` (today), so a draft reads as the report will.
   */
  draft?: { date: string; mark: string } | null;
}

/** The line under the title of a draft export: 「（草稿）」. */
export function draftLine(draft: ExportInput['draft']): string | undefined {
  return draft ? `（${draft.mark}）` : undefined;
}

/** The 落款 of an export: the agency and the report's date, or the draft's date when the report has none. */
export function signatureOf(input: ExportInput): { agency: string; date: string } | undefined {
  const date = input.report.date ?? input.draft?.date ?? null;
  return date ? { agency: input.report.agency.name, date } : undefined;
}

/** 「泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告」 */
export function reportTitle(report: AnnualReport): string {
  return `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
}

/** Narrative text → paragraphs: one per non-empty line. */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Heading text without its printed number: 「一、总体情况」 → 「总体情况」. */
const bare = (heading: string): string => heading.replace(/^[一二三四五六七八九十]+、/, '');

/** The document model of a report. */
export function reportDocument(input: ExportInput): OfficialDocument {
  const { report } = input;
  const format = getFormat(report.format);
  const tables = new Map(reportTables(report).map((t) => [t.section, t]));
  const narrative: Record<string, string | undefined> = {
    overview: report.sections?.overview,
    problems: report.sections?.problems,
    other: report.sections?.other,
  };
  const body: Block[] = paragraphs(input.preamble).map((text) => ({ kind: 'paragraph', text }));
  for (const s of format.sections) {
    body.push({ kind: 'heading', level: 1, text: bare(s.heading) });
    if (s.kind === 'narrative') {
      for (const text of paragraphs(narrative[s.key])) body.push({ kind: 'paragraph', text });
    } else {
      const t = tables.get(s.key as 'proactive' | 'applications' | 'appeals');
      if (t) body.push({ kind: 'table', head: t.head, rows: t.rows, columnWidths: t.columnWidths });
    }
  }
  if (input.version && input.version.number > 1) {
    body.push({
      kind: 'paragraph',
      text: `注：本报告为第${input.version.number}版${input.version.reason ? `，修订理由：${input.version.reason}` : ''}。`,
    });
  }
  return {
    title: reportTitle(report),
    subtitle: draftLine(input.draft),
    body,
    signature: signatureOf(input),
    properties: {
      author: report.agency.name,
      subject: '政府信息公开工作年度报告',
      keywords: `${report.year} ${format.notice}`,
    },
  };
}
