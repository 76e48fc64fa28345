import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { caseCountsInYear, countCases, resultAtYearEnd, table4Rows, type CaseFacts } from './cases.ts';
import { validateCase, type CaseFields } from './validate.ts';

const c = (
  kind: CaseFacts['kind'],
  filedDate: string,
  concludedDate: string | null,
  result: CaseFacts['result'],
): CaseFacts => ({ kind, filedDate, concludedDate, result });

describe('table 四 counting (lifecycle.md)', () => {
  const cases: CaseFacts[] = [
    c('reconsideration', '2025-03-01', '2025-05-10', 'upheld'), // filed and concluded in 2025
    c('reconsideration', '2024-11-01', '2025-02-01', 'corrected'), // pending on 1 Jan 2025 → counts, corrected
    c('reconsideration', '2024-06-01', '2024-12-31', 'upheld'), // concluded before 2025 → not counted
    c('litigation_direct', '2025-12-01', '2026-02-01', 'other'), // concluded after the year → 尚未审结 in 2025
    c('litigation_direct', '2023-05-01', null, 'pending'), // long pending → counts every year
    c('litigation_after_reconsideration', '2026-01-02', null, 'pending'), // filed after 2025 → not counted
    c('litigation_after_reconsideration', '2024-12-31', '2025-01-01', 'other'), // concluded on 1 January: still pending that morning
  ];

  it('counts a case filed in Y or pending on 1 January Y, in its column as of 31 December Y, and which of them were carried over', () => {
    expect(countCases(cases, 2025)).toEqual({
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 0, carriedIn: 1 },
      litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 2, carriedIn: 1 },
      litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, carriedIn: 1 },
    });
    expect(table4Rows(countCases(cases, 2025))).toEqual({
      reconsideration: [1, 1, 0, 0, 2],
      litigation_direct: [0, 0, 0, 2, 2],
      litigation_after_reconsideration: [0, 0, 1, 0, 1],
    });
  });

  it('with casesFiledInYearOnly counts only the cases filed in the year', () => {
    expect(table4Rows(countCases(cases, 2025, { casesFiledInYearOnly: true }))).toEqual({
      reconsideration: [1, 0, 0, 0, 1],
      litigation_direct: [0, 0, 0, 1, 1],
      litigation_after_reconsideration: [0, 0, 0, 0, 0],
    });
  });

  it('the same case moves from 尚未审结 to its result in the year it concludes', () => {
    const k = cases[3]!;
    expect(resultAtYearEnd(k, 2025)).toBe('pending');
    expect(resultAtYearEnd(k, 2026)).toBe('other');
    expect(caseCountsInYear(k, 2026)).toBe(true);
    expect(caseCountsInYear(k, 2027)).toBe(false);
    expect(caseCountsInYear(k, 2024)).toBe(false);
  });
});

describe('validateCase', () => {
  const good: CaseFields = {
    kind: 'reconsideration',
    caseNumber: '泉洛政复〔2025〕3号',
    party: '张三',
    organ: '泉州市洛江区人民政府',
    subject: '不服答复',
    filedDate: '2025-03-01',
    concludedDate: null,
    result: 'pending',
    resultNote: '',
    applicationId: null,
  };
  const errors = (f: Partial<CaseFields>) => {
    try {
      validateCase({ ...good, ...f }, '2025-06-30');
      return {};
    } catch (e) {
      if (e instanceof ValidationError) return e.fields;
      throw e;
    }
  };

  it('accepts a pending case and a concluded one', () => {
    expect(errors({})).toEqual({});
    expect(errors({ concludedDate: '2025-05-01', result: 'upheld' })).toEqual({});
  });

  it('names every wrong field in Chinese', () => {
    expect(errors({ party: ' ', organ: '', filedDate: '2025-02-30' })).toEqual({
      party: '请填写复议申请人',
      organ: '请填写复议机关',
      filedDate: '请填写受理（立案）日期，格式 YYYY-MM-DD',
    });
    expect(errors({ kind: 'litigation_direct', party: '', organ: '' })).toEqual({
      party: '请填写原告',
      organ: '请填写受理法院',
    });
    expect(errors({ concludedDate: '2025-02-01', result: 'upheld' })).toEqual({
      concludedDate: '审结日期不能早于受理（立案）日期',
    });
    expect(errors({ concludedDate: '2025-04-01' })).toEqual({
      result: '已填写审结日期的案件，请选择结果维持、结果纠正或其他结果',
    });
    expect(errors({ result: 'corrected' })).toEqual({ concludedDate: '已有审理结果的案件，请填写审结日期' });
    expect(errors({ filedDate: '2025-07-01' })).toEqual({ filedDate: '受理（立案）日期不能晚于今天' });
    expect(errors({ kind: 'appeal' as never })).toHaveProperty('kind');
  });
});
