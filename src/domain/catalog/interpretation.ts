/**
 * 政策解读 bound to the policy it explains. 国务院办公厅《〈关于全面推进政务公开工作的意见〉实施
 * 细则》（国办发〔2016〕80号）: 政策性文件与解读方案、解读材料应同步组织、同步审签、同步部署;
 * 解读 are published with the policy or after it, never before, and may take the form of text,
 * 图解, video and 问答. A 解读 explains one policy of its own agency.
 */
import type { CatalogState } from './workflow.ts';
import type { DocType } from './categories.ts';

/** Where 解读 are listed: the agency's category of this name under 第二十条第（一）项. */
export const INTERPRETATION_CATEGORY = '政策解读';
export const INTERPRETATION_STATUTORY_ITEM = 'a20.1';

/** A question and its answer (问答). */
export interface QaPair {
  question: string;
  answer: string;
}

export interface PolicyLike {
  agencyId: string;
  docType: DocType;
  statutoryItem: string;
  state: CatalogState;
  publishedAt: string | null;
}

/**
 * A policy is a 规章 or 规范性文件, or another document filed under 第二十条第（一）项
 * (行政法规、规章和规范性文件) — never a 解读 itself.
 */
export function isPolicy(item: Pick<PolicyLike, 'docType' | 'statutoryItem'>): boolean {
  if (item.docType === 'policy_interpretation') return false;
  return item.docType === 'rule' || item.docType === 'normative' || item.statutoryItem === 'a20.1';
}

/** Why `policy` cannot be what a 解读 of `agencyId` explains, or null. */
export function interpretationTargetProblem(agencyId: string, policy: PolicyLike | null): string | null {
  if (!policy) return '所解读的政策不存在';
  if (policy.agencyId !== agencyId) return '不能解读其他机关的政策，请选择本机关发布的政策文件';
  if (!isPolicy(policy)) return '所解读的信息不是政策文件（须为规章、规范性文件或第二十条第（一）项下的文件）';
  if (policy.state === 'withdrawn') return '所解读的政策已撤回';
  return null;
}

/**
 * 同步或在后发布: a 解读 may be published at `at` only when its policy is published at or before
 * that instant (a policy scheduled for later holds its 解读 back). Null when allowed.
 */
export function publicationOrderProblem(policy: PolicyLike & { title: string }, at: string): string | null {
  if (policy.state !== 'published' || policy.publishedAt === null)
    return `政策解读须与所解读的政策同步或在其后发布：《${policy.title}》尚未审核发布`;
  if (policy.publishedAt > at)
    return `政策解读须与所解读的政策同步或在其后发布：《${policy.title}》定于${policy.publishedAt}发布，请将解读定时在其后`;
  return null;
}

/** The reviewer's warning on a 规范性文件 without any 解读 drafted for it (null when none is due). */
export function missingInterpretationWarning(item: { docType: DocType }, interpretations: number): string | null {
  if (item.docType !== 'normative' || interpretations > 0) return null;
  return '本规范性文件尚无政策解读。按照国办发〔2016〕80号，政策性文件与解读材料应同步组织、同步审签、同步部署；请确认解读已安排或说明理由。';
}

/** Checks a video link: an http(s) address. Null when valid (or empty). */
export function videoUrlProblem(url: string): string | null {
  if (!url) return null;
  if (url.length > 500) return '视频链接不超过500个字符';
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return '视频链接须以 https:// 或 http:// 开头';
    return null;
  } catch {
    return '视频链接不是有效的网址';
  }
}

/** Checks the 问答: up to 30 pairs, each with a question and an answer. Null when valid. */
export function qaProblem(qa: readonly QaPair[]): string | null {
  if (qa.length > 30) return '问答不超过30条';
  for (const [i, p] of qa.entries()) {
    if (!p.question.trim() || !p.answer.trim()) return `第${i + 1}条问答须同时填写问题和回答`;
    if (p.question.length > 300 || p.answer.length > 5000)
      return `第${i + 1}条问答过长（问题不超过300字，回答不超过5000字）`;
  }
  return null;
}
