/**
 * Table 三 (收到和处理政府信息公开申请情况) rows of both formats. The two versions differ only in
 * （六）其他处理: a single row in V2019, three leaf rows in V2021 (report-formats.md §3.4).
 */
import type { Table3Key, Table3Row } from './format-types.ts';

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';
const OTHER = '（六）其他处理';

function outcome(key: Table3Key, ...path: string[]): Table3Row {
  return { key, label: path[path.length - 1] ?? '', path: [RESULTS, ...path], outcome: true };
}

const HEAD: Table3Row[] = [
  {
    key: 'received',
    label: '一、本年新收政府信息公开申请数量',
    path: ['一、本年新收政府信息公开申请数量'],
    outcome: false,
  },
  {
    key: 'carried_in',
    label: '二、上年结转政府信息公开申请数量',
    path: ['二、上年结转政府信息公开申请数量'],
    outcome: false,
  },
  outcome('granted', '（一）予以公开'),
  outcome('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
  outcome('withheld_state_secret', WITHHELD, '1.属于国家秘密'),
  outcome('withheld_prohibited', WITHHELD, '2.其他法律行政法规禁止公开'),
  outcome('withheld_security_stability', WITHHELD, '3.危及“三安全一稳定”'),
  outcome('withheld_third_party', WITHHELD, '4.保护第三方合法权益'),
  outcome('withheld_internal', WITHHELD, '5.属于三类内部事务信息'),
  outcome('withheld_process', WITHHELD, '6.属于四类过程性信息'),
  outcome('withheld_enforcement_file', WITHHELD, '7.属于行政执法案卷'),
  outcome('withheld_query', WITHHELD, '8.属于行政查询事项'),
  outcome('unavailable_not_held', UNAVAILABLE, '1.本机关不掌握相关政府信息'),
  outcome('unavailable_needs_creation', UNAVAILABLE, '2.没有现成信息需要另行制作'),
  outcome('unavailable_unclear', UNAVAILABLE, '3.补正后申请内容仍不明确'),
  outcome('rejected_petition', REJECTED, '1.信访举报投诉类申请'),
  outcome('rejected_repeat', REJECTED, '2.重复申请'),
  outcome('rejected_publication', REJECTED, '3.要求提供公开出版物'),
  outcome('rejected_excessive', REJECTED, '4.无正当理由大量反复申请'),
  outcome('rejected_confirm', REJECTED, '5.要求行政机关确认或重新出具已获取信息'),
];

const TAIL: Table3Row[] = [
  { key: 'total', label: '（七）总计', path: [RESULTS, '（七）总计'], outcome: false },
  { key: 'carried_out', label: '四、结转下年度继续办理', path: ['四、结转下年度继续办理'], outcome: false },
];

/** V2019: （六）其他处理 is one row. 23 rows with numbers, 19 of them leaf outcomes. */
export const TABLE3_ROWS_V2019: readonly Table3Row[] = [...HEAD, outcome('other', OTHER), ...TAIL];

/** V2021: （六）其他处理 splits into three leaf rows. 25 rows with numbers, 21 leaf outcomes. */
export const TABLE3_ROWS_V2021: readonly Table3Row[] = [
  ...HEAD,
  outcome('other_no_correction', OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  outcome('other_no_fee', OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  outcome('other_other', OTHER, '3.其他'),
  ...TAIL,
];

/**
 * The outcome of a closed application = one leaf row of table 三 (V2021 leaves). The
 * applications engine records one of these per decision; V2019 reports fold the three
 * other_* keys into `other` (see foldV2021OutcomesToV2019).
 */
export const OUTCOME_KEYS = [
  'granted',
  'partial',
  'withheld_state_secret',
  'withheld_prohibited',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal',
  'withheld_process',
  'withheld_enforcement_file',
  'withheld_query',
  'unavailable_not_held',
  'unavailable_needs_creation',
  'unavailable_unclear',
  'rejected_petition',
  'rejected_repeat',
  'rejected_publication',
  'rejected_excessive',
  'rejected_confirm',
  'other_no_correction',
  'other_no_fee',
  'other_other',
] as const satisfies readonly Table3Key[];

/** A closed application's outcome (one V2021 leaf row of table 三). */
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** The seven applicant columns of table 三 (identical in both formats). */
export const TABLE3_COLUMNS = [
  { key: 'natural_person', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'public_interest', label: '社会公益组织' },
  { key: 'legal_services', label: '法律服务机构' },
  { key: 'other_org', label: '其他' },
  { key: 'total', label: '总计' },
] as const;

/** Applicant kinds (the six non-total columns), as the applications engine records them. */
export const APPLICANT_KINDS = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_services',
  'other_org',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** Index of the 总计 column in every table 三 row. */
export const TABLE3_TOTAL_COLUMN = 6;
