/**
 * Year over year: two reports of one agency side by side (issue 16, as report-comparison
 * tools do it) — every table cell that changed, the narrative paragraphs added, removed or
 * changed, the figures that moved most, and the cross-year rules (R5–R7, report-formats.md §5)
 * when the two are consecutive years. Pure: the caller loads the reports.
 */
import type { AnnualReport, Cell, ReportSections } from './annual-report.ts';
import { describeCell, type Finding, type TableName } from './findings.ts';
import { getFormat } from './formats.ts';
import { checkAgainstPreviousYear } from './rules-cross-year.ts';

export interface YearCellChange {
  /** `table3.received[6]` */
  where: string;
  /** 表三「一、本年新收政府信息公开申请数量」行「总计」列 */
  label: string;
  before: Cell;
  after: Cell;
  /** after − before where both are numbers. */
  change: number | null;
  /** The change relative to `before` (0.5 = +50 %), null where before is 0 or blank. */
  ratio: number | null;
}

export interface ParagraphChange {
  section: keyof ReportSections;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

export interface YearComparison {
  agency: string;
  before: { year: number; format: AnnualReport['format'] };
  after: { year: number; format: AnnualReport['format'] };
  /** Whether the two reports use the same table format (cells compare one to one only then). */
  sameFormat: boolean;
  cells: YearCellChange[];
  /** The cells that changed most (by absolute change), at most MOVERS. */
  movers: YearCellChange[];
  paragraphs: ParagraphChange[];
  /** R5–R7 when `after.year` is `before.year + 1`. */
  crossYear: Finding[];
}

/** How many of the biggest changes are shown as key figures. */
export const MOVERS = 10;

const SECTION_NAMES: Record<keyof ReportSections, string> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** 「一、总体情况」 */
export function sectionName(section: keyof ReportSections): string {
  return SECTION_NAMES[section];
}

/** Splits a section into paragraphs (lines), without empty ones. */
function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Characters two paragraphs share in order (longest common subsequence), as a share of the longer one. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = [...a].slice(0, 600);
  const y = [...b].slice(0, 600);
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++)
      cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[y.length]! / Math.max(x.length, y.length, 1);
}

/** Paragraphs with at least this similarity are the same paragraph, changed; below it, one removed and one added. */
const SAME_PARAGRAPH = 0.5;

/**
 * Paragraph differences of one section: equal paragraphs matched first, then each remaining
 * paragraph of `after` paired with its most similar remaining paragraph of `before`.
 */
export function compareParagraphs(
  section: keyof ReportSections,
  before: string | undefined,
  after: string | undefined,
): ParagraphChange[] {
  const a = paragraphs(before);
  const b = paragraphs(after);
  const usedA = new Set<number>();
  const matchedB = new Set<number>();
  b.forEach((p, j) => {
    const i = a.findIndex((q, k) => !usedA.has(k) && q === p);
    if (i >= 0) {
      usedA.add(i);
      matchedB.add(j);
    }
  });
  const out: ParagraphChange[] = [];
  b.forEach((p, j) => {
    if (matchedB.has(j)) return;
    let best = -1;
    let bestScore = 0;
    a.forEach((q, i) => {
      if (usedA.has(i)) return;
      const s = similarity(q, p);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best >= 0 && bestScore >= SAME_PARAGRAPH) {
      usedA.add(best);
      out.push({ section, kind: 'changed', before: a[best]!, after: p });
    } else out.push({ section, kind: 'added', before: null, after: p });
  });
  a.forEach((q, i) => {
    if (!usedA.has(i)) out.push({ section, kind: 'removed', before: q, after: null });
  });
  return out;
}

function cellChanges(before: AnnualReport, after: AnnualReport): YearCellChange[] {
  const format = getFormat(after.format);
  const out: YearCellChange[] = [];
  const visit = (table: TableName, row: string, a: Cell[] | undefined, b: Cell[] | undefined) => {
    const n = Math.max(a?.length ?? 0, b?.length ?? 0);
    for (let c = 0; c < n; c++) {
      const x = a?.[c] ?? null;
      const y = b?.[c] ?? null;
      if (x === y) continue;
      const change = typeof x === 'number' && typeof y === 'number' ? Math.round((y - x) * 1e6) / 1e6 : null;
      out.push({
        where: `${table}.${row}[${c}]`,
        label: describeCell(format, table, row, c),
        before: x,
        after: y,
        change,
        ratio: change !== null && x !== 0 ? change / Math.abs(x as number) : null,
      });
    }
  };
  for (const g of format.table2.groups)
    for (const r of g.rows) visit('table2', r.key, before.table2[r.key], after.table2[r.key]);
  for (const r of format.table3.rows) visit('table3', r.key, before.table3[r.key], after.table3[r.key]);
  for (const g of format.table4.groups) visit('table4', g.key, before.table4[g.key], after.table4[g.key]);
  return out;
}

/**
 * Compares two reports of one agency; `before` must be the earlier year. Reports of different
 * formats (2020 → 2021) compare only table 三 and 四 cell by cell, whose layout the two formats
 * share except for （六）其他处理, and table 二 rows that exist in both.
 */
export function compareYears(before: AnnualReport, after: AnnualReport): YearComparison {
  if (before.year > after.year) throw new Error('compareYears: before must not be later than after');
  const cells = cellChanges(before, after);
  const movers = cells
    .filter((c) => c.change !== null && c.change !== 0)
    .sort((x, y) => Math.abs(y.change!) - Math.abs(x.change!) || x.where.localeCompare(y.where))
    .slice(0, MOVERS);
  const sections = ['overview', 'problems', 'other'] as const;
  return {
    agency: after.agency.name || before.agency.name,
    before: { year: before.year, format: before.format },
    after: { year: after.year, format: after.format },
    sameFormat: before.format === after.format,
    cells,
    movers,
    paragraphs: sections.flatMap((s) => compareParagraphs(s, before.sections?.[s], after.sections?.[s])),
    crossYear: checkAgainstPreviousYear(after, before, getFormat(after.format)),
  };
}
