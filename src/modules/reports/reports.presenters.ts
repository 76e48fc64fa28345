/** What the API shows of reports: view models, never rows (STYLE.md rule 12). */
import type { Agency } from '../agencies/agencies.repository.ts';
import type { ReportRecord, ReportVersion } from './reports.repository.ts';
import type { ReportView } from './reports.service.ts';

const agencyRef = (a: Agency) => ({ id: a.id, name: a.name, code: a.code, level: a.level });

export function presentRecord(r: ReportRecord) {
  const { createdAt: _c, updatedBy: _u, ...shown } = r;
  return shown;
}

export function presentVersionSummary(v: ReportVersion) {
  return {
    version: v.version,
    reason: v.reason,
    publishedOn: v.publishedOn,
    publishedAt: v.publishedAt,
    publishedByName: v.publishedByName,
  };
}

export function presentVersion(v: ReportVersion) {
  return { ...presentVersionSummary(v), report: v.report, preamble: v.preamble };
}

export function presentView(v: ReportView) {
  return {
    agency: agencyRef(v.agency),
    record: v.record ? presentRecord(v.record) : null,
    report: v.report,
    sections: v.sections,
    draft: v.draft,
    findings: v.findings,
    changes: v.changes,
    versions: v.versions.map(presentVersionSummary),
    previousSource: v.previousSource,
    deadline: v.due.deadline,
    due: v.due,
    today: v.today,
    preview: v.preview,
  };
}

export { agencyRef };
