/**
 * The 政务公开 assessment scorecard (政务公开考核; 第四十七条 评议考核, 第五十条第四项
 * 「工作考核、社会评议和责任追究结果情况」). The indicator system is data, not code: each
 * indicator names a metric the platform counts from its records, a scoring rule over it, its
 * points, the article it rests on and what an agency can do to raise it. A supervisor adjusts
 * weights and thresholds per year (versioned); a new indicator needs no code as long as it
 * scores a known metric.
 *
 * The default set follows the statute and the published dimensions of the CASS 政府透明度指数
 * (决策公开、管理服务公开、执行和结果公开、政策解读与回应、依申请公开、监督保障) and the
 * assessments reported in annual reports.
 */
import { ValidationError } from '../errors.ts';
import type { AdditiveStats } from './statistics.ts';

/** The metrics a rule may score: counted per agency and year by src/modules/supervision. */
export const SCORECARD_METRICS = {
  'applications.received': { label: '新收申请数', evidence: 'received' },
  'applications.closed': { label: '办结申请数', evidence: 'closed' },
  'applications.closedOnTime': { label: '按期办结数', evidence: 'closed' },
  'applications.closedLate': { label: '超期办结数', evidence: 'closedLate' },
  'applications.overdueNow': { label: '当前逾期未答复数', evidence: 'overdueNow' },
  'applications.refusals': { label: '非“予以公开”的答复数', evidence: 'closed' },
  'applications.refusalsWithReasons': { label: '其中写明理由的答复数', evidence: 'closed' },
  'catalog.published': { label: '主动公开信息数', evidence: 'published' },
  'catalog.statutoryItems': { label: '有更新的第二十条法定事项数', evidence: 'published' },
  'catalog.timed': { label: '计入时效的公开数', evidence: 'published' },
  'catalog.onTime': { label: '按时公开数（第二十六条）', evidence: 'published' },
  'catalog.late': { label: '逾期公开数', evidence: 'publishedLate' },
  'catalog.overdueNow': { label: '逾期未公开数', evidence: 'catalogOverdueNow' },
  'catalog.normativePublic': { label: '公开中的规章和规范性文件数', evidence: 'published' },
  'catalog.normativeDated': { label: '标注施行日期和有效性的规章和规范性文件数', evidence: 'normativeUndated' },
  'catalog.normativePublished': { label: '本年公开的规章和规范性文件数', evidence: 'published' },
  'catalog.interpretations': { label: '本年公开的政策解读数', evidence: 'interpretations' },
  'cases.concluded': { label: '审结的复议诉讼数', evidence: 'casesFiled' },
  'cases.corrected': { label: '被纠错数', evidence: 'casesCorrected' },
  'cases.notCorrected': { label: '未被纠错数', evidence: 'casesFiled' },
  'report.due': { label: '年度报告已到法定期限（或已发布）', evidence: null },
  'report.publishedOnTime': { label: '年度报告按时发布', evidence: null },
  'report.arithmeticErrors': { label: '年度报告R1–R4错误数', evidence: null },
} as const satisfies Record<string, { label: string; evidence: string | null }>;
export type MetricKey = keyof typeof SCORECARD_METRICS;
export type Metrics = Record<MetricKey, number>;

export function isMetricKey(value: string): value is MetricKey {
  return Object.hasOwn(SCORECARD_METRICS, value);
}

/**
 * How an indicator scores. Between `zero` and `full` points grow linearly.
 * - ratio: numerator / denominator; with no denominator, `noData` decides (nothing to fault → full).
 * - atLeast: the metric's value; `full` ≥ `zero`.
 * - atMost: the metric's value; `full` ≤ `zero` (fewer is better: overdue, errors).
 */
export type ScoringRule =
  | { kind: 'ratio'; numerator: MetricKey; denominator: MetricKey; zero: number; full: number; noData: 'full' | 'zero' }
  | { kind: 'atLeast'; metric: MetricKey; zero: number; full: number }
  | { kind: 'atMost'; metric: MetricKey; zero: number; full: number };

export interface Indicator {
  key: string;
  name: string;
  /** CASS-style dimension the indicator belongs to. */
  dimension: string;
  /** Points (分值); the set's points add up to 100. */
  weight: number;
  rule: ScoringRule;
  /** The article or document it rests on. */
  basis: string;
  /** What the agency can do to raise it. */
  advice: string;
}

export interface IndicatorSet {
  name: string;
  indicators: Indicator[];
}

/** Points an indicator set must add up to. */
export const TOTAL_POINTS = 100;

export const DEFAULT_INDICATOR_SET: IndicatorSet = {
  name: '政务公开考核指标（默认，依据《条例》和政府透明度指数公开维度）',
  indicators: [
    {
      key: 'statutory_items_updated',
      name: '法定主动公开事项有更新',
      dimension: '管理服务公开',
      weight: 10,
      rule: { kind: 'atLeast', metric: 'catalog.statutoryItems', zero: 0, full: 5 },
      basis: '第十九条、第二十条',
      advice: '按第二十条逐项梳理法定公开内容，本年内至少更新5个法定事项',
    },
    {
      key: 'publication_on_time',
      name: '主动公开信息按时公开率',
      dimension: '执行和结果公开',
      weight: 10,
      rule: {
        kind: 'ratio',
        numerator: 'catalog.onTime',
        denominator: 'catalog.timed',
        zero: 0.8,
        full: 1,
        noData: 'zero',
      },
      basis: '第二十六条（形成或变更之日起20个工作日内）',
      advice: '信息形成或变更后20个工作日内完成保密审查、发布审核并公开',
    },
    {
      key: 'publication_none_overdue',
      name: '无逾期未公开信息',
      dimension: '执行和结果公开',
      weight: 5,
      rule: { kind: 'atMost', metric: 'catalog.overdueNow', full: 0, zero: 5 },
      basis: '第二十六条',
      advice: '清理已超过20个工作日仍未公开的信息，尽快审核发布或说明不公开依据',
    },
    {
      key: 'normative_validity_marked',
      name: '规章和规范性文件标注有效性',
      dimension: '决策公开',
      weight: 10,
      rule: {
        kind: 'ratio',
        numerator: 'catalog.normativeDated',
        denominator: 'catalog.normativePublic',
        zero: 0.5,
        full: 1,
        noData: 'full',
      },
      basis: '第二十条第（一）项；国办关于规范性文件有效性标注的要求',
      advice: '为公开中的规章和规范性文件补录施行日期，并及时标注废止、失效或修订',
    },
    {
      key: 'policy_interpretation',
      name: '政策文件配发政策解读',
      dimension: '政策解读与回应',
      weight: 5,
      rule: {
        kind: 'ratio',
        numerator: 'catalog.interpretations',
        denominator: 'catalog.normativePublished',
        zero: 0,
        full: 1,
        noData: 'full',
      },
      basis: '《国务院办公厅关于全面推进政务公开工作的意见》（政策解读与文件同步）',
      advice: '每件规范性文件公开时同步公开政策解读',
    },
    {
      key: 'replies_on_time',
      name: '依申请公开按期答复率',
      dimension: '依申请公开',
      weight: 20,
      rule: {
        kind: 'ratio',
        numerator: 'applications.closedOnTime',
        denominator: 'applications.closed',
        zero: 0.9,
        full: 1,
        noData: 'full',
      },
      basis: '第三十三条（20个工作日，延长不超过20个工作日）',
      advice: '在答复期限内办结申请，需延长的依第三十三条经负责人同意并告知申请人',
    },
    {
      key: 'no_overdue_applications',
      name: '无逾期未答复申请',
      dimension: '依申请公开',
      weight: 10,
      rule: { kind: 'atMost', metric: 'applications.overdueNow', full: 0, zero: 3 },
      basis: '第三十三条',
      advice: '立即办理已超过答复期限的申请',
    },
    {
      key: 'replies_with_reasons',
      name: '不予公开等答复说明理由和救济途径',
      dimension: '依申请公开',
      weight: 10,
      rule: {
        kind: 'ratio',
        numerator: 'applications.refusalsWithReasons',
        denominator: 'applications.refusals',
        zero: 0.8,
        full: 1,
        noData: 'full',
      },
      basis: '第三十六条（告知理由）、第五十一条（救济途径）',
      advice: '非“予以公开”的答复逐件写明理由和依据，并告知申请复议、诉讼的途径和期限',
    },
    {
      key: 'annual_report_on_time',
      name: '年度报告按时发布',
      dimension: '监督保障',
      weight: 10,
      rule: {
        kind: 'ratio',
        numerator: 'report.publishedOnTime',
        denominator: 'report.due',
        zero: 0,
        full: 1,
        noData: 'full',
      },
      basis: '第四十九条（部门1月31日前，本级人民政府3月31日前）',
      advice: '在法定期限前发布年度报告',
    },
    {
      key: 'annual_report_no_errors',
      name: '年度报告无勾稽错误',
      dimension: '监督保障',
      weight: 5,
      rule: { kind: 'atMost', metric: 'report.arithmeticErrors', full: 0, zero: 1 },
      basis: '第五十条；年度报告格式（国办公开办函〔2021〕30号）',
      advice: '发布前按R1–R4核对表三、表四的合计和勾稽关系',
    },
    {
      key: 'appeals_not_corrected',
      name: '复议诉讼未被纠错',
      dimension: '监督保障',
      weight: 5,
      rule: {
        kind: 'ratio',
        numerator: 'cases.notCorrected',
        denominator: 'cases.concluded',
        zero: 0.5,
        full: 1,
        noData: 'full',
      },
      basis: '第五十一条',
      advice: '对被纠错的答复逐件复盘，完善答复审核',
    },
  ],
};

/** Checks a set a supervisor wants to save; ValidationError naming the field, in Chinese. */
export function validateIndicatorSet(set: IndicatorSet): void {
  const errors: Record<string, string> = {};
  if (!set.name?.trim()) errors.name = '请填写指标体系名称';
  if (!Array.isArray(set.indicators) || set.indicators.length === 0) errors.indicators = '至少需要一项指标';
  const seen = new Set<string>();
  (set.indicators ?? []).forEach((ind, i) => {
    const at = `indicators[${i}]`;
    if (!/^[a-z][a-z0-9_]{1,47}$/.test(ind.key ?? ''))
      errors[`${at}.key`] = '指标代码由小写字母、数字和下划线组成（2至48位）';
    else if (seen.has(ind.key)) errors[`${at}.key`] = `指标代码“${ind.key}”重复`;
    seen.add(ind.key);
    if (!ind.name?.trim()) errors[`${at}.name`] = '请填写指标名称';
    if (!(typeof ind.weight === 'number' && Number.isFinite(ind.weight) && ind.weight > 0 && ind.weight <= 100))
      errors[`${at}.weight`] = '分值应为大于0、不超过100的数';
    const r = ind.rule;
    const known = (k: string, field: string) => {
      if (!isMetricKey(k)) errors[`${at}.rule.${field}`] = `统计项“${k}”不存在`;
    };
    if (!r || !['ratio', 'atLeast', 'atMost'].includes(r.kind)) {
      errors[`${at}.rule.kind`] = '计分方式应为比例（ratio）、不低于（atLeast）或不高于（atMost）';
      return;
    }
    if (!Number.isFinite(r.zero) || !Number.isFinite(r.full)) errors[`${at}.rule`] = '请填写得零分和得满分的阈值';
    if (r.kind === 'ratio') {
      known(r.numerator, 'numerator');
      known(r.denominator, 'denominator');
      if (!(r.full > r.zero && r.zero >= 0 && r.full <= 1))
        errors[`${at}.rule.full`] = '比例阈值应满足 0 ≤ 得零分阈值 < 得满分阈值 ≤ 1';
      if (r.noData !== 'full' && r.noData !== 'zero') errors[`${at}.rule.noData`] = '无数据时应为满分或零分';
    } else {
      known(r.metric, 'metric');
      if (r.kind === 'atLeast' && !(r.full > r.zero)) errors[`${at}.rule.full`] = '得满分阈值应大于得零分阈值';
      if (r.kind === 'atMost' && !(r.full < r.zero)) errors[`${at}.rule.full`] = '得满分阈值应小于得零分阈值';
    }
  });
  const total = (set.indicators ?? []).reduce((n, i) => n + (Number(i.weight) || 0), 0);
  if (Math.abs(total - TOTAL_POINTS) > 1e-9)
    errors.weights = `各指标分值（weight）之和应为${TOTAL_POINTS}，现为${Math.round(total * 100) / 100}`;
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

export interface IndicatorScore {
  key: string;
  points: number;
  max: number;
  /** The value the rule scored (a ratio 0–1 or a count), null when there was no data. */
  value: number | null;
  /** How many records the evidence counts (the rule's denominator or metric). */
  evidenceCount: number;
  /** The drill-down metric that lists those records, if any. */
  evidenceMetric: string | null;
  /** What would raise it; empty at full points. */
  advice: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function linear(value: number, zero: number, full: number): number {
  const share = (value - zero) / (full - zero);
  return Math.min(1, Math.max(0, share));
}

/** Scores one indicator over an agency's metrics. */
export function scoreIndicator(ind: Indicator, m: Metrics): IndicatorScore {
  const r = ind.rule;
  let share: number;
  let value: number | null;
  let evidenceKey: MetricKey;
  if (r.kind === 'ratio') {
    evidenceKey = r.denominator;
    const d = m[r.denominator] ?? 0;
    if (d <= 0) {
      value = null;
      share = r.noData === 'full' ? 1 : 0;
    } else {
      value = (m[r.numerator] ?? 0) / d;
      share = linear(value, r.zero, r.full);
    }
  } else {
    evidenceKey = r.metric;
    value = m[r.metric] ?? 0;
    share = r.kind === 'atLeast' ? linear(value, r.zero, r.full) : linear(-value, -r.zero, -r.full);
  }
  const points = round2(ind.weight * share);
  const missing = round2(ind.weight - points);
  return {
    key: ind.key,
    points,
    max: ind.weight,
    value: value === null ? null : Math.round(value * 10000) / 10000,
    evidenceCount: m[evidenceKey] ?? 0,
    evidenceMetric: SCORECARD_METRICS[evidenceKey].evidence,
    advice: missing > 0 ? `${ind.advice}（可再得${missing}分）` : '',
  };
}

export interface AgencyScore {
  total: number;
  indicators: IndicatorScore[];
}

/** Scores an agency: every indicator, and the total. */
export function scoreAgency(set: IndicatorSet, m: Metrics): AgencyScore {
  const indicators = set.indicators.map((i) => scoreIndicator(i, m));
  return { total: round2(indicators.reduce((n, i) => n + i.points, 0)), indicators };
}

/** Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4). */
export function rank<T extends { total: number }>(rows: T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  let previous = Number.NaN;
  let current = 0;
  return sorted.map((r, i) => {
    if (r.total !== previous) {
      current = i + 1;
      previous = r.total;
    }
    return { ...r, rank: current };
  });
}

/** What the metrics need to know of an agency's annual report for the year. */
export interface ReportFacts {
  /** Published, or its 第四十九条 deadline has passed. */
  due: boolean;
  publishedOnTime: boolean;
  /** R1–R4 errors of the published version. */
  arithmeticErrors: number;
}

/** An agency's metrics from its own statistics for the year and its report. */
export function metricsFrom(s: AdditiveStats, report: ReportFacts): Metrics {
  const a = s.applications;
  const c = s.catalog;
  return {
    'applications.received': a.received,
    'applications.closed': a.closed,
    'applications.closedOnTime': a.closed - a.closedLate,
    'applications.closedLate': a.closedLate,
    'applications.overdueNow': a.overdueNow,
    'applications.refusals': a.refusals,
    'applications.refusalsWithReasons': a.refusalsWithReasons,
    'catalog.published': c.published,
    'catalog.statutoryItems': Object.entries(c.byItem).filter(([k, n]) => k.startsWith('a20.') && n > 0).length,
    'catalog.timed': c.onTime + c.late,
    'catalog.onTime': c.onTime,
    'catalog.late': c.late,
    'catalog.overdueNow': c.overdueNow,
    'catalog.normativePublic': c.normativePublic,
    'catalog.normativeDated': c.normativeDated,
    'catalog.normativePublished': c.normativePublished,
    'catalog.interpretations': c.interpretations,
    'cases.concluded': s.cases.concluded,
    'cases.corrected': s.cases.corrected,
    'cases.notCorrected': s.cases.concluded - s.cases.corrected,
    'report.due': report.due ? 1 : 0,
    'report.publishedOnTime': report.publishedOnTime ? 1 : 0,
    'report.arithmeticErrors': report.arithmeticErrors,
  };
}
