/**
 * The supervisor's side (政府信息公开工作主管部门): which agencies of its subtree have published
 * their report for a year and which are late against 第四十九条, the dashboard reminders from
 * mid-January, and the aggregate report over the subtree.
 */
import type { Db, DbOrTx } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  DEFAULT_REPORT_DEADLINE_SETTINGS,
  chooseFormat,
  reportDeadline,
  reportDueState,
  type ReportDeadlineSettings,
  type ReportDueState,
} from '../../domain/report/index.ts';
import { formatChineseDate, shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import type { DashboardWarning, WarningSource } from '../dashboard/dashboard.service.ts';
import { computeLive, reportAgency, type LiveReport } from './reports.compute.ts';
import type { FigureSources } from './reports.figures.ts';
import { deadlineKinds } from './reports.deadlines.ts';
import * as repo from './reports.repository.ts';

export interface OverviewRow {
  agency: agencies.Agency;
  deadline: string;
  state: ReportDueState;
  status: repo.ReportStatus | null;
  /** First publication date; later versions do not move it. */
  publishedOn: string | null;
  /** Published after the deadline. */
  late: boolean;
  version: number;
}

/** Agencies of the subtree the actor can see. */
async function visibleSubtree(db: DbOrTx, actor: Actor, rootId: string): Promise<agencies.Agency[]> {
  const ids = await agencies.subtreeIds(db, [rootId]);
  const visible =
    actor.visibleAgencies === 'all' ? ids : ids.filter((id) => (actor.visibleAgencies as ReadonlySet<string>).has(id));
  return agencies.findByIds(db, visible);
}

/** One row per agency of the subtree: deadline (第四十九条), state, publication. */
export async function supervisorOverview(
  db: Db,
  actor: Actor,
  rootId: string,
  year: number,
  clock: Clock,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): Promise<OverviewRow[]> {
  authorize(actor, 'reports.supervise', { agencyId: rootId });
  const today = shanghaiDate(clock.now());
  const list = await visibleSubtree(db, actor, rootId);
  const ids = list.map((a) => a.id);
  const published = await repo.firstPublications(db, ids, year);
  const records = new Map((await repo.listReports(db, ids, year)).map((r) => [r.agencyId, r]));
  const kinds = await deadlineKinds(db, list);
  return list.map((agency) => {
    const kind = kinds.get(agency.id) ?? agency.level;
    const deadline = reportDeadline(kind, year, settings);
    const pub = published.get(agency.id) ?? null;
    return {
      agency,
      deadline,
      state: reportDueState(kind, year, today, pub?.publishedOn ?? null, settings),
      status: records.get(agency.id)?.status ?? null,
      publishedOn: pub?.publishedOn ?? null,
      late: pub !== null && pub.publishedOn > deadline,
      version: records.get(agency.id)?.currentVersion ?? 0,
    };
  });
}

/**
 * Dashboard warnings for last year's reports, from mid-January: for a supervisor, each agency
 * of its reach not yet published; for staff, their own agency.
 */
export function reportWarnings(settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS): WarningSource {
  return async (db, actor, clock) => {
    const today = shanghaiDate(clock.now());
    const year = Number(today.slice(0, 4)) - 1;
    if (!actor.agencyId || !can(actor, 'reports.read', { agencyId: actor.agencyId })) return [];
    const roots =
      actor.visibleAgencies === 'all' || !can(actor, 'reports.supervise')
        ? [actor.agencyId]
        : [...actor.visibleAgencies];
    const ids = can(actor, 'reports.supervise') ? await agencies.subtreeIds(db, roots) : [actor.agencyId];
    const list = (await agencies.findByIds(db, ids)).filter(
      (a) => actor.visibleAgencies === 'all' || actor.visibleAgencies.has(a.id),
    );
    const published = await repo.firstPublications(
      db,
      list.map((a) => a.id),
      year,
    );
    const out: DashboardWarning[] = [];
    const kinds = await deadlineKinds(db, list);
    for (const a of list) {
      const kind = kinds.get(a.id) ?? a.level;
      const state = reportDueState(kind, year, today, published.get(a.id)?.publishedOn ?? null, settings);
      const deadline = formatChineseDate(reportDeadline(kind, year, settings));
      if (state === 'due_soon')
        out.push({
          code: 'REPORT_DUE',
          message: `${a.name}${year}年政府信息公开工作年度报告尚未发布，法定期限为${deadline}（第四十九条）。`,
        });
      if (state === 'overdue')
        out.push({
          code: 'REPORT_OVERDUE',
          message: `${a.name}${year}年政府信息公开工作年度报告已超过法定期限${deadline}仍未发布（第四十九条）。`,
        });
    }
    return out;
  };
}

/**
 * The live aggregate over a government's subtree: every agency's records counted together,
 * assembled once (so R1–R4 hold), listing the agencies included.
 */
export async function aggregateReport(
  db: Db,
  actor: Actor,
  rootId: string,
  year: number,
  sources: FigureSources,
): Promise<LiveReport> {
  authorize(actor, 'reports.supervise', { agencyId: rootId });
  const root = await agencies.findById(db, rootId);
  if (!root) throw new DomainError('NOT_FOUND', '机构不存在');
  const list = await visibleSubtree(db, actor, rootId);
  return computeLive(db, sources, root, year, null, {
    format: chooseFormat(year).format,
    agencyIds: list.map((a) => a.id),
    includedAgencies: list.map(reportAgency),
  });
}
