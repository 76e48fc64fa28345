import { describe, expect, it } from 'vitest';
import {
  objectingThirdParties,
  thirdPartyBlocker,
  thirdPartyNoticesMissing,
  type StoredEventLike,
} from './third-party.ts';

let seq = 0;
const ev = (type: string, payload: Record<string, unknown> = {}): StoredEventLike => ({ seq: ++seq, type, payload });

describe('第三十二条: telling an objecting third party of a decision to disclose', () => {
  const a = ev('consultationSent', { party: 'third', consultationId: 'a', partyName: '甲公司' });
  const b = ev('consultationSent', { party: 'third', consultationId: 'b', partyName: '乙公司' });
  const agency = ev('consultationSent', { party: 'agency', consultationId: 'c', partyName: '发改局' });
  const answers = [
    ev('consultationAnswered', { consultationId: 'a', opinion: 'object' }),
    ev('consultationAnswered', { consultationId: 'b', opinion: 'agree' }),
    ev('consultationAnswered', { consultationId: 'c', opinion: 'object' }),
  ];

  it('only third parties whose latest answer objects; an agency (第三十四条) is not a third party', () => {
    expect(objectingThirdParties([a, b, agency, ...answers])).toEqual([{ consultationId: 'a', partyName: '甲公司' }]);
    // A later answer replaces an earlier one.
    expect(
      objectingThirdParties([a, b, ...answers, ev('consultationAnswered', { consultationId: 'a', opinion: 'agree' })]),
    ).toEqual([]);
  });

  it('needed only for a disclosing decision, met by a notice after the latest draft of it', () => {
    const drafted = ev('decisionDrafted', { outcome: 'granted' });
    const base = [a, b, ...answers, drafted];
    expect(thirdPartyNoticesMissing('granted', base).map((p) => p.partyName)).toEqual(['甲公司']);
    expect(thirdPartyNoticesMissing('partial', base)).toHaveLength(1);
    expect(thirdPartyNoticesMissing('withheld_third_party', base)).toEqual([]);
    expect(thirdPartyNoticesMissing(null, base)).toEqual([]);
    const told = [...base, ev('thirdPartyNotified', { consultationId: 'a' })];
    expect(thirdPartyNoticesMissing('granted', told)).toEqual([]);
    // Drafted again: the notice announced the earlier decision.
    expect(thirdPartyNoticesMissing('granted', [...told, ev('decisionDrafted', { outcome: 'granted' })])).toHaveLength(
      1,
    );
    // A 部分公开 that withholds what the party objected to discloses nothing of theirs.
    expect(
      thirdPartyNoticesMissing('partial', [
        a,
        b,
        ...answers,
        ev('decisionDrafted', { outcome: 'partial', thirdPartyWithheld: true }),
      ]),
    ).toEqual([]);
    expect(thirdPartyBlocker([{ consultationId: 'a', partyName: '甲公司' }])).toMatch(/第三十二条.*尚未告知：甲公司$/);
    expect(thirdPartyBlocker([])).toBeNull();
  });
});
