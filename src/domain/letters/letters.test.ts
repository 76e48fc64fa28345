import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS } from '../report/index.ts';
import { ValidationError } from '../errors.ts';
import { DEFAULT_TEMPLATES, fillPlaceholders, LETTER_KEYS, letterOutcome, placeholderProblem, placeholdersIn, PLACEHOLDERS } from './index.ts';

describe('letter templates', () => {
  it('has a reply letter for every V2021 outcome and the five notices, each citing an article and using only known placeholders', () => {
    for (const key of OUTCOME_KEYS) expect(DEFAULT_TEMPLATES[key], key).toBeDefined();
    expect(LETTER_KEYS).toHaveLength(OUTCOME_KEYS.length + 6);
    for (const key of LETTER_KEYS) {
      const t = DEFAULT_TEMPLATES[key];
      expect(placeholderProblem(t.title + t.recipient + t.body), key).toBeNull();
      if (key !== 'other_other' && key !== 'rejected_confirm') expect(t.body, key).toMatch(/第[一二三四五六七八九十]+条|国办函〔2020〕109号/);
    }
    expect(DEFAULT_TEMPLATES.correction_notice.body).toContain('{{补正事项}}');
    expect(DEFAULT_TEMPLATES.extension_notice.body).toContain('第三十三条');
    expect(DEFAULT_TEMPLATES.consultation_third_party.body).not.toContain('{{申请人}}');
    expect(letterOutcome('unavailable_not_responsible')).toBe('unavailable_not_held');
    expect(letterOutcome('fee_notice')).toBeNull();
  });

  it('refuses unknown placeholders and unpaired braces in Chinese', () => {
    expect(placeholderProblem('{{申请人}}：{{申请日}}')).toMatch(/^未知的占位符：\{\{申请日\}\}。可用的占位符有：\{\{申请人\}\}/);
    expect(placeholderProblem('{{申请人}：')).toContain('花括号不成对');
    expect(placeholdersIn('{{ 申请人 }}与{{信息名称}}、{{申请人}}')).toEqual(['申请人', '信息名称']);
    expect(Object.keys(PLACEHOLDERS)).toEqual(expect.arrayContaining(['申请人', '收到申请日期', '答复期限', '信息名称', '法律依据', '不予公开理由', '负责机关', '联系电话']));
  });

  it('fills values and names every missing one', () => {
    expect(fillPlaceholders('{{申请人}}：您申请的“{{信息名称}}”', { 申请人: '张三', 信息名称: '2024年预算' })).toBe('张三：您申请的“2024年预算”');
    try {
      fillPlaceholders('{{申请人}}{{补正事项}}{{补正期限}}', { 申请人: '张三', 补正事项: ' ' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields.values).toBe('缺少占位符的内容：补正事项、补正期限');
    }
  });
});
