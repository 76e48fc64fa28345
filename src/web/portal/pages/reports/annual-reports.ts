/**
 * `/gk/:code/reports` (政府信息公开年报) lists the agency's published 政府信息公开工作年度报告
 * (第四十九条、第五十条), newest first, read from the reports feature's records of the app's own
 * database (no process-wide state: two apps in one process each see their own).
 */
import { html } from '../../../../http/html.ts';
import { formatChineseDate } from '../../../../domain/time.ts';
import { columnPage } from '../catalog/column.ts';
import type { Db } from '../../../../db/database.ts';
import { findById } from '../../../../modules/agencies/agencies.repository.ts';
import { reportTitle } from '../../../../modules/reports/export/index.ts';
import * as repo from '../../../../modules/reports/reports.repository.ts';

export interface PublishedAnnualReport {
  year: number;
  title: string;
  /** Where the report is read (its portal page or file). */
  href: string;
  /** Publication date, YYYY-MM-DD. */
  publishedOn: string;
}

/** Every published report of the agency, newest first, each linked to its portal page. */
export async function publishedAnnualReports(db: Db, agencyId: string): Promise<PublishedAnnualReport[]> {
  const list = await repo.latestPublished(db, agencyId);
  const code = (await findById(db, agencyId))?.code;
  const all = list.map(({ record, version }) => ({
    year: record.year,
    title: reportTitle(version.report),
    href: `/gk/${code}/reports/${record.year}`,
    publishedOn: version.publishedOn,
  }));
  return all.sort((a, b) => b.year - a.year || b.publishedOn.localeCompare(a.publishedOn));
}

/** `/gk/:code/reports`. */
export function annualReportsPage(agency: { name: string; code: string }, reports: PublishedAnnualReport[]): string {
  const body = html`<h1>政府信息公开工作年度报告</h1>
${reports.length ? html`<ul class="items">${reports.map((r) => html`<li><a href="${r.href}">${r.title}</a><span class="meta">${formatChineseDate(r.publishedOn)}</span></li>`)}</ul>` : html`<p>本机关尚未在本专栏发布政府信息公开工作年度报告。</p>`}`;
  return columnPage(agency, 'reports', '政府信息公开年报', body);
}
