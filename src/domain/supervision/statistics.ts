/**
 * Subtree statistics (第三条、第四十六条至第四十九条: the 主管部门 推进、指导、协调、监督 the
 * disclosure work of the agencies below it). Per agency the platform counts what its records
 * say for a period; these pure functions add the figures of a subtree together and derive the
 * rates a supervisor reads. Counting itself happens in set-based SQL (src/modules/supervision).
 */
import type { CaseKind } from '../cases/cases.ts';
import type { OutcomeKey } from '../report/table3-rows.ts';
import { OUTCOME_KEYS } from '../report/table3-rows.ts';

/** Working days from receipt (第三十一条) to reply, as a histogram: days → applications. */
export type DayHistogram = Record<number, number>;

/** Applications of one agency (or a subtree) in a period. */
export interface ApplicationStats {
  /** 收到申请之日 in the period. */
  received: number;
  /** Closed (replied, or ended otherwise) in the period. */
  closed: number;
  /** Open today (received or not yet confirmed, not closed). */
  open: number;
  /** Open today and past the reply due date (第三十三条). */
  overdueNow: number;
  /** Closed in the period after the reply due date. */
  closedLate: number;
  /** Replies in the period other than 予以公开 (lapses aside): they must give reasons (第三十六条). */
  refusals: number;
  /** … of which the decision states why (reasons for 部分公开/不予公开, else at least the legal basis). */
  refusalsWithReasons: number;
  /** Closed in the period: working days from receipt to closure. */
  replyDays: DayHistogram;
  /** Closed in the period, by table 三 leaf row (V2021 grain). */
  outcomes: Record<OutcomeKey, number>;
  /** 信息处理费 paid in the period, 元. */
  feesYuan: number;
}

/** 主动公开 of one agency (or a subtree) in a period. */
export interface CatalogStats {
  /** Published in the period (not withdrawn since). */
  published: number;
  /** Published in the period, by statutory item (a20.1 … a20.15, a21.*). */
  byItem: Record<string, number>;
  /** Published in the period on or before the 第二十六条 due date. */
  onTime: number;
  /** Published in the period after it. */
  late: number;
  /** Not published and past the due date today. */
  overdueNow: number;
  /** 规范性文件 (and 规章) published and not withdrawn, as of today. */
  normativePublic: number;
  /** … of which 有效 today. */
  normativeInForce: number;
  /** … of which 废止/失效/已修订 marked. */
  normativeEnded: number;
  /** … of which the 施行日期 (effective date) is recorded, so the portal shows its validity in full. */
  normativeDated: number;
  /** 政策解读 published in the period. */
  interpretations: number;
  /** 规范性文件 (and 规章) published in the period. */
  normativePublished: number;
}

/** 复议/诉讼 of one agency (or a subtree) in a period. */
export interface CaseStats {
  /** Filed (申请复议 / 起诉) in the period, by kind. */
  filed: Record<CaseKind, number>;
  /** Concluded in the period. */
  concluded: number;
  /** Concluded in the period with 结果纠正 (纠错). */
  corrected: number;
  /** Concluded in the period with 结果维持. */
  upheld: number;
  /** Pending today. */
  pending: number;
}

/** The figures that add up along the tree. */
export interface AdditiveStats {
  applications: ApplicationStats;
  catalog: CatalogStats;
  cases: CaseStats;
}

export function emptyStats(): AdditiveStats {
  const outcomes = {} as Record<OutcomeKey, number>;
  for (const k of OUTCOME_KEYS) outcomes[k] = 0;
  return {
    applications: {
      received: 0,
      closed: 0,
      open: 0,
      overdueNow: 0,
      closedLate: 0,
      refusals: 0,
      refusalsWithReasons: 0,
      replyDays: {},
      outcomes,
      feesYuan: 0,
    },
    catalog: {
      published: 0,
      byItem: {},
      onTime: 0,
      late: 0,
      overdueNow: 0,
      normativePublic: 0,
      normativeInForce: 0,
      normativeEnded: 0,
      normativeDated: 0,
      interpretations: 0,
      normativePublished: 0,
    },
    cases: {
      filed: { reconsideration: 0, litigation_direct: 0, litigation_after_reconsideration: 0 },
      concluded: 0,
      corrected: 0,
      upheld: 0,
      pending: 0,
    },
  };
}

function addRecord<K extends string>(into: Record<K, number>, from: Record<K, number>): void {
  for (const [k, v] of Object.entries(from) as Array<[K, number]>) into[k] = (into[k] ?? 0) + v;
}

/** Adds `b` into `a` (mutates `a`); money rounded to the fen so float noise never shows. */
export function addStats(a: AdditiveStats, b: AdditiveStats): AdditiveStats {
  const { replyDays, outcomes, feesYuan, ...counts } = b.applications;
  addRecord(a.applications as unknown as Record<string, number>, counts as unknown as Record<string, number>);
  addRecord(a.applications.replyDays, replyDays);
  addRecord(a.applications.outcomes, outcomes);
  a.applications.feesYuan = Math.round((a.applications.feesYuan + feesYuan) * 100) / 100;
  const { byItem, ...catalogCounts } = b.catalog;
  addRecord(a.catalog as unknown as Record<string, number>, catalogCounts as unknown as Record<string, number>);
  addRecord(a.catalog.byItem, byItem);
  const { filed, ...caseCounts } = b.cases;
  addRecord(a.cases as unknown as Record<string, number>, caseCounts as unknown as Record<string, number>);
  addRecord(a.cases.filed, filed);
  return a;
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram by the nearest-rank method: the smallest value
 * with at least q of the observations at or below it. Null when empty.
 */
export function quantile(histogram: DayHistogram, q: number): number | null {
  const entries = Object.entries(histogram)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((x, y) => x[0] - y[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [value, n] of entries) {
    seen += n;
    if (seen >= rank) return value;
  }
  return entries.at(-1)![0];
}

/** A share as a percentage with one decimal, or null when there is nothing to divide. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** The rates a supervisor reads beside the counts. */
export interface DerivedStats {
  /** Closed in the period within the due date, %. */
  onTimeRate: number | null;
  medianReplyDays: number | null;
  p90ReplyDays: number | null;
  /** 第二十六条: published on time, %. */
  publicationOnTimeRate: number | null;
  /** Cases concluded with 纠错, %. */
  correctionRate: number | null;
}

export function derive(s: AdditiveStats): DerivedStats {
  const a = s.applications;
  return {
    onTimeRate: rate(a.closed - a.closedLate, a.closed),
    medianReplyDays: quantile(a.replyDays, 0.5),
    p90ReplyDays: quantile(a.replyDays, 0.9),
    publicationOnTimeRate: rate(s.catalog.onTime, s.catalog.onTime + s.catalog.late),
    correctionRate: rate(s.cases.corrected, s.cases.concluded),
  };
}

/**
 * Rolls per-agency figures up the tree: each agency's subtree total is its own figures plus
 * those of every agency below it (within `ids`, the agencies the supervisor may see). `parentOf`
 * maps an agency to its parent; agencies whose parent is outside `ids` are the roots.
 */
export function rollUp(
  ids: readonly string[],
  parentOf: ReadonlyMap<string, string | null>,
  own: ReadonlyMap<string, AdditiveStats>,
): Map<string, AdditiveStats> {
  const inSet = new Set(ids);
  const children = new Map<string, string[]>();
  for (const id of ids) {
    const p = parentOf.get(id) ?? null;
    if (p !== null && inSet.has(p)) {
      const list = children.get(p) ?? [];
      list.push(id);
      children.set(p, list);
    }
  }
  const out = new Map<string, AdditiveStats>();
  // Post-order without recursion: a deep tree must not overflow the stack.
  const roots = ids.filter((id) => !inSet.has(parentOf.get(id) ?? ''));
  for (const root of roots) {
    const stack: Array<[string, boolean]> = [[root, false]];
    while (stack.length) {
      const [id, done] = stack.pop()!;
      if (done) {
        const total = addStats(emptyStats(), own.get(id) ?? emptyStats());
        for (const c of children.get(id) ?? []) addStats(total, out.get(c)!);
        out.set(id, total);
      } else {
        stack.push([id, true]);
        for (const c of children.get(id) ?? []) stack.push([c, false]);
      }
    }
  }
  return out;
}
