/**
 * catalogFigures over the demo catalog: the 2020 figures equal the sample report's table 二
 * and overview counts (read from ../shared/samples/reports/2020-luojiang-gxj.txt by the report
 * importer, so the expectation is the published document itself), and the V2021 counts of
 * 2024 and 2025 follow the revision and the repeal.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import { readReportFile } from '../report-import/read-file.ts';
import { catalogFixture, type CatalogFixture } from '../../../test/support/factories/catalog.ts';
import { catalogFigures } from './figures.service.ts';
import { SAMPLES_DIR } from '../../../test/support/samples.ts';

const SAMPLE = resolve(SAMPLES_DIR, '2020-luojiang-gxj.txt');

describeEachDialect('catalogFigures over the demo catalog', (dialect) => {
  let f: CatalogFixture;
  beforeAll(async () => {
    f = await catalogFixture(dialect);
  }, 60_000);
  afterAll(async () => f?.t.destroy());

  it('2020: table 二 equals the sample report, cell for cell, with nothing missing', async () => {
    const sample = await readReportFile(SAMPLE);
    const figures = await catalogFigures(f.t.db, [f.agencyId], 2020);
    expect(figures.table2.V2019).toEqual(sample.report!.table2);
    expect(figures.table2.V2019.normative_docs).toEqual([1, 1, 2]);
    expect(figures.table2.missing).toEqual([]);
    expect(figures.sources.length).toBeGreaterThan(0);
  });

  it('2020: the overview counts equal the sample report’s sentence', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const total = Number(/主动公开政府信息数\s*(\d+)\s*条/.exec(text)![1]);
    const stated = [
      ...text.matchAll(/(机构职能|政策、规范性文件|行政许可|安全生产|其他)类(?:信息)?\s*(\d+)\s*条/g),
    ].map((m) => ({ label: m[1]!, count: Number(m[2]) }));
    const figures = await catalogFigures(f.t.db, [f.agencyId], 2020);
    expect(figures.overview.published).toBe(total);
    expect(stated).toHaveLength(5);
    expect([...figures.overview.byCategory].sort((a, b) => a.label.localeCompare(b.label))).toEqual(
      stated.sort((a, b) => a.label.localeCompare(b.label)),
    );
  });

  it('2024 and 2025 (V2021): the revision retires the 2019 document, the repeal ends the 2020 one', async () => {
    const y2024 = await catalogFigures(f.t.db, [f.agencyId], 2024);
    expect(y2024.table2.V2021.normative_docs).toEqual([1, 1, 2]);
    expect(y2024.table2.V2021.licensing).toEqual([2]);
    expect(y2024.table2.V2021.fees).toEqual([0]);
    const y2025 = await catalogFigures(f.t.db, [f.agencyId], 2025);
    expect(y2025.table2.V2021.normative_docs).toEqual([1, 1, 2]);
    expect(y2025.table2.V2019.procurement).toEqual([2, 342500.5]);
    // The withdrawn 2025 notice was published in 2025 and still counts there.
    expect(y2025.overview.published).toBe(10); // including the 2025 policy's 解读
  });

  it('an aggregated report sums the agencies; an agency without figures reports them missing', async () => {
    const others = await catalogFigures(f.t.db, [f.supervisor.agencyId!], 2020);
    expect(others.overview.published).toBe(0);
    expect(others.table2.missing).toContain('2020年行政许可项目数量');
    const both = await catalogFigures(f.t.db, [f.agencyId, f.supervisor.agencyId!], 2020);
    expect(both.table2.V2019.other_services).toEqual([7, 0, 21]);
  });
});
