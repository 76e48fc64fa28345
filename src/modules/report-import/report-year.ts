/**
 * Which year a published report is for, and on what evidence. Reports state it in many ways
 * (report-formats.md §6, and the published reports of 2018–2025):
 * - the title, agency first 「泉州市洛江区工业和信息化局2020年政府信息公开工作年度报告」 or year
 *   first 「2019年上海市人民政府办公厅政府信息公开工作年度报告」;
 * - the statistics period 「统计期限自2021年1月1日起至2021年12月31日止」,
 *   「统计期限从2019年1月1日到12月31日止」, 「起止时间自 2020 年 1 月 1 日至…」;
 * - only a line near the top that names a year and 年报 / 年度报告;
 * - the page's 发布日期 (a report is published early in the following year: 条例第四十九条,
 *   每年1月31日前), the date under the signature, or the file name.
 * The stronger evidence wins; a title and a period that disagree are both kept so that the
 * contradiction can be reported.
 */
import { normalize } from './tokens.ts';

/** Where a year came from, as the evidence is shown: «年度：2019，依据：标题». */
export type YearBasis = '人工指定' | '标题' | '统计期限' | '标题行' | '发布日期' | '落款日期' | '文件名';

export interface YearEvidence {
  year: number;
  basis: YearBasis;
  /** The text the year was read from, for the message. */
  text: string;
}

/** What a report says about its year. */
export interface YearFacts {
  /** The evidence used, strongest first; empty when the document says nothing. */
  evidence: YearEvidence[];
  /** The agency named in the title, if the title names one. */
  titleAgency: string | null;
}

const YEAR = '((?:19|20)\\d{2})';
/** Agency first: 「…局2020年政府信息公开工作年度报告」, 「…2021年度政务公开工作年度报告」. */
const AGENCY_FIRST = new RegExp(
  `${YEAR}\\s*年\\s*度?\\s*(?:的)?\\s*(?:政府信息公开|政务公开|信息公开)[^。\\n]{0,12}?(?:年度报告|年报|报告)`,
  'u',
);
/** Year first, the agency between: 「2019年上海市人民政府办公厅政府信息公开工作年度报告」. */
const YEAR_FIRST = new RegExp(
  `(?<!\\d)${YEAR}\\s*年\\s*度?\\s*([\\p{Script=Han}()]{2,40}?)\\s*(?:政府信息公开|政务公开|信息公开)[^。\\n]{0,12}?(?:年度报告|年报)`,
  'u',
);
/** A year next to 年报 / 年度报告 anywhere on a title line (「政府信息公开年报（2019年）」). */
const TITLE_LINE = new RegExp(`(?<!\\d)${YEAR}\\s*年(?:度)?`, 'u');
/** 「自2021年1月1日起至2021年12月31日止」, 「从2019年1月1日到12月31日止」. */
const PERIOD = new RegExp(
  `(?:自|从)?\\s*${YEAR}\\s*年\\s*1\\s*月\\s*1\\s*日\\s*(?:起)?\\s*(?:至|到|—|-|~)\\s*(?:${YEAR}\\s*年\\s*)?12\\s*月\\s*31\\s*日`,
  'u',
);
/** 「发布日期：2020-01-15」, 「时间：2022-02-08 16:34」, 「发布时间：2020年1月15日」. */
const PUBLISHED = new RegExp(
  `(?<!统计)(?:发布日期|发布时间|公开日期|时间|日期)\\s*[:：]\\s*\\s*${YEAR}\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*(?:[-/.月])\\s*(\\d{1,2})`,
  'u',
);
const NAME_BEFORE = /[\p{Script=Han}()]{2,40}$/u;
/** Words that begin a sentence, not an agency name. */
const NOT_A_NAME = /^(?:关于|本|我|全|现将|现|根据|按照|编制|公布|印发|做好)/;

/** A plausible report year: the unified formats apply from 2019, older reports exist from 2008. */
const plausible = (y: number) => y >= 2008 && y <= 2099;

function agencyName(candidate: string | undefined): string | null {
  if (!candidate) return null;
  const name = candidate.replace(/^(?:关于|编制公布|公布)/, '');
  return name.length >= 2 && !NOT_A_NAME.test(name) && !/(?:通知|公告|有关事项)/.test(name) ? name : null;
}

/** The title facts of one line, or null if it is not a report title. */
export function titleYear(line: string): { year: number; agency: string | null; text: string } | null {
  const text = normalize(line);
  const a = AGENCY_FIRST.exec(text);
  const b = YEAR_FIRST.exec(text);
  // The earlier match is the title; a later one is usually a quoted notice.
  if (a && (!b || a.index <= b.index)) {
    const before = text.slice(0, a.index).trimEnd();
    if (/(?:关于|编制|公布|印发)$/.test(before)) return null;
    const year = Number(a[1]);
    return plausible(year) ? { year, agency: agencyName(NAME_BEFORE.exec(before)?.[0]), text: a[0] } : null;
  }
  if (b) {
    const year = Number(b[1]);
    return plausible(year) ? { year, agency: agencyName(b[2]), text: b[0] } : null;
  }
  return null;
}

/**
 * Every piece of evidence for the report's year in its text (the first `HEAD_LINES` lines for
 * titles), its HTML title and its file name, strongest first.
 */
export function findYearEvidence(plain: string, options: { title?: string; fileName?: string } = {}): YearFacts {
  const text = normalize(plain);
  const lines = text.split('\n');
  const head = lines.slice(0, HEAD_LINES);
  const evidence: YearEvidence[] = [];
  let titleAgency: string | null = null;

  const fromTitle = (options.title ? titleYear(options.title) : null) ?? firstOf(head, titleYear);
  if (fromTitle) {
    evidence.push({ year: fromTitle.year, basis: '标题', text: fromTitle.text });
    titleAgency = fromTitle.agency;
  }
  const period = PERIOD.exec(text);
  if (period) {
    const year = Number(period[1]);
    const endYear = period[2] ? Number(period[2]) : year;
    if (plausible(year) && endYear === year)
      evidence.push({ year, basis: '统计期限', text: period[0].replace(/\s+/g, '') });
  }
  if (!fromTitle) {
    const line = head.find((l) => /年度报告|年报|工作报告/.test(l) && TITLE_LINE.test(l) && l.length <= 80);
    const m = line ? TITLE_LINE.exec(line) : null;
    if (m && plausible(Number(m[1]))) evidence.push({ year: Number(m[1]), basis: '标题行', text: line!.trim() });
  }
  const published = PUBLISHED.exec(head.join('\n'));
  if (published && plausible(Number(published[1]) - 1))
    evidence.push({ year: Number(published[1]) - 1, basis: '发布日期', text: published[0] });
  const signed = signatureYear(text);
  if (signed) evidence.push(signed);
  const fromName = options.fileName ? fileNameYear(options.fileName) : null;
  if (fromName) evidence.push(fromName);
  return { evidence, titleAgency };
}

/** Lines searched for a title: the navigation of a saved web page can come first. */
const HEAD_LINES = 40;

function firstOf<T>(lines: string[], fn: (l: string) => T | null): T | null {
  for (const l of lines) {
    const v = fn(l);
    if (v) return v;
  }
  return null;
}

/** The year before the date at the very end of the text (the signature), if there is one. */
function signatureYear(text: string): YearEvidence | null {
  const tail = text.trimEnd().slice(-60);
  const m = new RegExp(`${YEAR}\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*$`, 'u').exec(tail);
  if (!m) return null;
  const year = Number(m[1]) - 1;
  return plausible(year) ? { year, basis: '落款日期', text: m[0] } : null;
}

/** 「2019年报.pdf」, 「上海市2019年度报告.docx」, 「2019-report.pdf」: a lone year in the name. */
export function fileNameYear(file: string): YearEvidence | null {
  const base = file.split(/[\\/]/).pop() ?? file;
  const name = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const withNian = new RegExp(`(?<!\\d)${YEAR}\\s*年`, 'u').exec(name);
  const lone = withNian ?? new RegExp(`(?<![\\d])${YEAR}(?![\\d])`, 'u').exec(name);
  if (!lone) return null;
  const year = Number(lone[1]);
  return plausible(year) && year <= 2099 ? { year, basis: '文件名', text: base } : null;
}

/** «年度：2019，依据：标题» */
export function describeYear(e: Pick<YearEvidence, 'year' | 'basis'>): string {
  return `年度：${e.year}，依据：${e.basis}`;
}
