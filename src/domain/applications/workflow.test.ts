import { describe, expect, it } from 'vitest';
import { assertStep, availableSteps, extensionRefusalProblem, stepBlocker, type Situation } from './workflow.ts';

const base: Situation = {
  clockState: 'running',
  correctionRequested: false,
  openConsultations: 0,
  unansweredConsultations: 0,
  closedBy: null,
  extensionRequested: false,
  extensionDaysUsed: 0,
  maxExtensionDays: 20,
  replyDue: '2025-03-10',
  today: '2025-03-01',
  reasonsAsked: false,
  feeNoticed: false,
  feeReceiptUnknown: false,
  decision: null,
  thirdPartyNoticesMissing: [],
  archived: false,
};

describe('workflow guards', () => {
  it('第三十一条: nothing but confirmation (or withdrawal) before receipt is confirmed', () => {
    const steps = availableSteps({ ...base, clockState: 'awaitingConfirmation', replyDue: null });
    expect(steps).toEqual(['confirmReceipt', 'assign', 'withdraw']);
  });
  it('第三十条: the correction notice is given once', () => {
    expect(stepBlocker('requestCorrection', base)).toBeNull();
    expect(stepBlocker('requestCorrection', { ...base, correctionRequested: true })).toMatch(/一次性/);
  });
  it('第三十三条第二款: the head approves an extension (dated; checked against the due date on that date), at most 20 days in all', () => {
    expect(stepBlocker('approveExtension', { ...base, extensionRequested: true })).toBeNull();
    // An approval given on paper before the due date may be entered after it: the date decides, not today.
    expect(stepBlocker('approveExtension', { ...base, extensionRequested: true, today: '2025-03-11' })).toBeNull();
    expect(stepBlocker('approveExtension', base)).toMatch(/没有待批准/);
    expect(stepBlocker('requestExtension', { ...base, extensionDaysUsed: 20 })).toMatch(/20个工作日/);
  });
  it('第三十三条第二款: the head may refuse a pending extension, only with a reason', () => {
    expect(stepBlocker('refuseExtension', { ...base, extensionRequested: true })).toBeNull();
    expect(stepBlocker('refuseExtension', base)).toMatch(/没有待批准/);
    expect(availableSteps({ ...base, extensionRequested: true })).toEqual(
      expect.arrayContaining(['approveExtension', 'refuseExtension']),
    );
    expect(extensionRefusalProblem(undefined)).toMatch(/请写明不批准延期的理由/);
    expect(extensionRefusalProblem('   ')).toMatch(/请写明不批准延期的理由/);
    expect(extensionRefusalProblem('x'.repeat(2001))).toMatch(/不超过2000个字/);
    expect(extensionRefusalProblem('材料已齐备，可按期答复')).toBeNull();
  });
  it('release control: review, then sign-off, then the reply may leave', () => {
    expect(stepBlocker('reply', { ...base, decision: 'draft' })).toMatch(/保密审查/);
    expect(stepBlocker('signOff', { ...base, decision: 'draft' })).toMatch(/保密审查/);
    expect(stepBlocker('signOff', { ...base, decision: 'reviewed' })).toBeNull();
    expect(stepBlocker('reply', { ...base, decision: 'signed' })).toBeNull();
  });
  it("第三十二条: a decision to disclose over a third party's objection is told to that party before the reply leaves", () => {
    const objecting = { ...base, decision: 'signed' as const, thirdPartyNoticesMissing: ['某机械有限公司'] };
    expect(stepBlocker('reply', objecting)).toBe(
      '须先将决定公开的内容和理由书面告知第三方（第三十二条）：某机械有限公司',
    );
    expect(stepBlocker('notifyThirdParty', objecting)).toBeNull();
    expect(stepBlocker('notifyThirdParty', { ...objecting, decision: 'draft' })).toBeNull();
    expect(stepBlocker('notifyThirdParty', { ...base, decision: 'signed' })).toMatch(/没有需要书面告知的第三方/);
    expect(stepBlocker('notifyThirdParty', { ...objecting, decision: null })).toMatch(/尚未拟定答复/);
    expect(stepBlocker('notifyThirdParty', { ...objecting, decision: 'sent' })).toMatch(/答复已送达/);
  });
  it('第三十五条: a delayed-reply period needs reasons asked first', () => {
    expect(stepBlocker('setDelayedReply', base)).toMatch(/说明理由/);
    expect(stepBlocker('setDelayedReply', { ...base, reasonsAsked: true })).toBeNull();
  });
  it("facts entered late: an answer past the party's deadline, a correction or payment after the sweep recorded the lapse", () => {
    expect(stepBlocker('recordConsultationAnswer', { ...base, unansweredConsultations: 1 })).toBeNull();
    expect(stepBlocker('recordConsultationAnswer', base)).toMatch(/没有尚未登记答复/);
    const lapsed = { ...base, clockState: 'closed' as const, correctionRequested: true };
    expect(stepBlocker('recordCorrection', { ...lapsed, closedBy: 'correctionLapsed' })).toBeNull();
    expect(stepBlocker('recordFeePaid', { ...lapsed, closedBy: 'correctionLapsed' })).toBe('申请已办结');
    expect(stepBlocker('recordFeePaid', { ...lapsed, closedBy: 'feeLapsed' })).toBeNull();
    expect(stepBlocker('recordCorrection', { ...lapsed, closedBy: 'replied' })).toBe('申请已办结');
    expect(stepBlocker('recordCorrection', { ...lapsed, closedBy: 'correctionLapsed', archived: true })).toBe(
      '申请已归档',
    );
  });
  it('第四十五条: archive once closed, and nothing after archiving', () => {
    expect(stepBlocker('archive', base)).toMatch(/办结后/);
    expect(availableSteps({ ...base, clockState: 'closed' })).toEqual(['archive']);
    expect(availableSteps({ ...base, clockState: 'closed', archived: true })).toEqual([]);
  });
  it('assertStep throws STEP_NOT_ALLOWED with the reason', () => {
    expect(() => assertStep('recordCorrection', base)).toThrow(/不能登记补正：当前没有待补正事项/);
  });
});
