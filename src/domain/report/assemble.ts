/**
 * Assembly: an AnnualReport (gongkai.annual-report/1) from the three figure sources, in the
 * format of its year (第五十条; 国办公开办函〔2019〕60号 for 2019–2020, 〔2021〕30号 from 2021).
 * Totals are added here and nowhere else, so R1 (row totals), R2 (outcome totals) and R4
 * (table 四 totals) hold by construction; R3 (一 + 二 = （七） + 四) holds when the counting
 * follows lifecycle.md, and assembly refuses figures for which it does not — a violation is
 * a bug in a figure source, never something to publish.
 */
import { DomainError } from '../errors.ts';
import {
  ANNUAL_REPORT_SCHEMA,
  type AnnualReport,
  type Cell,
  type ReportAgency,
  type ReportSections,
} from './annual-report.ts';
import type { ApplicantCounts, ApplicationFigures, CaseFigures, CatalogFigures, ReportFigures } from './figures.ts';
import type { ReportFormat, ReportFormatId, Table2Key, Table3Key, Table4Key } from './format-types.ts';
import { formatForYear, getFormat } from './formats.ts';
import { APPLICANT_KINDS, OUTCOME_KEYS, type OutcomeKey } from './table3-rows.ts';

/** A format other than the year's, chosen deliberately: the reason is recorded with the report. */
export interface FormatOverride {
  format: ReportFormatId;
  reason: string;
}

export interface FormatChoice {
  format: ReportFormat;
  /** True when the format is not the one the year calls for. */
  overridden: boolean;
  reason: string | null;
}

/**
 * The format for a report year: the year's own (formatForYear), or an override that must
 * carry a reason (e.g. a 2021 report re-issued in the old format on a supervisor's request).
 */
export function chooseFormat(year: number, override?: FormatOverride | null): FormatChoice {
  const own = formatForYear(year);
  if (!own)
    throw new DomainError(
      'REPORT_YEAR_UNSUPPORTED',
      `${year}年的年度报告没有统一格式（统一格式自2019年度报告起施行）`,
      { year },
    );
  if (!override || override.format === own.id) return { format: own, overridden: false, reason: null };
  const reason = override.reason.trim();
  if (!reason)
    throw new DomainError(
      'REPORT_FORMAT_REASON_REQUIRED',
      `${year}年度报告应使用${own.notice}格式；改用其他格式须写明理由`,
      { year, format: override.format },
    );
  return { format: getFormat(override.format), overridden: true, reason };
}

export interface AssembleInput {
  agency: ReportAgency;
  year: number;
  figures: ReportFigures;
  /** Defaults to the year's format. */
  format?: ReportFormat;
  /** For a report over a subtree: the agencies whose records were counted. */
  includedAgencies?: ReportAgency[];
  /** The date under the signature (ISO), if known. */
  date?: string | null;
  sections?: ReportSections;
  /**
   * What to do when the figures break R3: 'refuse' (default, REPORT_FIGURES_INCONSISTENT) or
   * 'report' — assemble anyway, so that the editor can show the validator's R3 findings and
   * publication is refused naming them (reports.publish.ts).
   */
  unbalanced?: 'refuse' | 'report';
}

/** The report for `input`, with every total computed. Throws REPORT_FIGURES_INCONSISTENT if R3 cannot hold (unless `unbalanced: 'report'`). */
export function assembleReport(input: AssembleInput): AnnualReport {
  const format = input.format ?? chooseFormat(input.year).format;
  const report: AnnualReport = {
    schema: ANNUAL_REPORT_SCHEMA,
    format: format.id,
    agency: input.agency,
    ...(input.includedAgencies ? { includedAgencies: input.includedAgencies } : {}),
    year: input.year,
    date: input.date ?? null,
    table2: assembleTable2(format, input.figures.catalog),
    table3: assembleTable3(format, input.figures.applications, input.unbalanced ?? 'refuse'),
    table4: assembleTable4(format, input.figures.cases),
  };
  if (input.sections) report.sections = input.sections;
  return report;
}

const change = (now: number, previous: number): number => now - previous;

/** Table 二 per lifecycle.md "Table 二": the columns each version prints. */
export function assembleTable2(format: ReportFormat, c: CatalogFigures): AnnualReport['table2'] {
  const { rules, normative_docs: docs } = c.documents;
  const p = c.powerList;
  const rows: Partial<Record<Table2Key, Cell[]>> =
    format.id === 'V2019'
      ? {
          rules: [rules.made, rules.published, rules.publishedTotal],
          normative_docs: [docs.made, docs.published, docs.publishedTotal],
          licensing: [
            p.licensing.itemsPrevious,
            change(p.licensing.itemsNow, p.licensing.itemsPrevious),
            p.licensing.decisions,
          ],
          other_services: [
            p.other_services.itemsPrevious,
            change(p.other_services.itemsNow, p.other_services.itemsPrevious),
            p.other_services.decisions,
          ],
          penalty: [p.penalty.itemsPrevious, change(p.penalty.itemsNow, p.penalty.itemsPrevious), p.penalty.decisions],
          enforcement: [
            p.enforcement.itemsPrevious,
            change(p.enforcement.itemsNow, p.enforcement.itemsPrevious),
            p.enforcement.decisions,
          ],
          fees: [p.fees.itemsPrevious, change(p.fees.itemsNow, p.fees.itemsPrevious)],
          procurement: [p.procurement.projects, p.procurement.amountYuan],
        }
      : {
          rules: [rules.made, rules.repealed, rules.inForce],
          normative_docs: [docs.made, docs.repealed, docs.inForce],
          licensing: [p.licensing.decisions],
          penalty: [p.penalty.decisions],
          enforcement: [p.enforcement.decisions],
          fees: [p.fees.collectedWanYuan],
        };
  // Keep the format's row order (and only its rows).
  const out: AnnualReport['table2'] = {};
  for (const g of format.table2.groups) for (const r of g.rows) out[r.key] = rows[r.key] ?? g.columns.map(() => 0);
  return out;
}

function withTotal(counts: ApplicantCounts, where: string): number[] {
  if (counts.length !== APPLICANT_KINDS.length || counts.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new DomainError('REPORT_FIGURES_INVALID', `申请统计数据格式不正确（${where}）：应为6个非负整数`, { where });
  }
  return [...counts, counts.reduce((s, n) => s + n, 0)];
}

function addCells(a: number[], b: number[]): number[] {
  return a.map((v, i) => v + (b[i] ?? 0));
}

/** The V2019 （六）其他处理: the three V2021 other_* leaves folded (lifecycle.md "Outcomes"). */
const OTHER_PARTS: OutcomeKey[] = ['other_no_correction', 'other_no_fee', 'other_other'];

/**
 * Table 三: 一 received, 二 carried in, the leaf outcomes (V2019 folds the three other_* into
 * `other`), （七）总计 = their sum (R2), 四 carried out; 总计 column = the six (R1).
 */
export function assembleTable3(
  format: ReportFormat,
  a: ApplicationFigures,
  unbalanced: 'refuse' | 'report' = 'refuse',
): AnnualReport['table3'] {
  const leaves = Object.fromEntries(OUTCOME_KEYS.map((k) => [k, withTotal(a.closed[k], k)])) as Record<
    OutcomeKey,
    number[]
  >;
  const zero = () => new Array<number>(7).fill(0);
  const rows: Partial<Record<Table3Key, number[]>> = {
    received: withTotal(a.received, 'received'),
    carried_in: withTotal(a.carriedIn, 'carriedIn'),
    carried_out: withTotal(a.carriedOut, 'carriedOut'),
    ...leaves,
    other: OTHER_PARTS.reduce((s, k) => addCells(s, leaves[k]), zero()),
  };
  rows.total = format.table3.rows.filter((r) => r.outcome).reduce((s, r) => addCells(s, rows[r.key] ?? zero()), zero());
  const out: AnnualReport['table3'] = {};
  for (const r of format.table3.rows) out[r.key] = rows[r.key] ?? zero();
  if (unbalanced === 'refuse') assertFlow(out);
  return out;
}

/** R3 — the printed 勾稽关系 — for every column; a failure means the counting is wrong. */
function assertFlow(t: AnnualReport['table3']): void {
  for (let c = 0; c < 7; c++) {
    const inflow = Number(t.received?.[c]) + Number(t.carried_in?.[c]);
    const outflow = Number(t.total?.[c]) + Number(t.carried_out?.[c]);
    if (inflow !== outflow) {
      throw new DomainError(
        'REPORT_FIGURES_INCONSISTENT',
        `申请统计不平衡：第${c + 1}列本年新收加上年结转为${inflow}，办结加结转下年度为${outflow}`,
        { column: c, inflow, outflow },
      );
    }
  }
}

/** Table 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结 in each group (R4). */
export function assembleTable4(format: ReportFormat, cases: CaseFigures): AnnualReport['table4'] {
  const out = {} as AnnualReport['table4'];
  for (const g of format.table4.groups) {
    const c = cases[g.key as Table4Key];
    const cells = [c.upheld, c.corrected, c.other, c.pending];
    if (cells.some((n) => !Number.isInteger(n) || n < 0))
      throw new DomainError('REPORT_FIGURES_INVALID', `复议诉讼统计数据格式不正确（${g.label}）`, { group: g.key });
    out[g.key] = [...cells, cells.reduce((s, n) => s + n, 0)];
  }
  return out;
}
