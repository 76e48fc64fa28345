import { describe, expect, it } from 'vitest';
import {
  assembleReport,
  carriedCases,
  checkNarrativeSections,
  draftNarrative,
  emptyFigures,
  missingSections,
  selfReference,
  validateReport,
} from './index.ts';
import { luojiang2020 } from './figures.fixtures.ts';

const GXJ = {
  name: '泉州市洛江区工业和信息化局',
  shortName: '洛江区工信局',
  level: 'department' as const,
  phone: '0595-22630152',
};

describe('narrative draft', () => {
  it('writes 一（一）and 一（二）of the 2020 sample in its own words and numbers', () => {
    const f = luojiang2020();
    const r = assembleReport({ agency: { name: GXJ.name }, year: 2020, figures: f });
    const d = draftNarrative(r, { agency: GXJ, published: f.catalog.published });
    expect(d.overview).toContain(
      '（一）政府信息主动公开情况。2020年，我局通过政府信息公开专栏主动公开政府信息数16条。其中，机构职能类信息1条；政策、规范性文件类信息1条；行政许可类1条；安全生产类信息4条；其他类信息9条。',
    );
    expect(d.overview).toContain('（二）政府信息依申请公开情况。2020年，我局无政府信息依申请事项。');
    expect(d.overview.split('\n\n').map((p) => p.slice(0, 3))).toEqual([
      '202',
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
    ]);
    expect(d.preamble).toContain('起止时间自2020年1月1日至2020年12月31日');
    expect(d.preamble).toContain('电话：0595-22630152');
    expect(d.other).toBe('暂无。');
    expect(validateReport({ ...r, sections: { overview: d.overview } })).toEqual([]);
  });

  it('quotes table 三 and 四 so that R8 finds nothing, and states fees from 2021', () => {
    const f = emptyFigures();
    f.applications.received = [4, 1, 0, 0, 0, 0];
    f.applications.carriedIn = [1, 0, 0, 0, 0, 0];
    f.applications.closed.granted = [2, 0, 0, 0, 0, 0];
    f.applications.closed.withheld_third_party = [1, 0, 0, 0, 0, 0];
    f.applications.closed.other_no_correction = [1, 1, 0, 0, 0, 0];
    f.applications.carriedOut = [1, 0, 0, 0, 0, 0];
    f.applications.feesCollectedYuan = 0;
    f.cases.reconsideration = { upheld: 1, corrected: 0, other: 0, pending: 0 };
    const r = assembleReport({ agency: { name: GXJ.name }, year: 2025, figures: f });
    const d = draftNarrative(r, { agency: GXJ, published: f.catalog.published, feesCollectedYuan: 0 });
    expect(d.overview).toContain(
      '2025年，我局共收到政府信息公开申请5件（其中自然人4件，法人或其他组织1件），上年结转1件。本年办结5件，其中予以公开2件，不予公开1件，其他处理2件；结转下年度继续办理1件。',
    );
    expect(d.overview).toContain('被申请行政复议1件、提起行政诉讼0件');
    expect(d.other).toBe('2025年，无收取信息处理费情况。');
    expect(checkNarrativeSections(r, d, f.catalog.published)).toEqual([]);
  });

  it("names the cases carried over from the year before 「含上年结转N件」 instead of counting them as this year's", () => {
    const f = emptyFigures();
    f.cases.reconsideration = { upheld: 1, corrected: 0, other: 0, pending: 2, carriedIn: 1 };
    f.cases.litigation_direct = { upheld: 0, corrected: 0, other: 0, pending: 1, carriedIn: 0 };
    const r = assembleReport({ agency: { name: GXJ.name }, year: 2025, figures: f });
    const d = draftNarrative(r, { agency: GXJ, published: f.catalog.published, casesCarriedIn: carriedCases(f.cases) });
    expect(d.overview).toContain(
      '2025年，因政府信息公开工作办理的行政复议3件（含上年结转1件）、行政诉讼1件，详见第四部分。',
    );
    expect(d.overview).not.toContain('被申请行政复议3件');
    expect(checkNarrativeSections(r, d, f.catalog.published)).toEqual([]);
    // Without carried-over cases the remark reads as before.
    const plain = draftNarrative(r, { agency: GXJ, published: f.catalog.published, casesCarriedIn: null });
    expect(plain.overview).toContain('被申请行政复议3件、提起行政诉讼1件');
  });

  it('speaks of the agency as a real report does', () => {
    expect(selfReference('泉州市洛江区工业和信息化局')).toBe('我局');
    expect(selfReference('泉州市洛江区人民政府')).toBe('我区');
    expect(selfReference('泉州市洛江区河市镇人民政府', 'township')).toBe('我镇');
    expect(selfReference('泉州市洛江区人民政府办公室')).toBe('我办');
    expect(selfReference('某某发展和改革委员会')).toBe('我委');
    expect(selfReference('某某所')).toBe('本机关');
  });
});

describe('R8 on edited narrative', () => {
  const f = luojiang2020();
  f.applications.received = [3, 0, 0, 0, 0, 0];
  f.applications.closed.granted = [2, 0, 0, 0, 0, 0];
  f.applications.closed.partial = [1, 0, 0, 0, 0, 0];
  const r = assembleReport({ agency: { name: GXJ.name }, year: 2020, figures: f });

  it('flags numbers that contradict the tables or the catalog counts', () => {
    const overview =
      '2020年，我局通过政府信息公开专栏主动公开政府信息数18条。其中，机构职能类信息2条；安全生产类信息4条。2020年，我局共收到政府信息公开申请4件，本年办结3件，其中予以公开1件，部分公开1件。';
    const found = checkNarrativeSections(r, { overview }, f.catalog.published).map((x) => `${x.rule}:${x.message}`);
    expect(found).toEqual([
      'R8:「总体情况」中写明收到申请4件，与表格不一致：表三「一、本年新收政府信息公开申请数量」总计为3。',
      'R8:「总体情况」中写明予以公开1件，与表格不一致：表三「予以公开」各项总计为2。',
      'R8:「总体情况」中写明主动公开18条，与目录记录不一致：本年主动公开16条。',
      'R8:「总体情况」中写明机构职能类信息2条，与目录记录不一致：该类本年主动公开1条。',
    ]);
  });

  it('accepts text that agrees, and says nothing about empty text', () => {
    const overview =
      '2020年，我局主动公开政府信息16条，其中安全生产类信息4条。全年收到政府信息公开申请3件，予以公开2件，部分公开1件。';
    expect(checkNarrativeSections(r, { overview }, f.catalog.published)).toEqual([]);
    expect(checkNarrativeSections(r, { overview: ' ' }, f.catalog.published)).toEqual([]);
  });

  it('names the sections a report cannot be published without', () => {
    expect(missingSections({ overview: 'x', problems: '', other: undefined }).map((m) => m.where)).toEqual([
      'sections.problems',
      'sections.other',
    ]);
  });
});
