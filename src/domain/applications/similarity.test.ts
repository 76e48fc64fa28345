import { describe, expect, it } from 'vitest';
import {
  earlierSameRequests,
  isMassRequest,
  sameInformationGroups,
  similarity,
  type ComparableApplication,
} from './similarity.ts';

const app = (
  id: string,
  applicantHash: string,
  description: string,
  outcome: string | null,
): ComparableApplication => ({
  id,
  trackingNumber: `T${id}`,
  applicantHash,
  description,
  receivedDate: '2025-03-01',
  outcome,
});

describe('recognising the same information', () => {
  it('similar descriptions score high, different ones low', () => {
    expect(
      similarity(
        '2024年洛江区工业企业技术改造专项资金拨付明细',
        '申请公开2024年洛江区工业企业技术改造专项资金的拨付明细',
      ),
    ).toBeGreaterThan(0.8);
    expect(similarity('2024年技改资金拨付明细', '河市镇污水处理厂环评批复')).toBeLessThan(0.2);
  });
  it('第四十四条: two applicants, disclosable information → a suggestion; one applicant → none', () => {
    const apps = [
      app('1', 'a', '2024年技术改造专项资金拨付明细', 'granted'),
      app('2', 'b', '申请公开2024年技术改造专项资金的拨付明细', null),
      app('3', 'c', '局机关车辆购置情况', 'granted'),
    ];
    const groups = sameInformationGroups(apps);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.applicationIds).toEqual(['1', '2']);
    expect(sameInformationGroups([apps[0]!, { ...apps[1]!, applicantHash: 'a' }])).toEqual([]);
  });
  it('第四十四条 applies only to information that may be disclosed', () => {
    expect(
      sameInformationGroups([
        app('1', 'a', '专项资金拨付明细', 'withheld_process'),
        app('2', 'b', '专项资金拨付明细', null),
      ]),
    ).toEqual([]);
  });
  it('第三十六条第六项: an earlier answered request of the same applicant', () => {
    const earlier = [app('1', 'a', '专项资金拨付明细', 'granted'), app('2', 'b', '专项资金拨付明细', 'granted')];
    expect(earlierSameRequests(app('3', 'a', '专项资金拨付明细', null), earlier).map((e) => e.id)).toEqual(['1']);
  });
  it('第三十五条: the mass-request threshold is a setting', () => {
    expect(isMassRequest(9)).toBe(false);
    expect(isMassRequest(10)).toBe(true);
    expect(isMassRequest(3, { count: 3, days: 7 })).toBe(true);
  });
});
