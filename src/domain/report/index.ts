/**
 * Annual report domain (政府信息公开工作年度报告): the two official formats as data, the
 * `gongkai.annual-report/1` type, and the validator for rules R1–R11. Pure: no I/O.
 */
export * from './format-types.ts';
export * from './formats.ts';
export * from './table3-rows.ts';
export * from './layout.ts';
export * from './annual-report.ts';
export * from './findings.ts';
export { validateReport, validateYearChain, type ValidationContext } from './validate.ts';
export { inferAgencyFacts, type AgencyFacts } from './rules-semantic.ts';
export { foldV2021OutcomesToV2019 } from './fold.ts';
export * from './figures.ts';
export * from './figures-empty.ts';
export * from './assemble.ts';
export { sumFigures, sumReports } from './aggregate.ts';
export * from './narrative-draft.ts';
export { OUTCOME_GROUPS, carriedCases, groupTotal, type CarriedCases } from './narrative-applications.ts';
export * from './narrative-check.ts';
export * from './published-changes.ts';
export * from './deadlines.ts';
export * from './from-sources.ts';
export * from './compare-years.ts';
