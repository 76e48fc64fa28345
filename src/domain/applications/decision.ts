/**
 * The decision of a disclosure application: exactly one outcome (a V2021 leaf of table 三,
 * lifecycle.md "Outcomes"), its legal basis, and the facts particular outcomes need. Release
 * control: nothing leaves the office — reply letter or released file — before its 保密审查
 * (第十七条) and the office head's sign-off are recorded.
 */
import { LAPSE_OUTCOMES, isOutcomeKey, type OutcomeKey } from '../clock/outcomes.ts';
import { ValidationError } from '../errors.ts';

/** Chinese labels of the outcomes (table 三 leaf rows). */
export const OUTCOME_LABELS: Record<OutcomeKey, string> = {
  granted: '予以公开',
  partial: '部分公开',
  withheld_state_secret: '不予公开：属于国家秘密',
  withheld_prohibited: '不予公开：其他法律行政法规禁止公开',
  withheld_security_stability: '不予公开：危及“三安全一稳定”',
  withheld_third_party: '不予公开：保护第三方合法权益',
  withheld_internal: '不予公开：属于三类内部事务信息',
  withheld_process: '不予公开：属于四类过程性信息',
  withheld_enforcement_file: '不予公开：属于行政执法案卷',
  withheld_query: '不予公开：属于行政查询事项',
  unavailable_not_held: '无法提供：本机关不掌握相关政府信息',
  unavailable_needs_creation: '无法提供：没有现成信息需要另行制作',
  unavailable_unclear: '无法提供：补正后申请内容仍不明确',
  rejected_petition: '不予处理：信访举报投诉类申请',
  rejected_repeat: '不予处理：重复申请',
  rejected_publication: '不予处理：要求提供公开出版物',
  rejected_excessive: '不予处理：无正当理由大量反复申请',
  rejected_confirm: '不予处理：要求行政机关确认或重新出具已获取信息',
  other_no_correction: '其他处理：逾期不补正',
  other_no_fee: '其他处理：逾期未缴纳信息处理费',
  other_other: '其他处理：其他',
};

/** The default legal basis printed for each outcome (the handler may refine it). */
export const OUTCOME_BASIS: Record<OutcomeKey, string> = {
  granted: '第三十六条第一项、第二项',
  partial: '第三十七条',
  withheld_state_secret: '第十四条',
  withheld_prohibited: '第十四条',
  withheld_security_stability: '第十四条',
  withheld_third_party: '第十五条、第三十二条',
  withheld_internal: '第十六条第一款',
  withheld_process: '第十六条第二款',
  withheld_enforcement_file: '第十六条第二款',
  withheld_query: '第三十六条第七项',
  unavailable_not_held: '第三十六条第四项、第五项',
  unavailable_needs_creation: '第三十八条',
  unavailable_unclear: '第三十条',
  rejected_petition: '第三十九条第一款',
  rejected_repeat: '第三十六条第六项',
  rejected_publication: '第三十九条第二款',
  rejected_excessive: '第三十五条',
  rejected_confirm: '第三十六条',
  other_no_correction: '第三十条',
  other_no_fee: '第四十二条',
  other_other: '',
};

/**
 * The outcomes whose reply gives the applicant information (第三十六条第二项 予以公开, 第三十七条
 * 部分公开): the released version (提供文件, redacted where partial) goes with the reply, so it must
 * be attached — and reviewed with the letter — before the office head signs the reply off.
 */
export const RELEASING_OUTCOMES: readonly OutcomeKey[] = ['granted', 'partial'];

/**
 * Why a reply cannot be signed off for want of its released file, or null. Names what is missing,
 * in Chinese, for the office head and the handler.
 */
export function releasedFileMissing(outcome: string | null, releasedFiles: number): string | null {
  if (outcome === null || !(RELEASING_OUTCOMES as readonly string[]).includes(outcome) || releasedFiles > 0)
    return null;
  const what = OUTCOME_LABELS[outcome as OutcomeKey];
  const article = outcome === 'partial' ? '第三十七条' : '第三十六条第二项';
  return `不能负责人签发：${what}的答复须附提供给申请人的政府信息，尚未上传“提供文件（对外版本）”（${article}）。请承办人上传提供文件，经保密审查后再签发`;
}

/** What the handler drafts. */
export interface DecisionInput {
  readonly outcome: string;
  readonly legalBasis: string;
  /** Reasons (for 部分公开: why the withheld parts are withheld, 第三十七条). */
  readonly reasons: string;
  /** 第三十六条第五项: the agency responsible for the information, when it can be determined. */
  readonly responsibleAgency?: string | null;
  /** For a withheld_third_party decision: a consultation must have taken place (第三十二条). */
}

/** What the check needs about the application. */
export interface DecisionContext {
  readonly correctionReceived: boolean;
  readonly reasonsAsked: boolean;
  readonly consulted: boolean;
}

/** Validates a drafted decision; throws ValidationError with messages per field. */
export function checkDecision(input: DecisionInput, ctx: DecisionContext): OutcomeKey {
  const errors: Record<string, string> = {};
  const outcome = input.outcome;
  if (!isOutcomeKey(outcome)) errors.outcome = '请选择一种办理结果';
  else if (LAPSE_OUTCOMES.includes(outcome))
    errors.outcome = '逾期不补正、逾期未缴费由期限届满自动办结，不能作为答复结果';
  else {
    if (outcome === 'partial' && input.reasons.trim().length < 4)
      errors.reasons = '部分公开须对不予公开的内容说明理由（第三十七条）';
    if (outcome.startsWith('withheld_') && input.reasons.trim().length < 4)
      errors.reasons = '不予公开须说明理由（第三十六条第三项）';
    if (outcome === 'unavailable_unclear' && !ctx.correctionReceived)
      errors.outcome = '只有补正后申请内容仍不明确的，才能按此答复（第三十条）';
    if (outcome === 'rejected_excessive' && !ctx.reasonsAsked) errors.outcome = '须先要求申请人说明理由（第三十五条）';
    if (outcome === 'withheld_third_party' && !ctx.consulted)
      errors.outcome = '以保护第三方合法权益不予公开的，须先书面征求第三方意见（第三十二条）';
  }
  if (input.legalBasis.trim().length === 0) errors.legalBasis = '请填写法律依据';
  if (input.legalBasis.length > 200) errors.legalBasis = '不超过200个字符';
  if (input.reasons.length > 4000) errors.reasons = '不超过4000个字符';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return outcome as OutcomeKey;
}

/** The review records of one reply. */
export interface ReleaseRecords {
  readonly confidentialityReviewedAt: string | null;
  readonly confidentialityPassed: boolean;
  readonly signedOffAt: string | null;
  /** Released files still awaiting review (the applicant only ever receives reviewed, released versions). */
  readonly unreviewedReleasedFiles: number;
}

/** Why the reply cannot leave the office yet (empty when it may). */
export function releaseBlockers(r: ReleaseRecords): string[] {
  const out: string[] = [];
  if (r.confidentialityReviewedAt === null) out.push('尚未完成保密审查');
  else if (!r.confidentialityPassed) out.push('保密审查未通过');
  if (r.signedOffAt === null) out.push('尚未经政府信息公开工作机构负责人签发');
  if (r.unreviewedReleasedFiles > 0) out.push(`${r.unreviewedReleasedFiles}个提供文件未经保密审查`);
  return out;
}
