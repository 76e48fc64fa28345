/**
 * EXTENSION POINT for the annual reports feature: `/gk/:code/reports` (政府信息公开年报) lists
 * the agency's published 政府信息公开工作年度报告 (第四十九条、第五十条). This page does not know
 * where reports are stored: the reports feature registers a lister with
 * `registerAnnualReportLister` (one line where it registers its routes), and the page shows what
 * the listers return. Until one is registered the page says that no report is published.
 */
import { html } from '../../../../http/html.ts';
import { formatChineseDate } from '../../../../domain/time.ts';
import { columnPage } from '../catalog/column.ts';

export interface PublishedAnnualReport {
  year: number;
  title: string;
  /** Where the report is read (its portal page or file). */
  href: string;
  /** Publication date, YYYY-MM-DD. */
  publishedOn: string;
}

/** Lists an agency's published annual reports, newest first. */
export type AnnualReportLister = (agencyId: string) => Promise<PublishedAnnualReport[]>;

const listers: AnnualReportLister[] = [];

/** Registers a source of published annual reports (the reports feature calls this once). */
export function registerAnnualReportLister(lister: AnnualReportLister): void {
  if (!listers.includes(lister)) listers.push(lister);
}

/** Every published report of the agency from the registered listers, newest first. */
export async function publishedAnnualReports(agencyId: string): Promise<PublishedAnnualReport[]> {
  const all = (await Promise.all(listers.map((l) => l(agencyId)))).flat();
  return all.sort((a, b) => b.year - a.year || b.publishedOn.localeCompare(a.publishedOn));
}

/** `/gk/:code/reports`. */
export function annualReportsPage(agency: { name: string; code: string }, reports: PublishedAnnualReport[]): string {
  const body = html`<h1>政府信息公开工作年度报告</h1>
${reports.length ? html`<ul class="items">${reports.map((r) => html`<li><a href="${r.href}">${r.title}</a><span class="meta">${formatChineseDate(r.publishedOn)}</span></li>`)}</ul>` : html`<p>本机关尚未在本专栏发布政府信息公开工作年度报告。</p>`}`;
  return columnPage(agency, 'reports', '政府信息公开年报', body);
}
