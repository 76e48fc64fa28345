/**
 * Every reply letter (one per outcome of table 三, and the lapse notices) rendered to PDF as the
 * applicant receives it: the 落款 shares its page with body text, the letter cites the legal
 * basis chosen, names the 复议机关 and the court, and has no doubled punctuation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { pdfPageTexts } from '../../../test/support/pdf.ts';
import { OUTCOME_BASIS } from '../../domain/applications/decision.ts';
import { citedBasis, letterOutcome, LETTER_KEYS, TEMPLATE_PLACEHOLDERS } from '../../domain/letters/index.ts';
import { renderLetter } from './letters.service.ts';

describeEachDialect('reply letters of every outcome, as PDF', (dialect) => {
  let t: TestApp;
  let gxj: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    gxj = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  const replies = LETTER_KEYS.filter((k) => letterOutcome(k) !== null);

  it.each(replies)('%s', async (key) => {
    const outcome = letterOutcome(key)!;
    const basis = citedBasis(key, outcome, OUTCOME_BASIS[outcome]);
    const sample: Record<string, string> = {
      申请人: '张三',
      申请编号: '洛工信依申〔2026〕7号',
      收到申请日期: '2026年3月2日',
      信息名称: '2025年度企业技术改造项目补助资金分配文件',
      答复期限: '2026年3月30日',
      法律依据: basis,
      // A reason typed with its own full stop: the template's 。 must not double it.
      不予公开理由: '涉及第三方商业秘密。',
      获取方式: '电子文本，电子邮件送达',
      负责机关: '泉州市洛江区财政局，联系电话0595-22000000',
      补正期限: '2026年3月23日',
      缴费期限: '2026年4月1日',
    };
    const values = Object.fromEntries(
      TEMPLATE_PLACEHOLDERS[key].filter((p) => p in sample).map((p) => [p, sample[p]!]),
    );
    const pdf = await renderLetter(t.ctx.db, gxj, key, { values, date: '2026-03-20' }, 'pdf');
    const pages = await pdfPageTexts(pdf.data);
    const all = pages.join('');
    const last = pages.find((p) => p.includes('2026年3月20日'))!;
    expect(last, 'the 落款 is on a page').toBeDefined();
    expect(
      last.replace(/泉州市洛江区工业和信息化局|2026年3月20日|— \d+ —/g, '').length,
      'the 落款 is alone',
    ).toBeGreaterThan(20);
    expect(all).not.toMatch(/[。，；：、][。，；]/);
    expect(all).toContain('六十日内向泉州市洛江区人民政府申请行政复议');
    expect(all).toContain('六个月内向泉州市洛江区人民法院提起行政诉讼');
    if (TEMPLATE_PLACEHOLDERS[key].includes('法律依据') && key !== 'other_other' && key !== 'rejected_confirm')
      expect(all.replace(/\s/g, '')).toContain(basis);
  });
});
