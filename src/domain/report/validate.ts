/**
 * The report validator: rules R1–R11 of report-formats.md §5 over one report, with the
 * previous year's report (R5–R7), its narrative (R8) and facts about the agency (R10) when
 * the caller has them. Findings come in rule order.
 */
import type { AnnualReport } from './annual-report.ts';
import type { Finding } from './findings.ts';
import { getFormat } from './formats.ts';
import {
  checkAppealTotals,
  checkBlanks,
  checkFlow,
  checkOutcomeTotals,
  checkRowTotals,
  checkValueKinds,
  type ArithmeticContext,
} from './rules-arithmetic.ts';
import { checkAgainstPreviousYear } from './rules-cross-year.ts';
import { checkNarrative } from './rules-narrative.ts';
import { checkSemantics, inferAgencyFacts, type AgencyFacts } from './rules-semantic.ts';

export interface ValidationContext extends ArithmeticContext {
  /** The same agency's report for `year - 1`, for R5–R7. */
  previous?: AnnualReport | null;
  /** Text of 一、总体情况 for R8; defaults to `report.sections.overview`. */
  overview?: string;
  /**
   * Facts about the agency for R10. Defaults to the report's own `agency.level` /
   * `agency.makesRules`, else to what its name settles (inferAgencyFacts).
   */
  agency?: AgencyFacts;
}

const RULE_ORDER = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11'];

/** All findings of R1–R11 for `report`. A correct report gives none. */
export function validateReport(report: AnnualReport, ctx: ValidationContext = {}): Finding[] {
  const format = getFormat(report.format);
  const facts: AgencyFacts = ctx.agency ?? agencyFactsOf(report);
  const findings = [
    ...checkRowTotals(report, format, ctx),
    ...checkOutcomeTotals(report, format, ctx),
    ...checkFlow(report, format, ctx),
    ...checkAppealTotals(report, format, ctx),
    ...(ctx.previous ? checkAgainstPreviousYear(report, ctx.previous, format) : []),
    ...checkNarrative(report, ctx.overview ?? report.sections?.overview),
    ...checkBlanks(report, format, ctx),
    ...checkSemantics(report, format, facts),
    ...checkValueKinds(report, format),
  ];
  return findings.sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule));
}

/** R5–R7 only: for checking a chain of years after each report was validated on its own. */
export function validateYearChain(report: AnnualReport, previous: AnnualReport): Finding[] {
  return checkAgainstPreviousYear(report, previous, getFormat(report.format));
}

function agencyFactsOf(report: AnnualReport): AgencyFacts {
  const { level, makesRules } = report.agency;
  if (level !== undefined || makesRules !== undefined) return { level, makesRules };
  return inferAgencyFacts(report.agency.name);
}
