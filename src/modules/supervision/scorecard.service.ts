/**
 * The assessment scorecard (政务公开考核) over a subtree for a year: every agency scored on its
 * own records by the indicator set in force (the supervisor's latest saved version for the
 * subtree and year, else the default), ranked, each indicator with its evidence (the records it
 * counted, as a drill-down link) and what would raise it. Saving a set is versioned and audited.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { AgencyLevel } from '../../domain/agency.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parsePeriod } from '../../domain/supervision/period.ts';
import {
  DEFAULT_INDICATOR_SET,
  metricsFrom,
  rank,
  scoreAgency,
  validateIndicatorSet,
  type IndicatorScore,
  type IndicatorSet,
} from '../../domain/supervision/scorecard.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './scorecard.repository.ts';
import { computeStatistics } from './statistics.service.ts';
import { resolveSubtree } from './subtree.ts';

export interface SetInForce extends IndicatorSet {
  /** 0 for the default set. */
  version: number;
  savedBy: string | null;
  savedAt: string | null;
  note: string;
}

export interface ScoredAgency {
  agency: { id: string; name: string; level: AgencyLevel; depth: number };
  total: number;
  rank: number;
  indicators: Array<IndicatorScore & { evidenceLink: string | null }>;
}

export interface Scorecard {
  root: { id: string; name: string };
  year: number;
  set: SetInForce;
  agencies: ScoredAgency[];
}

function checkYear(year: number | string): number {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2019 || y > 2100)
    throw new ValidationError({ year: '考核年度（year）应为2019至2100之间的年份' });
  return y;
}

/** The set in force for a subtree and year. */
export async function setInForce(db: Db, rootId: string, year: number): Promise<SetInForce> {
  const saved = await repo.latestVersion(db, rootId, year);
  if (!saved) return { ...DEFAULT_INDICATOR_SET, version: 0, savedBy: null, savedAt: null, note: '' };
  return {
    name: saved.name,
    indicators: saved.indicators,
    version: saved.version,
    savedBy: saved.createdByName,
    savedAt: saved.createdAt,
    note: saved.note,
  };
}

/** The indicator set in force and its saved versions (supervisors and auditors). */
export async function indicatorSets(db: Db, actor: Actor, input: { rootId?: string; year: number | string }) {
  const year = checkYear(input.year);
  const subtree = await resolveSubtree(db, actor, input.rootId, 'supervision.read');
  const [current, versions] = await Promise.all([
    setInForce(db, subtree.root.id, year),
    repo.listVersions(db, subtree.root.id, year),
  ]);
  return {
    root: { id: subtree.root.id, name: subtree.root.name },
    year,
    current,
    versions: versions.map((v) => ({
      version: v.version,
      name: v.name,
      note: v.note,
      savedBy: v.createdByName,
      savedAt: v.createdAt,
    })),
    defaults: DEFAULT_INDICATOR_SET,
  };
}

/**
 * Saves a new version of the subtree's indicator set for the year (supervisors only): checked
 * first (weights add up to 100, known metrics, sane thresholds) — nothing is saved otherwise.
 */
export async function saveIndicatorSet(
  db: Db,
  actor: Actor,
  input: { rootId?: string; year: number | string; set: IndicatorSet; note?: string },
  clock: Clock,
): Promise<SetInForce> {
  const year = checkYear(input.year);
  const subtree = await resolveSubtree(db, actor, input.rootId, 'supervision.manage');
  validateIndicatorSet(input.set);
  const rootId = subtree.root.id;
  return db.transaction().execute(async (tx) => {
    const before = await repo.latestVersion(tx, rootId, year);
    const version = (before?.version ?? 0) + 1;
    const now = clock.now().toISOString();
    const set = { name: input.set.name.trim(), indicators: input.set.indicators };
    await repo.insertVersion(tx, {
      id: randomUUID(),
      rootAgencyId: rootId,
      year,
      version,
      ...set,
      note: (input.note ?? '').trim(),
      createdBy: actor.id,
      createdByName: actor.name,
      createdAt: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        agencyId: rootId,
        action: 'scorecard.set.save',
        subjectType: 'scorecard_set',
        subjectId: `${rootId}/${year}/${version}`,
        summary: `保存${subtree.root.name}${year}年政务公开考核指标（第${version}版）`,
        before: before ? { name: before.name, indicators: before.indicators } : { default: true },
        after: set,
      },
      clock,
    );
    return { ...set, version, savedBy: actor.name, savedAt: now, note: (input.note ?? '').trim() };
  });
}

/** Scores every agency of the subtree for the year by the set in force, ranked. */
export async function subtreeScorecard(
  db: Db,
  actor: Actor,
  input: { rootId?: string; year: number | string },
  clock: Clock,
): Promise<Scorecard> {
  const year = checkYear(input.year);
  const subtree = await resolveSubtree(db, actor, input.rootId, 'supervision.read');
  authorize(actor, 'supervision.read', { agencyId: subtree.root.id });
  const [stats, set] = await Promise.all([
    computeStatistics(db, subtree, parsePeriod({ year }), clock),
    setInForce(db, subtree.root.id, year),
  ]);
  const scored = stats.agencies.map((a) => {
    const r = a.report;
    const metrics = metricsFrom(a.own, {
      due: r.publishedOn !== null || r.state === 'overdue',
      publishedOnTime: r.publishedOn !== null && !r.late,
      arithmeticErrors: r.errors,
    });
    const score = scoreAgency(set, metrics);
    return {
      agency: { id: a.agency.id, name: a.agency.name, level: a.agency.level, depth: a.agency.depth },
      total: score.total,
      indicators: score.indicators.map((i) => ({
        ...i,
        evidenceLink: i.evidenceMetric
          ? `/api/v1/supervision/records?agencyId=${encodeURIComponent(a.agency.id)}&scope=own&metric=${encodeURIComponent(i.evidenceMetric)}&year=${year}`
          : null,
      })),
    };
  });
  return {
    root: { id: subtree.root.id, name: subtree.root.name },
    year,
    set,
    agencies: rank(scored),
  };
}

/**
 * 「工作考核、社会评议和责任追究结果情况」(第五十条第四项) for a government's report draft: the
 * scorecard of its subtree in one paragraph, or null when nothing was scored.
 */
export function assessmentParagraph(card: Scorecard): string | null {
  const others = card.agencies.filter((a) => a.agency.id !== card.root.id);
  if (others.length === 0) return null;
  const avg = Math.round((others.reduce((n, a) => n + a.total, 0) / others.length) * 10) / 10;
  const top = others.slice(0, 3).map((a) => `${a.agency.name}（${a.total}分）`);
  const low = others.filter((a) => a.total < 60).map((a) => a.agency.name);
  return [
    `工作考核情况。将政务公开工作纳入绩效考核，按《${card.set.name}》${card.set.version ? `（第${card.set.version}版）` : ''}对${others.length}个下级机关${card.year}年政府信息公开工作进行考核，平均得分${avg}分`,
    top.length ? `，${top.join('、')}位列前${top.length}名` : '',
    low.length ? `；${low.join('、')}得分低于60分，已督促整改` : '',
    '。',
  ].join('');
}
