/**
 * HTML rendering of a report for the portal: the same sections and tables (rowspan / colspan
 * from the shared grids), escaped by the portal's `html` tag, readable without JavaScript and
 * by a screen reader (table headers as <th scope>, a caption per table).
 */
import { getFormat } from '../../../domain/report/index.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import { layoutTable } from '../../documents/index.ts';
import { html, raw, type SafeHtml } from '../../../http/html.ts';
import { draftLine, paragraphs, reportTitle, signatureOf, type ExportInput } from './report-document.ts';
import { reportTables, type ReportTable } from './tables.ts';

function tableHtml(table: ReportTable, caption: string): SafeHtml {
  const grid = layoutTable(table.head, table.rows);
  const span = (c: { rowSpan: number; colSpan: number }) =>
    html`${c.rowSpan > 1 ? html` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? html` colspan="${c.colSpan}"` : ''}`;
  // A row of one cell across the table is a sub-table's title (表二 第二十条第（一）项 …): in print it
  // stays with the rows below it (REPORT_PRINT_CSS).
  const rows = grid.byRow.map(
    (cells) =>
      html`<tr${cells.length === 1 && (cells[0]?.colSpan ?? 1) > 1 ? html` class="subtable-title"` : ''}>${cells.map(
        (c) =>
          c.header || c.bold
            ? html`<th${span(c)} scope="${c.colSpan > 1 ? 'colgroup' : 'col'}">${c.text}</th>`
            : html`<td${span(c)}${c.align === 'left' ? html` class="label"` : ''}>${c.text}</td>`,
      )}</tr>`,
  );
  return html`<table class="report-table"><caption>${caption}</caption>${rows}</table>`;
}

/** The report body (sections and tables) as an HTML fragment. */
export function reportBodyHtml(input: ExportInput): SafeHtml {
  const { report } = input;
  const format = getFormat(report.format);
  const tables = new Map(reportTables(report).map((t) => [t.section, t]));
  const text: Record<string, string | undefined> = {
    overview: report.sections?.overview,
    problems: report.sections?.problems,
    other: report.sections?.other,
  };
  const sections = format.sections.map((s) => {
    const t = s.kind === 'table' ? tables.get(s.key as ReportTable['section']) : undefined;
    return html`<section><h2>${s.heading}</h2>${t ? tableHtml(t, s.heading.replace(/^[一二三四五六]、/, '')) : paragraphs(text[s.key]).map((p) => html`<p>${p}</p>`)}</section>`;
  });
  const signature = signatureOf(input);
  const draft = draftLine(input.draft);
  return html`<article class="annual-report">
<h1>${reportTitle(report)}</h1>
${draft ? html`<p class="draft-mark">${draft}</p>` : ''}
${paragraphs(input.preamble).map((p) => html`<p>${p}</p>`)}
${sections}
${signature ? html`<p class="signature">${signature.agency}<br>${formatChineseDate(signature.date)}</p>` : ''}
${input.version && input.version.number > 1 ? html`<p class="note">注：本报告为第${input.version.number}版${input.version.reason ? `，修订理由：${input.version.reason}` : ''}。</p>` : ''}
</article>`;
}

/**
 * Printing the HTML (the portal page, the --format html file): like the DOCX and PDF renderers, no
 * page ends on a section heading, a table caption or a sub-table's title row, no row is split, and
 * the 落款 stays with the last paragraph.
 */
export const REPORT_PRINT_CSS = `@media print{.annual-report h2,.report-table caption,.report-table tr.subtable-title{break-after:avoid;page-break-after:avoid}.report-table tr{break-inside:avoid;page-break-inside:avoid}.annual-report .signature{break-before:avoid;page-break-before:avoid}}`;

const STYLE = `body{font-family:"FangSong","仿宋_GB2312","Noto Serif CJK SC",serif;max-width:60em;margin:2em auto;line-height:1.8}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;text-align:center}h2{font-family:"黑体","Noto Sans CJK SC",sans-serif;font-size:1.2em}
p{text-indent:2em}.signature{text-align:right;text-indent:0}.draft-mark{text-align:center;text-indent:0}.report-table{border-collapse:collapse;width:100%;margin:1em 0}
.report-table caption{font-weight:bold}.report-table th,.report-table td{border:1px solid #333;padding:.2em .4em;text-align:center}.report-table td.label{text-align:left}`;

/** A standalone HTML document (the CLI's --format html). */
export function reportHtmlDocument(input: ExportInput): string {
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${reportTitle(input.report)}</title><style>${raw(STYLE)}${raw(REPORT_PRINT_CSS)}</style></head><body>${reportBodyHtml(input)}</body></html>`.toString();
}
