/**
 * The live report of an (agency, year): figures read now, assembled in the record's format,
 * with the record's narrative (or the generated draft before there is a record), and the
 * findings a reviewer needs — R1–R11 (R5–R7 against the previous year's report), R8 on the
 * narrative, missing sections, and the cells changed since the last publication.
 */
import type { DbOrTx } from '../../db/database.ts';
import { isGovernment } from '../../domain/agency.ts';
import type { Clock } from '../../domain/time.ts';
import {
  assembleReport,
  carriedCases,
  changesSincePublication,
  checkNarrativeSections,
  chooseFormat,
  draftNarrative,
  getFormat,
  missingSections,
  validateReport,
  type AnnualReport,
  type CellChange,
  type Finding,
  type MissingSection,
  type NarrativeSections,
  type ReportAgency,
  type ReportFigures,
  type ReportFormat,
} from '../../domain/report/index.ts';
import type { Agency } from '../agencies/agencies.repository.ts';
import { findLatestForYear } from '../report-import/report-import.repository.ts';
import { readFigures, type FigureSources } from './reports.figures.ts';
import * as repo from './reports.repository.ts';

export interface LiveReport {
  report: AnnualReport;
  /** The narrative the report carries (the record's, else the generated draft), preamble included. */
  sections: NarrativeSections;
  /** The generated draft from the current figures, for the editor to offer. */
  draft: NarrativeSections;
  figures: ReportFigures;
  findings: Array<Finding | MissingSection | UnenteredFigure>;
  /** Where the previous year's report for R5–R7 came from. */
  previousSource: 'published' | 'imported' | 'generated' | null;
}

/** A 第二十条 figure from an outside system that nobody entered: counted as 0, shown as a warning. */
export interface UnenteredFigure {
  rule: 'unentered';
  severity: 'warning';
  where: 'table2';
  message: string;
}

/** The agency as the report names it. */
export function reportAgency(a: Agency): ReportAgency {
  return { name: a.name, code: a.code, level: a.level, makesRules: a.makesRules };
}

/**
 * The previous year's report for R5–R7: its latest published version, else an imported
 * report of that agency and year, else none (a live re-computation would always agree and
 * prove nothing).
 */
export async function previousReport(
  db: DbOrTx,
  agency: Agency,
  year: number,
): Promise<{ report: AnnualReport; source: LiveReport['previousSource'] } | null> {
  const rec = await repo.findReport(db, agency.id, year);
  if (rec && rec.currentVersion > 0) {
    const v = await repo.findVersion(db, rec.id, rec.currentVersion);
    if (v) return { report: v.report, source: 'published' };
  }
  const imported = await findLatestForYear(db, agency.name, year);
  return imported ? { report: imported.report, source: 'imported' } : null;
}

function jsonSections(s: NarrativeSections): AnnualReport['sections'] {
  return { overview: s.overview, problems: s.problems, other: s.other };
}

/** Computes the live report for one agency (its own records only). */
export async function computeLive(
  db: DbOrTx,
  sources: FigureSources,
  agency: Agency,
  year: number,
  record: repo.ReportRecord | null,
  options: {
    format?: ReportFormat;
    agencyIds?: readonly string[];
    includedAgencies?: ReportAgency[];
    /** Given for a report view: a government's own draft then carries its subtree's assessment. */
    clock?: Clock;
  } = {},
): Promise<LiveReport> {
  const format = options.format ?? (record ? getFormat(record.format) : chooseFormat(year).format);
  // The previous year's report is looked up while the sources count: fewer round trips in a row.
  const wantsAssessment = sources.assessment && options.clock && !options.agencyIds && isGovernment(agency.level);
  const [figures, previous, assessment] = await Promise.all([
    readFigures(db, sources, options.agencyIds ?? [agency.id], year),
    previousReport(db, agency, year - 1),
    wantsAssessment ? sources.assessment!(db, agency.id, year, options.clock!) : Promise.resolve(null),
  ]);
  const tables = assembleReport({
    agency: reportAgency(agency),
    year,
    figures,
    format,
    includedAgencies: options.includedAgencies,
    date: record?.signatureDate ?? null,
    // Counting per lifecycle.md cannot break R3; if a source ever does, the view shows the R3
    // findings and publication is refused naming them, instead of the report failing to open.
    unbalanced: 'report',
  });
  const draft = draftNarrative(tables, {
    agency: {
      name: agency.name,
      shortName: agency.shortName,
      level: agency.level,
      phone: agency.contact.phone || undefined,
    },
    published: figures.catalog.published,
    feesCollectedYuan: figures.applications.feesCollectedYuan ?? null,
    assessment,
    casesCarriedIn: carriedCases(figures.cases),
  });
  const sections = record ? record.sections : draft;
  const report: AnnualReport = { ...tables, sections: jsonSections(sections) };
  const findings = [
    ...validateReport(report, { previous: previous?.report ?? null, overview: '' }),
    ...checkNarrativeSections(report, sections, figures.catalog.published),
    ...missingSections(sections),
    ...(figures.catalog.unentered ?? []).map((what): UnenteredFigure => ({
      rule: 'unentered',
      severity: 'warning',
      where: 'table2',
      message: `${what}未录入，按0计入表二（请在“第二十条数据”中录入或导入，并注明来源）。`,
    })),
  ];
  return { report, sections, draft, figures, findings, previousSource: previous?.source ?? null };
}

/** Cells changed since the record's latest published version (empty before publication). */
export async function changesSinceLatest(
  db: DbOrTx,
  record: repo.ReportRecord | null,
  live: AnnualReport,
): Promise<CellChange[]> {
  if (!record || record.currentVersion === 0) return [];
  const v = await repo.findVersion(db, record.id, record.currentVersion);
  return v ? changesSincePublication(v.report, live) : [];
}
