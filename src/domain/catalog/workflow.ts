/**
 * The publishing workflow of a catalog item (主动公开信息). Nothing is published without its
 * review records (DESIGN.md non-negotiable 4): a draft goes to 保密审查 (《中华人民共和国保守国家
 * 秘密法》; 条例 第十七条: agencies establish confidentiality review before disclosure) by a
 * reviewer who is not its author, then to 发布审核 by an approver, and only then is it published —
 * at once or at a scheduled instant. Any review step may send it back with comments. A published
 * item may be withdrawn or corrected, each with a reason; both stay in its public history.
 */
import { DomainError, type ErrorCode } from '../errors.ts';

export const CATALOG_STATES = ['draft', 'confidentiality_review', 'approval', 'published', 'withdrawn'] as const;
export type CatalogState = (typeof CATALOG_STATES)[number];

export const STATE_LABELS: Record<CatalogState, string> = {
  draft: '草稿',
  confidentiality_review: '保密审查',
  approval: '发布审核',
  published: '已发布',
  withdrawn: '已撤回',
};

export type WorkflowAction =
  | { kind: 'submit' }
  | { kind: 'confidentiality_pass'; opinion: string }
  | { kind: 'approve'; opinion: string; publishAt: string | null }
  | { kind: 'send_back'; comment: string }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'correct'; reason: string };

export const ACTION_LABELS: Record<WorkflowAction['kind'], string> = {
  submit: '提交保密审查',
  confidentiality_pass: '保密审查通过',
  approve: '发布审核通过',
  send_back: '退回修改',
  withdraw: '撤回',
  correct: '更正',
};

/** Who is acting, as far as the rules care. */
export interface WorkflowActor {
  readonly id: string | null;
  /** May 起草 and submit (clerk, handler, office head). */
  readonly canEdit: boolean;
  /** 保密审查员. */
  readonly canReview: boolean;
  /** 发布审核 (approver, office head). */
  readonly canApprove: boolean;
}

export interface WorkflowItem {
  readonly state: CatalogState;
  readonly authorId: string | null;
  /** Who passed the confidentiality review of the current round. */
  readonly reviewerId: string | null;
}

export interface Transition {
  readonly to: CatalogState;
  /** The review record to store: step, result and opinion. */
  readonly record: { step: WorkflowAction['kind']; result: 'pass' | 'return' | 'done'; opinion: string };
}

function refuse(code: ErrorCode, message: string): never {
  throw new DomainError(code, message);
}

function need(text: string, what: string): string {
  const t = text.trim();
  if (!t) throw new DomainError('VALIDATION_FAILED', `请填写${what}`, { fields: { reason: `请填写${what}` } });
  return t;
}

/**
 * The next state for `action` on `item` by `actor`, or a DomainError explaining why not.
 * Pure: the service stores the record and the new state in one transaction.
 */
export function transition(item: WorkflowItem, action: WorkflowAction, actor: WorkflowActor): Transition {
  const from = item.state;
  const bad = () => refuse('CATALOG_STATE', `当前状态为「${STATE_LABELS[from]}」，不能${ACTION_LABELS[action.kind]}`);
  switch (action.kind) {
    case 'submit':
      if (from !== 'draft') bad();
      if (!actor.canEdit) refuse('FORBIDDEN', '您没有起草和提交主动公开信息的权限');
      return { to: 'confidentiality_review', record: { step: 'submit', result: 'done', opinion: '' } };
    case 'confidentiality_pass':
      if (from !== 'confidentiality_review') bad();
      if (!actor.canReview) refuse('FORBIDDEN', '只有保密审查员可以进行保密审查');
      // Review by a second person: the author cannot clear his own text.
      if (actor.id !== null && actor.id === item.authorId)
        refuse('CATALOG_SAME_PERSON', '保密审查须由起草人以外的人员进行');
      return {
        to: 'approval',
        record: { step: 'confidentiality_pass', result: 'pass', opinion: need(action.opinion, '保密审查意见') },
      };
    case 'approve':
      if (from !== 'approval') bad();
      if (!actor.canApprove) refuse('FORBIDDEN', '只有发布审核人可以审核发布');
      if (actor.id !== null && actor.id === item.authorId)
        refuse('CATALOG_SAME_PERSON', '发布审核须由起草人以外的人员进行');
      return {
        to: 'published',
        record: { step: 'approve', result: 'pass', opinion: action.opinion.trim() || '同意发布' },
      };
    case 'send_back':
      if (from === 'confidentiality_review') {
        if (!actor.canReview) refuse('FORBIDDEN', '只有保密审查员可以在保密审查环节退回');
      } else if (from === 'approval') {
        if (!actor.canApprove) refuse('FORBIDDEN', '只有发布审核人可以在审核环节退回');
      } else bad();
      return {
        to: 'draft',
        record: { step: 'send_back', result: 'return', opinion: need(action.comment, '退回意见') },
      };
    case 'withdraw':
      if (from !== 'published') bad();
      if (!actor.canApprove) refuse('FORBIDDEN', '只有发布审核人可以撤回已发布信息');
      return {
        to: 'withdrawn',
        record: { step: 'withdraw', result: 'done', opinion: need(action.reason, '撤回理由') },
      };
    case 'correct':
      if (from !== 'published') bad();
      // A correction changes published text: it is made by an approver, who answers for it
      // as for a publication, and its reason stays on the public page.
      if (!actor.canApprove) refuse('FORBIDDEN', '只有发布审核人可以更正已发布信息');
      return { to: 'published', record: { step: 'correct', result: 'done', opinion: need(action.reason, '更正理由') } };
  }
}

/** Whether an item in this state may still be edited freely (only drafts). */
export function isEditable(state: CatalogState): boolean {
  return state === 'draft';
}

/** Whether the public may see an item: published (or withdrawn, showing its history) and its publication instant reached. */
export function isPublic(state: CatalogState, publishedAt: string | null, nowIso: string): boolean {
  return (state === 'published' || state === 'withdrawn') && publishedAt !== null && publishedAt <= nowIso;
}
