/**
 * Publishing (第四十九条: 向社会公布): the approver's step. Refused while the report has an
 * error — an arithmetic rule broken (impossible for a generated report, so a bug), a narrative
 * number that contradicts the tables (R8), or a section left empty (第五十条 requires each
 * part). Freezes the assembled report and narrative as version n+1, dated today. A report is
 * about a whole year: before the year has ended it is only a preview and cannot be published.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { blocksPublication, previewMark, reportYearEnded, ruleName } from '../../domain/report/index.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { computeLive } from './reports.compute.ts';
import type { FigureSources } from './reports.figures.ts';
import * as repo from './reports.repository.ts';

export async function publishReport(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  clock: Clock,
  sources: FigureSources,
): Promise<repo.ReportVersion> {
  authorize(actor, 'reports.publish', { agencyId });
  const agency = await agencies.findById(db, agencyId);
  if (!agency) throw new DomainError('NOT_FOUND', '机构不存在');
  const today = shanghaiDate(clock.now());
  if (!reportYearEnded(year, today))
    throw new DomainError(
      'REPORT_YEAR_NOT_ENDED',
      `${year}年尚未结束，本报告为预览（${previewMark(today)}），须在${year + 1}年1月1日以后发布`,
      { year },
    );
  return db.transaction().execute(async (tx) => {
    const record = await repo.findReport(tx, agencyId, year);
    if (!record) throw new DomainError('NOT_FOUND', `${year}年度报告尚未编制`);
    if (record.status !== 'review')
      throw new DomainError('REPORT_STATE', '报告须先提交审核，审核通过后方可发布', { status: record.status });
    if (record.currentVersion > 0 && !record.revisionReason)
      throw new DomainError('REPORT_REASON_REQUIRED', '发布新版本须写明修订理由');
    const live = await computeLive(tx, sources, agency, year, record);
    const blocking = live.findings.filter(blocksPublication);
    if (blocking.length > 0) {
      throw new DomainError(
        'REPORT_NOT_PUBLISHABLE',
        `报告有${blocking.length}处问题须先修改：${blocking.map((f) => `【${ruleName(f.rule)}】${f.message.replace(/[。；]$/, '')}`).join('；')}`,
        { findings: blocking },
      );
    }
    const date = record.signatureDate ?? today;
    const version: repo.ReportVersion = {
      id: randomUUID(),
      reportId: record.id,
      version: record.currentVersion + 1,
      report: { ...live.report, date },
      preamble: record.sections.preamble,
      reason: record.currentVersion > 0 ? record.revisionReason : null,
      publishedOn: today,
      publishedAt: clock.now().toISOString(),
      publishedBy: actor.id,
      publishedByName: actor.name,
    };
    await repo.insertVersion(tx, version);
    const after: repo.ReportRecord = {
      ...record,
      status: 'published',
      currentVersion: version.version,
      signatureDate: date,
      revisionReason: null,
      updatedAt: version.publishedAt,
      updatedBy: actor.id,
    };
    await repo.updateReport(tx, after);
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'report.publish',
        subjectType: 'annual_report',
        subjectId: record.id,
        summary: `发布${year}年政府信息公开工作年度报告（第${version.version}版）${version.reason ? `，理由：${version.reason}` : ''}`,
        before: { status: record.status, version: record.currentVersion },
        after: { status: 'published', version: version.version },
      },
      clock,
    );
    return version;
  });
}
