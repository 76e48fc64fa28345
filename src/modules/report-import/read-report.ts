/**
 * From a document (lines of cells) to `gongkai.annual-report/1` plus findings: detect the
 * format version, read the tables, take agency, year and date from the text, validate.
 */
import {
  ANNUAL_REPORT_SCHEMA,
  formatForYear,
  getFormat,
  validateReport,
  type AnnualReport,
  type Finding,
  type ReportFormat,
  type ReportFormatId,
  type ReportSource,
} from '../../domain/report/index.ts';
import { plainText, type SourceDocument } from './document.ts';
import { extractTables } from './extract-tables.ts';
import { cueHits } from './labels.ts';
import { extractMeta } from './metadata.ts';
import { tokenize } from './tokens.ts';

/** What reading one document gives: a report and findings, or an error that says why not. */
export interface ReadResult {
  report: AnnualReport | null;
  findings: Finding[];
  error: string | null;
  /** Cell paths left null because they could not be read (for validating again later). */
  unreadable: string[];
}

/** A document that is not a report of either format. */
export function notAReport(error: string): ReadResult {
  return { report: null, findings: [], error, unreadable: [] };
}

/** Chooses the format from the cues in the text; ties go to the format of the year. */
function detectFormat(
  labels: string,
  year: number | null,
): { format: ReportFormat | null; error?: string; guessed?: boolean } {
  const hits = cueHits(labels);
  if (hits.V2019 === 0 && hits.V2021 === 0) {
    if (hits.pre2019 > 0) {
      return {
        format: null,
        error:
          '这是2019年以前格式的年度报告（旧版《政府信息公开情况统计表》），不适用国办公开办函〔2019〕60号以来的统一格式，无法按年报表格读取。',
      };
    }
    if (/本年新收/.test(labels) && /予以公开/.test(labels))
      return { format: formatForYear(year ?? 2021) ?? getFormat('V2021'), guessed: true };
    const reportish = /年度报告|年报/.test(labels);
    return {
      format: null,
      error: reportish
        ? '文件提到年度报告，但其中没有政府信息公开工作年度报告的统计表格（表二至表四），无法读取。'
        : '文件不是政府信息公开工作年度报告：没有找到年报格式的表格（如“第二十条第（一）项”“本年新收政府信息公开申请数量”）。',
    };
  }
  let id: ReportFormatId;
  if (hits.V2021 !== hits.V2019) id = hits.V2021 > hits.V2019 ? 'V2021' : 'V2019';
  else id = formatForYear(year ?? 2021)?.id ?? 'V2021';
  return { format: getFormat(id) };
}

/** Reads one document as an annual report. */
export function readReportDocument(doc: SourceDocument, source: ReportSource): ReadResult {
  const stream = tokenize(doc);
  const meta = extractMeta(plainText(doc), doc.title);
  const detected = detectFormat(stream.labels, meta.year);
  if (!detected.format) return notAReport(detected.error ?? '无法识别年报格式。');
  if (meta.year === null) return notAReport('无法确定报告所属年度：标题和正文中都没有找到“××××年度报告”或统计期限。');
  const format = detected.format;
  const tables = extractTables(stream, format);
  const cellCount = [tables.table2, tables.table3, tables.table4].flatMap((t) => Object.values(t)).flat().length;
  if (tables.unreadable.size >= cellCount)
    return notAReport('找到了年报格式的字样，但表格中没有读到任何数字，无法作为年度报告读取。');
  const findings: Finding[] = [];
  if (detected.guessed) {
    findings.push({
      rule: 'read',
      severity: 'warning',
      where: 'format',
      message: `表二缺少可识别的栏目名称，按${meta.year}年度适用的格式（${format.id}）读取。`,
    });
  }
  if (!meta.agencyName)
    findings.push({
      rule: 'read',
      severity: 'warning',
      where: 'agency',
      message: '未能从标题或落款识别发布机关名称。',
    });
  const report: AnnualReport = {
    schema: ANNUAL_REPORT_SCHEMA,
    format: format.id,
    agency: { name: meta.agencyName ?? '' },
    source,
    year: meta.year,
    date: meta.date,
    table2: tables.table2,
    table3: tables.table3,
    table4: tables.table4,
    ...(Object.keys(meta.sections).length > 0 ? { sections: meta.sections } : {}),
  };
  findings.push(...tables.findings, ...validateReport(report, { unreadable: tables.unreadable }));
  return { report, findings, error: null, unreadable: [...tables.unreadable] };
}
