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
import type { YearBasis, YearEvidence } from './report-year.ts';
import { tokenize } from './tokens.ts';

/** What reading one document gives: a report and findings, or an error that says why not. */
export interface ReadResult {
  report: AnnualReport | null;
  findings: Finding[];
  error: string | null;
  /** Cell paths left null because they could not be read (for validating again later). */
  unreadable: string[];
  /** How the year and the format were told: «年度：2019，依据：标题». Null when nothing was read. */
  detection?: Detection | null;
}

/** The year and format of a read report and what they rest on. */
export interface Detection {
  year: number;
  yearBasis: YearBasis;
  format: ReportFormatId;
  /** 「表格栏目」 when the tables' own labels decided it, 「适用年度」 when the year did. */
  formatBasis: '表格栏目' | '适用年度';
}

/** What a person states about a file that does not say it itself (`--year`, `--agency`, the upload form). */
export interface StatedFacts {
  year?: number;
  agency?: string;
}

/** What the reader knows besides the document: the file's name and what a person stated. */
export interface ReadContext {
  fileName?: string;
  stated?: StatedFacts;
}

/** A document that is not a report of either format. */
export function notAReport(error: string): ReadResult {
  return { report: null, findings: [], error, unreadable: [] };
}

/** Chooses the format from the cues in the text; ties go to the format of the year. */
function detectFormat(
  labels: string,
  year: number | null,
): { format: ReportFormat | null; error?: string; guessed?: boolean; byYear?: boolean } {
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
  else return { format: getFormat(formatForYear(year ?? 2021)?.id ?? 'V2021'), byYear: true };
  return { format: getFormat(id) };
}

/** Weak evidence: the year is inferred, not stated in the report's own words. */
const INFERRED: YearBasis[] = ['发布日期', '落款日期', '文件名'];

/**
 * The year of the report: a stated year, else the strongest evidence. A title and a statistics
 * period that name different years are reported (the title is taken: periods are often copied
 * from the previous year's report unchanged).
 */
function decideYear(
  evidence: YearEvidence[],
  stated: number | undefined,
): { year: number; basis: YearBasis; findings: Finding[] } | null {
  const findings: Finding[] = [];
  const title = evidence.find((e) => e.basis === '标题' || e.basis === '标题行');
  const period = evidence.find((e) => e.basis === '统计期限');
  if (stated !== undefined) {
    const own = title ?? period;
    if (own && own.year !== stated)
      findings.push(
        yearFinding(
          `人工指定为${stated}年度，但报告${own.basis}写的是${own.year}年（「${own.text}」）；按指定的${stated}年度读取，请核对。`,
        ),
      );
    return { year: stated, basis: '人工指定', findings };
  }
  const first = evidence[0];
  if (!first) return null;
  if (title && period && title.year !== period.year)
    findings.push(
      yearFinding(
        `报告${title.basis}写明${title.year}年度（「${title.text}」），但统计期限为「${period.text}」，应为${title.year}年1月1日至${title.year}年12月31日；按${title.basis}读作${title.year}年度。`,
      ),
    );
  if (INFERRED.includes(first.basis))
    findings.push({
      rule: 'year',
      severity: 'info',
      where: 'year',
      message: `报告标题和正文都没有写明年度，按${first.basis}（「${first.text}」）推定为${first.year}年度；如有不符，请指定年度后重新导入。`,
    });
  return { year: first.year, basis: first.basis, findings };
}

function yearFinding(message: string): Finding {
  return { rule: 'year', severity: 'warning', where: 'year', message };
}

/** Reads one document as an annual report. */
export function readReportDocument(doc: SourceDocument, source: ReportSource, context: ReadContext = {}): ReadResult {
  const stream = tokenize(doc);
  const meta = extractMeta(plainText(doc), doc.title, context.fileName ?? source.file);
  const decided = decideYear(meta.yearEvidence, context.stated?.year);
  const detected = detectFormat(stream.labels, decided?.year ?? null);
  if (!detected.format) return notAReport(detected.error ?? '无法识别年报格式。');
  if (!decided)
    return notAReport(
      '无法确定报告所属年度：标题、统计期限、发布日期、落款日期和文件名中都没有找到年度。请指定年度后重新导入（命令行 --year 2019，控制台上传时填写“年度”）。',
    );
  const year = decided.year;
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
      message: `表二缺少可识别的栏目名称，按${year}年度适用的格式（${format.id}）读取。`,
    });
  }
  findings.push(...decided.findings);
  const agencyName = context.stated?.agency?.trim() || meta.agencyName;
  if (!agencyName)
    findings.push({
      rule: 'read',
      severity: 'warning',
      where: 'agency',
      message: '未能从标题或落款识别发布机关名称，请指定机关后重新导入（命令行 --agency，控制台上传时填写“机关”）。',
    });
  const formatBasis = detected.byYear || detected.guessed ? '适用年度' : '表格栏目';
  const report: AnnualReport = {
    schema: ANNUAL_REPORT_SCHEMA,
    format: format.id,
    agency: { name: agencyName ?? '' },
    source: { ...source, yearBasis: decided.basis, formatBasis },
    year,
    date: meta.date,
    table2: tables.table2,
    table3: tables.table3,
    table4: tables.table4,
    ...(Object.keys(meta.sections).length > 0 ? { sections: meta.sections } : {}),
  };
  findings.push(...tables.findings, ...validateReport(report, { unreadable: tables.unreadable }));
  const detection: Detection = {
    year,
    yearBasis: decided.basis,
    format: format.id,
    formatBasis,
  };
  return { report, findings, error: null, unreadable: [...tables.unreadable], detection };
}
