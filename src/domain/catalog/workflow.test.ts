import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import { isPublic, transition, type WorkflowActor, type WorkflowItem } from './workflow.ts';

const clerk: WorkflowActor = { id: 'u-clerk', canEdit: true, canReview: false, canApprove: false };
const reviewer: WorkflowActor = { id: 'u-rev', canEdit: false, canReview: true, canApprove: false };
const approver: WorkflowActor = { id: 'u-app', canEdit: false, canReview: false, canApprove: true };
const item = (state: WorkflowItem['state'], authorId = 'u-clerk'): WorkflowItem => ({
  state,
  authorId,
  reviewerId: null,
});

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
}

describe('publishing workflow', () => {
  it('draft → 保密审查 → 审核 → published, each step recorded', () => {
    expect(transition(item('draft'), { kind: 'submit' }, clerk).to).toBe('confidentiality_review');
    const review = transition(
      item('confidentiality_review'),
      { kind: 'confidentiality_pass', opinion: '不涉密' },
      reviewer,
    );
    expect(review).toEqual({
      to: 'approval',
      record: { step: 'confidentiality_pass', result: 'pass', opinion: '不涉密' },
    });
    expect(
      transition(item('approval'), { kind: 'approve', opinion: '', publishAt: null }, approver).record.opinion,
    ).toBe('同意发布');
  });

  it('the author may not clear his own text, even holding the reviewer role', () => {
    const both: WorkflowActor = { id: 'u-clerk', canEdit: true, canReview: true, canApprove: true };
    expect(
      code(() => transition(item('confidentiality_review'), { kind: 'confidentiality_pass', opinion: '不涉密' }, both)),
    ).toBe('CATALOG_SAME_PERSON');
    expect(code(() => transition(item('approval'), { kind: 'approve', opinion: '', publishAt: null }, both))).toBe(
      'CATALOG_SAME_PERSON',
    );
  });

  it('a confidentiality result needs an opinion and the reviewer role', () => {
    expect(
      code(() => transition(item('confidentiality_review'), { kind: 'confidentiality_pass', opinion: '  ' }, reviewer)),
    ).toBe('VALIDATION_FAILED');
    expect(
      code(() =>
        transition(item('confidentiality_review'), { kind: 'confidentiality_pass', opinion: '可以' }, approver),
      ),
    ).toBe('FORBIDDEN');
  });

  it('steps cannot be skipped or repeated', () => {
    expect(code(() => transition(item('draft'), { kind: 'approve', opinion: '', publishAt: null }, approver))).toBe(
      'CATALOG_STATE',
    );
    expect(
      code(() =>
        transition(item('confidentiality_review'), { kind: 'approve', opinion: '', publishAt: null }, approver),
      ),
    ).toBe('CATALOG_STATE');
    expect(code(() => transition(item('published'), { kind: 'submit' }, clerk))).toBe('CATALOG_STATE');
    expect(code(() => transition(item('draft'), { kind: 'withdraw', reason: 'x' }, approver))).toBe('CATALOG_STATE');
  });

  it('send back with comments from either review step, by that step’s reviewer', () => {
    expect(
      transition(item('confidentiality_review'), { kind: 'send_back', comment: '第三段涉及个人信息' }, reviewer),
    ).toMatchObject({ to: 'draft', record: { result: 'return' } });
    expect(transition(item('approval'), { kind: 'send_back', comment: '文号有误' }, approver).to).toBe('draft');
    expect(code(() => transition(item('approval'), { kind: 'send_back', comment: '文号有误' }, reviewer))).toBe(
      'FORBIDDEN',
    );
    expect(code(() => transition(item('approval'), { kind: 'send_back', comment: '' }, approver))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(() => transition(item('draft'), { kind: 'send_back', comment: 'x' }, approver))).toBe('CATALOG_STATE');
  });

  it('withdraw and correct need a reason and an approver', () => {
    expect(transition(item('published'), { kind: 'withdraw', reason: '信息已过时' }, approver).to).toBe('withdrawn');
    expect(transition(item('published'), { kind: 'correct', reason: '更正错别字' }, approver).to).toBe('published');
    expect(code(() => transition(item('published'), { kind: 'withdraw', reason: '' }, approver))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(() => transition(item('published'), { kind: 'withdraw', reason: '过时' }, clerk))).toBe('FORBIDDEN');
  });

  it('a scheduled item becomes public at its instant', () => {
    expect(isPublic('published', '2026-03-02T02:00:00.000Z', '2026-03-02T01:59:59.999Z')).toBe(false);
    expect(isPublic('published', '2026-03-02T02:00:00.000Z', '2026-03-02T02:00:00.000Z')).toBe(true);
    expect(isPublic('approval', null, '2026-03-02T02:00:00.000Z')).toBe(false);
  });
});
