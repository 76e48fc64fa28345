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
import { publishedPastReports } from '../../../../modules/report-import/past-reports.service.ts';

export interface PublishedAnnualReport {
  year: number;
  title: string;
  /** Where the report is read (its portal page or file). */
  href: string;
  /** Publication date, YYYY-MM-DD. */
  publishedOn: string;
  /** 'imported': a report from before the agency used Gongkai, published as its file (原文导入). */
  origin: 'generated' | 'imported';
}

/** Every published report of the agency, newest first, each linked to its portal page. */
export async function publishedAnnualReports(db: Db, agencyId: string): Promise<PublishedAnnualReport[]> {
  const list = await repo.latestPublished(db, agencyId);
  const code = (await findById(db, agencyId))?.code;
  const all: PublishedAnnualReport[] = list.map(({ record, version }) => ({
    year: record.year,
    title: reportTitle(version.report),
    href: `/gk/${code}/reports/${record.year}`,
    publishedOn: version.publishedOn,
    origin: 'generated',
  }));
  // Past reports imported as published (issue 16); a year the platform has published shows that one.
  const generatedYears = new Set(all.map((r) => r.year));
  for (const p of await publishedPastReports(db, agencyId)) {
    if (generatedYears.has(p.publication.year)) continue;
    all.push({
      year: p.publication.year,
      title: `${p.imported.report.agency.name || p.imported.agencyName}${p.publication.year}年政府信息公开工作年度报告`,
      href: `/gk/${code}/reports/${p.publication.year}`,
      publishedOn: p.publication.publishedOn,
      origin: 'imported',
    });
  }
  return all.sort((a, b) => b.year - a.year || b.publishedOn.localeCompare(a.publishedOn));
}

/** `/gk/:code/reports`. */
export function annualReportsPage(agency: { name: string; code: string }, reports: PublishedAnnualReport[]): string {
  const body = html`<h1>政府信息公开工作年度报告</h1>
${reports.length ? html`<ul class="items">${reports.map((r) => html`<li><a href="${r.href}">${r.title}</a>${r.origin === 'imported' ? html`<span class="tag" title="本机关使用本平台之前发布的年度报告，原文导入">原文导入</span>` : ''}<span class="meta">${formatChineseDate(r.publishedOn)}</span></li>`)}</ul>` : html`<p>本机关尚未在本专栏发布政府信息公开工作年度报告。</p>`}`;
  return columnPage(agency, 'reports', '政府信息公开年报', body);
}
