/** The year of a report from every form in which published reports state it, with the evidence. */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../tools/report-fixtures/render-text.ts';
import { emptyReport, getFormat } from '../../domain/report/index.ts';
import { readReportBytes } from './read-file.ts';
import { describeYear, fileNameYear, findYearEvidence, titleYear } from './report-year.ts';

const first = (text: string, fileName?: string) => findYearEvidence(text, fileName ? { fileName } : {}).evidence[0];

describe('year evidence', () => {
  it('reads titles with the agency before or after the year', () => {
    expect(titleYear('泉州市洛江区工业和信息化局 2020 年 政府信息公开工作年度报告')).toMatchObject({
      year: 2020,
      agency: '泉州市洛江区工业和信息化局',
    });
    expect(titleYear('2019年上海市人民政府办公厅政府信息公开工作年度报告')).toMatchObject({
      year: 2019,
      agency: '上海市人民政府办公厅',
    });
    expect(titleYear('2022年度某某镇人民政府政务公开工作年度报告')).toMatchObject({
      year: 2022,
      agency: '某某镇人民政府',
    });
    // A notice quoted in the body is not the title.
    expect(titleYear('根据《关于编制公布2021年政府信息公开工作年度报告有关事项的通知》')).toBeNull();
  });

  it('reads the statistics period in its forms', () => {
    expect(first('本报告统计期限从2019年1月1日到12月31日止。')).toEqual({
      year: 2019,
      basis: '统计期限',
      text: '从2019年1月1日到12月31日',
    });
    expect(first('所列数据的统计期限自2021年1月1日起至2021年12月31日止。')?.year).toBe(2021);
    expect(first('起止时间自 2020 年 1 月 1 日至 2020 年 12 月 31 日。')?.basis).toBe('统计期限');
  });

  it('falls back to a title line, the 发布日期, the signature and the file name, in that order', () => {
    expect(first('政府信息公开年报（2019年）\n正文')).toMatchObject({ year: 2019, basis: '标题行' });
    expect(first('某某局\n发布日期：2020-01-15\n一、总体情况')).toMatchObject({ year: 2019, basis: '发布日期' });
    expect(first('统计时间：2019年1月1日起\n正文')).toBeUndefined();
    expect(first('正文\n某某局\n2021年1月6日')).toMatchObject({ year: 2020, basis: '落款日期' });
    expect(first('正文', '/tmp/年报/2019年报.pdf')).toMatchObject({ year: 2019, basis: '文件名' });
    expect(fileNameYear('t20220208_80613.htm')).toBeNull();
    expect(describeYear({ year: 2019, basis: '标题' })).toBe('年度：2019，依据：标题');
  });
});

/** A correct 2019 report printed with a given title and intro, as text. */
function report(title: string, intro: string, date: string | null = '2020-01-20'): Buffer {
  const r = { ...emptyReport(getFormat('V2019'), { name: '上海市人民政府办公厅' }, 2019), date };
  const text = renderText({ report: r }, 'tab').split('\n');
  text[0] = title;
  text[1] = intro;
  return Buffer.from(text.join('\n'));
}

describe('reading a report by its year', () => {
  it('takes the year-first title, names the agency and shows the evidence', async () => {
    const res = await readReportBytes(report('2019年上海市人民政府办公厅政府信息公开工作年度报告', ''), 'a.txt');
    expect(res.error).toBeNull();
    expect(res.report).toMatchObject({ year: 2019, agency: { name: '上海市人民政府办公厅' } });
    expect(res.detection).toEqual({ year: 2019, yearBasis: '标题', format: 'V2019', formatBasis: '表格栏目' });
    expect(res.findings).toEqual([]);
  });

  it('reports a title and a statistics period that disagree', async () => {
    const res = await readReportBytes(
      report('2019年上海市人民政府办公厅政府信息公开工作年度报告', '统计期限从2018年1月1日到12月31日止。'),
      'a.txt',
    );
    expect(res.report?.year).toBe(2019);
    expect(res.findings).toEqual([
      {
        rule: 'year',
        severity: 'warning',
        where: 'year',
        message:
          '报告标题写明2019年度（「2019年上海市人民政府办公厅政府信息公开工作年度报告」），但统计期限为「从2018年1月1日到12月31日」，应为2019年1月1日至2019年12月31日；按标题读作2019年度。',
      },
    ]);
  });

  it('says when nothing states the year, and takes a stated one', async () => {
    const bare = report('政府信息公开工作年度报告', '', null);
    const res = await readReportBytes(bare, 'report.txt');
    expect(res.error).toMatch(/^无法确定报告所属年度.*--year 2019/);
    const stated = await readReportBytes(bare, 'report.txt', { stated: { year: 2019, agency: '某某局' } });
    expect(stated.error).toBeNull();
    expect(stated.report).toMatchObject({ year: 2019, agency: { name: '某某局' } });
    expect(stated.detection?.yearBasis).toBe('人工指定');
    const byName = await readReportBytes(bare, '2019年报.txt');
    expect(byName.detection?.yearBasis).toBe('文件名');
    expect(byName.findings.map((f) => f.rule)).toContain('year');
  });

  it('flags a stated year that the report contradicts', async () => {
    const res = await readReportBytes(report('2019年上海市人民政府办公厅政府信息公开工作年度报告', ''), 'a.txt', {
      stated: { year: 2020 },
    });
    expect(res.report?.year).toBe(2020);
    expect(res.findings.find((f) => f.rule === 'year')?.message).toMatch(/^人工指定为2020年度，但报告标题写的是2019年/);
  });
});
