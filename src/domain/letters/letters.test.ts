import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS } from '../report/index.ts';
import { ValidationError } from '../errors.ts';
import { perPageFee, perPieceFee } from '../applications/fees.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { Calendar } from '../calendar/calendar.ts';
import {
  addressedToApplicant,
  DEFAULT_TEMPLATES,
  DOCUMENT_KINDS,
  feeBasisText,
  fillPlaceholders,
  LETTER_KEYS,
  letterOutcome,
  missingYearsOf,
  needsRelease,
  numberCorrectionItems,
  placeholderProblem,
  placeholdersIn,
  PLACEHOLDERS,
  provisionalDateText,
  withoutProvisionalNote,
  TEMPLATE_PLACEHOLDERS,
} from './index.ts';

describe('letter templates', () => {
  it('has a letter for every V2021 outcome and the seven notices, each citing an article and using only known placeholders', () => {
    for (const key of OUTCOME_KEYS) expect(DEFAULT_TEMPLATES[key], key).toBeDefined();
    expect(LETTER_KEYS).toHaveLength(OUTCOME_KEYS.length + 8);
    for (const key of LETTER_KEYS) {
      const t = DEFAULT_TEMPLATES[key];
      expect(placeholderProblem(t.title + t.recipient + t.body), key).toBeNull();
      // Replies cite the handler's legal basis ({{法律依据}}, citation.ts); notices and lapses their articles.
      if (key !== 'other_other' && key !== 'rejected_confirm')
        expect(t.body, key).toMatch(/第[一二三四五六七八九十]+条|国办函〔2020〕109号|根据\{\{法律依据\}\}的规定/);
    }
    expect(DEFAULT_TEMPLATES.correction_notice.body).toContain('{{补正事项}}');
    expect(DEFAULT_TEMPLATES.extension_notice.body).toContain('第三十三条');
    expect(DEFAULT_TEMPLATES.consultation_third_party.body).not.toContain('{{申请人}}');
    expect(letterOutcome('unavailable_not_responsible')).toBe('unavailable_not_held');
    expect(letterOutcome('fee_notice')).toBeNull();
  });

  it('each default template uses only the placeholders its letter is filled with; consultation letters never name the applicant', () => {
    for (const key of LETTER_KEYS) {
      const t = DEFAULT_TEMPLATES[key];
      expect(
        placeholderProblem(t.title + t.recipient + t.body, { name: t.name, placeholders: TEMPLATE_PLACEHOLDERS[key] }),
        key,
      ).toBeNull();
    }
    for (const key of ['consultation_third_party', 'consultation_agency', 'third_party_disclosure'] as const) {
      expect(TEMPLATE_PLACEHOLDERS[key]).not.toContain('申请人');
      expect(TEMPLATE_PLACEHOLDERS[key]).not.toContain('申请编号');
    }
    const t = DEFAULT_TEMPLATES.consultation_third_party;
    expect(
      placeholderProblem(`${t.body}申请人：{{申请人}}`, {
        name: t.name,
        placeholders: TEMPLATE_PLACEHOLDERS.consultation_third_party,
      }),
    ).toMatch(/^“征求意见书（第三方）”不能使用占位符：\{\{申请人\}\}/);
    expect(
      placeholderProblem('{{补正期限}}', {
        name: '延期答复告知书',
        placeholders: TEMPLATE_PLACEHOLDERS.extension_notice,
      }),
    ).toMatch(/不能使用占位符：\{\{补正期限\}\}/);
  });

  it('release control by kind: only the reply letter waits for 保密审查 and sign-off; the applicant never gets a letter to a consulted party', () => {
    expect(DOCUMENT_KINDS.filter(needsRelease)).toEqual(['reply_letter']);
    expect(DOCUMENT_KINDS.filter((k) => !addressedToApplicant(k))).toEqual([
      'consultation_letter',
      'third_party_notice',
    ]);
  });

  it("the 视为放弃申请告知书 of a lapse is filled with the application's facts and the lapsed period only (第三十条, 国办函〔2020〕109号)", () => {
    expect(TEMPLATE_PLACEHOLDERS.other_no_correction).toEqual([
      '机关名称',
      '答复日期',
      '联系电话',
      '复议机关',
      '管辖法院',
      '申请人',
      '申请编号',
      '收到申请日期',
      '信息名称',
      '补正期限',
    ]);
    expect(DEFAULT_TEMPLATES.other_no_correction.body).toContain('六十日内向{{复议机关}}申请行政复议');
    expect(TEMPLATE_PLACEHOLDERS.other_no_fee.at(-1)).toBe('缴费期限');
    expect(DEFAULT_TEMPLATES.other_no_correction.body).toMatch(/第三十条的规定，视为您放弃申请/);
    expect(DEFAULT_TEMPLATES.other_no_fee.body).toMatch(/国办函〔2020〕109号）的规定，视为您放弃申请/);
    expect(DEFAULT_TEMPLATES.third_party_disclosure.body).toMatch(/\{\{公开内容\}\}[\s\S]*\{\{公开理由\}\}/);
    expect(DEFAULT_TEMPLATES.third_party_disclosure.body).toContain('第三十二条');
  });

  it('a notice is provisional exactly when a date it states was counted through, or falls in, a year not loaded', () => {
    const loaded = Calendar.fromYears(loadBundledYears());
    const last = loaded.loadedYears.at(-1)!;
    const next = last + 1;
    expect(missingYearsOf(loaded, [{ from: `${last}-03-02`, to: `${last}-03-20` }])).toEqual([]);
    expect(missingYearsOf(loaded, [{ from: `${last}-12-20`, to: `${next}-01-12` }])).toEqual([next]);
    expect(missingYearsOf(loaded, [{ from: `${next}-02-01`, to: `${next}-02-01` }])).toEqual([next]);
    const stated = provisionalDateText(`${next}年1月18日`);
    expect(stated).toBe(`${next}年1月18日（暂定，以国务院办公厅公布的节假日安排为准）`);
    expect(provisionalDateText(stated)).toBe(stated);
    expect(withoutProvisionalNote(stated)).toBe(`${next}年1月18日`);
  });

  it('states the 国办函〔2020〕109号 computation band by band', () => {
    expect(feeBasisText(perPageFee(120))).toBe(
      '按量计收（国办函〔2020〕109号第五条），共120页：第1—30页不收费；第31—100页每页10元，计700元；第101—120页每页20元，计400元',
    );
    expect(feeBasisText(perPieceFee(10, 2))).toBe(
      '按件计收（国办函〔2020〕109号第四条），本申请计2件（申请人本自然月内累计第11—12件）：第11—12件每件100元，计200元',
    );
    expect(feeBasisText(perPieceFee(29, 2))).toBe(
      '按件计收（国办函〔2020〕109号第四条），本申请计2件（申请人本自然月内累计第30—31件）：第30件每件100元，计100元；第31件每件200元，计200元',
    );
  });

  it('refuses unknown placeholders and unpaired braces in Chinese', () => {
    expect(placeholderProblem('{{申请人}}：{{申请日}}')).toMatch(
      /^未知的占位符：\{\{申请日\}\}。可用的占位符有：\{\{申请人\}\}/,
    );
    expect(placeholderProblem('{{申请人}：')).toContain('花括号不成对');
    expect(placeholdersIn('{{ 申请人 }}与{{信息名称}}、{{申请人}}')).toEqual(['申请人', '信息名称']);
    expect(Object.keys(PLACEHOLDERS)).toEqual(
      expect.arrayContaining([
        '申请人',
        '收到申请日期',
        '答复期限',
        '信息名称',
        '法律依据',
        '不予公开理由',
        '负责机关',
        '联系电话',
      ]),
    );
  });

  it('fills values and names every missing one', () => {
    expect(fillPlaceholders('{{申请人}}：您申请的“{{信息名称}}”', { 申请人: '张三', 信息名称: '2024年预算' })).toBe(
      '张三：您申请的“2024年预算”',
    );
    try {
      fillPlaceholders('{{申请人}}{{补正事项}}{{补正期限}}', { 申请人: '张三', 补正事项: ' ' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields.values).toBe('缺少占位符的内容：补正事项、补正期限');
    }
  });
});

describe('补正告知书: the items numbered (第三十条 一次性告知)', () => {
  it('numbers each line 1. 2. 3., replacing numbers typed by hand and dropping blank lines', () => {
    expect(numberCorrectionItems('请写明项目名称\n\n请写明所需材料的年度；')).toBe(
      '1.请写明项目名称。\n2.请写明所需材料的年度。',
    );
    expect(numberCorrectionItems('（1）请写明企业名称\r\n2、请写明年度。\n③ 请提供身份证明')).toBe(
      '1.请写明企业名称。\n2.请写明年度。\n3.请提供身份证明。',
    );
    // A decimal at the start is content, not a number.
    expect(numberCorrectionItems('1.5吨以上锅炉的清单')).toBe('1.1.5吨以上锅炉的清单。');
  });
});
