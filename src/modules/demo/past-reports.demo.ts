/**
 * The demo bureau's past report (issue 16): its 2020 report, read by the importer, stored with
 * its original file and published on its 年报 page as 原文导入 — through the ordinary services.
 */
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import { systemActor } from '../../policies/actor.ts';
import { publishPastReport } from '../report-import/past-reports.service.ts';
import { readReportBytes } from '../report-import/read-file.ts';
import { saveImportedReports } from '../report-import/report-import.service.ts';
import { DEMO_PAST_REPORT } from './past-reports.demo.data.ts';

/**
 * Imports the demo bureau's 2020 report and, once the demo's today has reached the date under its
 * signature, publishes it (a demo set on an earlier day shows it imported, not yet published);
 * returns the import's id.
 */
export async function loadPastReportsDemo(db: Db, clock: Clock): Promise<string> {
  const actor = systemActor('演示数据');
  const data = Buffer.from(DEMO_PAST_REPORT.content, 'utf8');
  const read = await readReportBytes(data, DEMO_PAST_REPORT.fileName);
  if (!read.report) throw new DomainError('DATA_INVALID', `演示数据中的2020年度报告无法读取：${read.error ?? ''}`);
  const [saved] = await saveImportedReports(
    db,
    actor,
    [{ file: DEMO_PAST_REPORT.fileName, ...read }],
    clock,
    async () => data,
  );
  if (!saved?.id) throw new DomainError('DATA_INVALID', '演示数据中的2020年度报告未能保存');
  const signed = read.report.date;
  if (!signed || signed <= shanghaiDate(clock.now())) await publishPastReport(db, actor, saved.id, {}, clock);
  return saved.id;
}
