/**
 * A report ready to print: its JSON, how particular rows print (run-together digits, units)
 * and the parts of the page around the tables. Every renderer walks `blocks()` in order.
 */
import { getFormat, type AnnualReport } from '../../src/domain/report/index.ts';
import { table2Grid, table3Grid, table4Grid, type Grid, type RowOverrides } from './grid.ts';

export interface Printable {
  report: AnnualReport;
  overrides?: RowOverrides;
  /** Printed instead of the official section headings where a report uses a variant. */
  headings?: Partial<Record<'overview' | 'proactive' | 'applications' | 'appeals' | 'problems' | 'other', string>>;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: Grid; name: string };

/** 2021-01-06 → 2021年1月6日 (DESIGN.md: dates print this way). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The page, top to bottom. */
export function blocks(p: Printable): Block[] {
  const r = p.report;
  const f = getFormat(r.format);
  const heading = (key: keyof NonNullable<Printable['headings']>) =>
    p.headings?.[key] ?? f.sections.find((s) => s.key === key)!.heading;
  const out: Block[] = [
    { kind: 'title', text: `${r.agency.name}${r.year}年政府信息公开工作年度报告` },
    {
      kind: 'paragraph',
      text: `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。`,
    },
    { kind: 'heading', text: heading('overview') },
    ...(r.sections?.overview ?? '')
      .split('\n')
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'heading', text: heading('proactive') },
    { kind: 'table', grid: table2Grid(r, p.overrides), name: 'table2' },
    { kind: 'heading', text: heading('applications') },
    { kind: 'table', grid: table3Grid(r, p.overrides), name: 'table3' },
    { kind: 'heading', text: heading('appeals') },
    { kind: 'table', grid: table4Grid(r, p.overrides), name: 'table4' },
    { kind: 'heading', text: heading('problems') },
    ...(r.sections?.problems ?? '')
      .split('\n')
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'heading', text: heading('other') },
    ...(r.sections?.other ?? '')
      .split('\n')
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'paragraph', text: r.agency.name },
  ];
  if (r.date) out.push({ kind: 'paragraph', text: chineseDate(r.date) });
  return out;
}
