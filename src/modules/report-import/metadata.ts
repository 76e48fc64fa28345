/**
 * What a report says about itself outside the tables: the agency and year in its title
 * (「泉州市洛江区工业和信息化局 2020 年 政府信息公开工作年度报告」), the date under the
 * signature, and the narrative sections 一、五、六.
 */
import type { ReportSections } from '../../domain/report/index.ts';
import { SECTION_HEADINGS } from './labels.ts';
import { findYearEvidence, type YearEvidence } from './report-year.ts';
import { normalize } from './tokens.ts';

export interface ReportMeta {
  agencyName: string | null;
  year: number | null;
  /** Every piece of evidence for the year, strongest first (report-year.ts). */
  yearEvidence: YearEvidence[];
  /** ISO date printed under the signature. */
  date: string | null;
  sections: ReportSections;
}

const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/** The date standing at the end of the report, under the signature; null if there is none. */
function signatureDate(text: string): { date: string; index: number } | null {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(DATE)) last = m as RegExpExecArray;
  if (!last) return null;
  const after = text.slice(last.index + last[0].length).replace(/\s+/g, '');
  // Only a date with (almost) nothing after it is a signature date, not one quoted in the text.
  if (after.length > 12 || /^[至到起—\-~]/.test(after)) return null;
  const [, y, mo, d] = last;
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? null : { date: iso, index: last.index };
}

function between(text: string, start: RegExp, ends: RegExp[], from = 0): { text: string; end: number } | null {
  const s = start.exec(text.slice(from));
  if (!s) return null;
  const begin = from + s.index + s[0].length;
  let end = text.length;
  for (const re of ends) {
    const e = re.exec(text.slice(begin));
    if (e) end = Math.min(end, begin + e.index);
  }
  return {
    text: text
      .slice(begin, end)
      .replace(/[ \t]+/g, ' ')
      .replace(/\n{2,}/g, '\n')
      .trim(),
    end,
  };
}

/** Title facts, signature date and narrative sections of a report's plain text. */
export function extractMeta(plain: string, title?: string, fileName?: string): ReportMeta {
  // Titles and dates are matched on normalised text; sections are cut from the text as printed.
  const printedText = plain.replace(/[\u00a0\u3000]/g, ' ');
  const text = normalize(plain);
  const facts = findYearEvidence(plain, { ...(title ? { title } : {}), ...(fileName ? { fileName } : {}) });
  const year = facts.evidence[0]?.year ?? null;
  const signed = signatureDate(text);
  let agencyName = facts.titleAgency;
  if (!agencyName && signed) {
    const lines = text.slice(0, signed.index).trimEnd().split('\n');
    const candidate = lines[lines.length - 1]?.trim() ?? '';
    if (/^[\p{Script=Han}()]{4,40}$/u.test(candidate)) agencyName = candidate;
  }
  const sections: ReportSections = {};
  const overview = between(printedText, SECTION_HEADINGS.overview, [SECTION_HEADINGS.proactive, /第二十条第/]);
  if (overview?.text) sections.overview = overview.text;
  const problems = between(printedText, SECTION_HEADINGS.problems, [SECTION_HEADINGS.other], overview?.end ?? 0);
  if (problems?.text) sections.problems = problems.text;
  const other = between(printedText, SECTION_HEADINGS.other, [], problems?.end ?? overview?.end ?? 0);
  if (other?.text) {
    let body = other.text;
    if (signed) {
      const cut = body.search(new RegExp(`${signed.date.slice(0, 4)}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*$`));
      if (cut > 0) body = body.slice(0, cut).trim();
      if (agencyName && body.endsWith(agencyName)) body = body.slice(0, -agencyName.length).trim();
    }
    if (body) sections.other = body;
  }
  return { agencyName, year, yearEvidence: facts.evidence, date: signed?.date ?? null, sections };
}
