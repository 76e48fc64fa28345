/**
 * Subtree statistics for the supervisor (政府信息公开工作主管部门, 第三条、第四十六条至第四十九条):
 * per agency and rolled up, for any period — applications received, closed, open, overdue,
 * closed late, working days to reply, outcomes by table 三 row, fees; 主动公开 by 第二十条 item,
 * 第二十六条 timeliness, validity of 规章/规范性文件; 复议/诉讼 and 纠错; the annual report's
 * status against 第四十九条 and its R1–R11 findings. A fixed handful of set-based queries,
 * whatever the size of the subtree — the applications read in one of them (grouped, then counted
 * by src/domain/supervision/application-counts.ts).
 */
import type { Db } from '../../db/database.ts';
import type { AgencyLevel } from '../../domain/agency.ts';
import { CASE_KINDS, type CaseKind } from '../../domain/cases/cases.ts';
import {
  DEFAULT_REPORT_DEADLINE_SETTINGS,
  reportDeadline,
  reportDueState,
  validateReport,
  type AnnualReport,
  type ReportDeadlineSettings,
  type ReportDueState,
} from '../../domain/report/index.ts';
import { countApplications } from '../../domain/supervision/application-counts.ts';
import { parsePeriod, periodMonths, type Period, type PeriodInput } from '../../domain/supervision/period.ts';
import {
  derive,
  emptyStats,
  rollUp,
  type AdditiveStats,
  type DerivedStats,
} from '../../domain/supervision/statistics.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import * as repo from './statistics.repository.ts';
import { resolveSubtree, type Subtree } from './subtree.ts';

/** Where an agency stands with the annual report of the period's year (第四十九条). */
export interface ReportStatus {
  year: number;
  deadline: string;
  /** draft / review / published, or null when nobody started it. */
  status: string | null;
  state: ReportDueState;
  publishedOn: string | null;
  /** First published after the deadline. */
  late: boolean;
  version: number;
  /** R1–R11 findings of the latest published version (R5–R7 against the previous year's published report). */
  errors: number;
  warnings: number;
  rules: string[];
}

/** Report status counted over a subtree. */
export interface ReportRollup {
  agencies: number;
  published: number;
  publishedLate: number;
  overdue: number;
  draft: number;
  withErrors: number;
}

export interface AgencyStatistics {
  agency: { id: string; name: string; shortName: string; level: AgencyLevel; parentId: string | null; depth: number };
  /** The agency's own records. */
  own: AdditiveStats & { derived: DerivedStats };
  /** The agency and every agency below it (as far as the user may see). */
  subtree: AdditiveStats & { derived: DerivedStats };
  report: ReportStatus;
  reports: ReportRollup;
}

export interface SubtreeStatistics {
  root: { id: string; name: string };
  period: Period;
  today: string;
  agencies: AgencyStatistics[];
  /** The root's subtree total (same as agencies[0].subtree). */
  total: AdditiveStats & { derived: DerivedStats };
  reports: ReportRollup;
  months: Array<{ month: string; received: number; closed: number; closedLate: number }>;
}

/** The statistics of the subtree under `rootId` (default: the top of the user's reach) for a period. */
export async function subtreeStatistics(
  db: Db,
  actor: Actor,
  input: { rootId?: string; period: PeriodInput },
  clock: Clock,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): Promise<SubtreeStatistics> {
  const period = parsePeriod(input.period);
  const subtree = await resolveSubtree(db, actor, input.rootId, 'supervision.read');
  return computeStatistics(db, subtree, period, clock, settings);
}

/** The computation behind subtreeStatistics for an already authorized subtree (the scorecard reuses it). */
export async function computeStatistics(
  db: Db,
  subtree: Subtree,
  period: Period,
  clock: Clock,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): Promise<SubtreeStatistics> {
  const today = shanghaiDate(clock.now());
  const ids = subtree.queryIds;
  const { from, to } = period;
  const [groups, fees, catalog, cases, reports, calendar] = await Promise.all([
    repo.applicationGroups(db, ids, from, to, today),
    repo.feesPaid(db, ids, from, to),
    repo.catalogCounts(db, ids, from, to, today),
    repo.caseCounts(db, ids, from, to),
    repo.reportRows(db, ids, [period.year, period.year - 1]),
    loadCalendar(db),
  ]);

  const visible = new Set(subtree.agencies.map((a) => a.id));
  const own = new Map<string, AdditiveStats>();
  const at = (id: string): AdditiveStats | null => {
    if (!visible.has(id)) return null;
    let s = own.get(id);
    if (!s) own.set(id, (s = emptyStats()));
    return s;
  };
  // Received, closed, open, overdue, late, outcomes, reasons, working days and the monthly trend: one pass.
  const months = countApplications(groups, period, (id) => at(id)?.applications ?? null, calendar);
  for (const r of fees) {
    const s = at(r.agencyId);
    if (s) s.applications.feesYuan = Math.round(r.yuan * 100) / 100;
  }
  for (const r of catalog) {
    const s = at(r.agencyId);
    if (!s) continue;
    const c = s.catalog;
    if (r.statutoryItem !== null) {
      c.published += r.published;
      c.byItem[r.statutoryItem] = (c.byItem[r.statutoryItem] ?? 0) + r.published;
      c.onTime += r.onTime;
      c.late += r.late;
      c.interpretations += r.interpretations;
      c.normativePublished += r.normative;
    }
    c.overdueNow += r.overdueNow;
    c.normativePublic += r.normativePublic;
    c.normativeInForce += r.normativeInForce;
    c.normativeEnded += r.normativeEnded;
    c.normativeDated += r.normativeDated;
  }
  for (const r of cases) {
    const s = at(r.agencyId);
    if (!s) continue;
    if ((CASE_KINDS as readonly string[]).includes(r.kind)) s.cases.filed[r.kind as CaseKind] += r.filed;
    s.cases.concluded += r.concluded;
    s.cases.corrected += r.corrected;
    s.cases.upheld += r.upheld;
    s.cases.pending += r.pending;
  }

  // An agency whose parent the user may not see hangs under the root (as the tree table shows it).
  const parentOf = new Map<string, string | null>(
    subtree.agencies.map((a) => [
      a.id,
      a.id === subtree.root.id ? null : a.parentId && visible.has(a.parentId) ? a.parentId : subtree.root.id,
    ]),
  );
  const rolled = rollUp(
    subtree.agencies.map((a) => a.id),
    parentOf,
    own,
  );
  const reportStatus = reportStatuses(subtree, reports, period.year, today, settings);
  const reportRollups = rollUpReports(subtree, parentOf, reportStatus);
  const depth = new Map<string, number>();
  const list: AgencyStatistics[] = subtree.agencies.map((a) => {
    const d = a.id === subtree.root.id ? 0 : (depth.get(parentOf.get(a.id) ?? '') ?? 0) + 1;
    depth.set(a.id, d);
    const o = own.get(a.id) ?? emptyStats();
    const t = rolled.get(a.id) ?? emptyStats();
    return {
      agency: { id: a.id, name: a.name, shortName: a.shortName, level: a.level, parentId: a.parentId, depth: d },
      own: { ...o, derived: derive(o) },
      subtree: { ...t, derived: derive(t) },
      report: reportStatus.get(a.id)!,
      reports: reportRollups.get(a.id)!,
    };
  });
  const total = list[0]!.subtree;
  return {
    root: { id: subtree.root.id, name: subtree.root.name },
    period,
    today,
    agencies: list,
    total,
    reports: list[0]!.reports,
    months: fillMonths(periodMonths(period), months),
  };
}

function fillMonths(
  all: string[],
  rows: Array<{ month: string; received: number; closed: number; closedLate: number }>,
): SubtreeStatistics['months'] {
  const by = new Map(rows.map((r) => [r.month, r]));
  return all.map((m) => by.get(m) ?? { month: m, received: 0, closed: 0, closedLate: 0 });
}

function parseReport(json: string | null): AnnualReport | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as AnnualReport;
  } catch {
    return null;
  }
}

/** Each agency's report of `year`: deadline (第四十九条), state, and the findings of its published version. */
function reportStatuses(
  subtree: Subtree,
  rows: repo.ReportRow[],
  year: number,
  today: string,
  settings: ReportDeadlineSettings,
): Map<string, ReportStatus> {
  const thisYear = new Map(rows.filter((r) => r.year === year).map((r) => [r.agencyId, r]));
  const lastYear = new Map(rows.filter((r) => r.year === year - 1).map((r) => [r.agencyId, r]));
  const out = new Map<string, ReportStatus>();
  for (const a of subtree.agencies) {
    const rec = thisYear.get(a.id);
    const deadline = reportDeadline(a.level, year, settings);
    const publishedOn = rec?.firstPublishedOn ?? null;
    const report = parseReport(rec?.reportJson ?? null);
    const findings = report
      ? validateReport(report, { previous: parseReport(lastYear.get(a.id)?.reportJson ?? null) })
      : [];
    out.set(a.id, {
      year,
      deadline,
      status: rec?.status ?? null,
      state: reportDueState(a.level, year, today, publishedOn, settings),
      publishedOn,
      late: publishedOn !== null && publishedOn > deadline,
      version: rec?.currentVersion ?? 0,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      rules: [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.rule))].sort(),
    });
  }
  return out;
}

function rollUpReports(
  subtree: Subtree,
  parentOf: ReadonlyMap<string, string | null>,
  status: Map<string, ReportStatus>,
): Map<string, ReportRollup> {
  const one = (s: ReportStatus): ReportRollup => ({
    agencies: 1,
    published: s.publishedOn ? 1 : 0,
    publishedLate: s.late ? 1 : 0,
    overdue: s.state === 'overdue' ? 1 : 0,
    draft: s.status !== null && !s.publishedOn ? 1 : 0,
    withErrors: s.errors > 0 ? 1 : 0,
  });
  const out = new Map<string, ReportRollup>();
  // Children come after their parents in tree order: walk backwards, adding each into its parent.
  for (const a of subtree.agencies) out.set(a.id, one(status.get(a.id)!));
  for (const a of [...subtree.agencies].reverse()) {
    const parentId = parentOf.get(a.id);
    if (!parentId) continue;
    const parent = out.get(parentId);
    const mine = out.get(a.id)!;
    if (!parent) continue;
    for (const k of Object.keys(mine) as Array<keyof ReportRollup>) parent[k] += mine[k];
  }
  return out;
}
