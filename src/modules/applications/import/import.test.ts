import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { TestClock } from '../../../../test/support/clock.ts';
import { ValidationError } from '../../../domain/errors.ts';
import type { Actor } from '../../../policies/actor.ts';
import type { AppDeps } from '../applications.deps.ts';
import { importLegacy } from './import.service.ts';
import { applicationFigures } from '../applications.service.ts';
import { demoSetup } from '../../../../test/support/factories/applications.ts';

const CSV = [
  '申请编号,申请人类型,申请人,渠道,收到日期,收到申请之日,办结日期,办理结果,所需信息,收费通知日期',
  'JX-2022-1,自然人,甲,当面,2022-11-01,2022-11-01,2022-11-20,予以公开,"文件一,附件",',
  'JX-2022-2,商业企业,乙公司,网上,2022-12-20,2022-12-21,,,仍在办理,',
  'JX-2022-3,自然人,丙,平常信函,2022-10-08,2022-10-08,2022-10-31,申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,不明确的申请,',
  'JX-2022-4,法律服务机构,丁律所,电子邮件,2022-09-01,2022-09-01,2022-09-20,撤回,,',
].join('\r\n');

describeEachDialect('legacy intake (XLSX/CSV)', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let clerk: Actor;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-01-10T02:00:00Z'));
    deps = { ...s.deps, clock: new TestClock('2023-01-10T02:00:00Z') };
    agencyId = s.agencyId;
    clerk = await s.actor('gxj.clerk');
  });
  afterAll(async () => t.destroy());

  it('a bad file imports nothing and names every row and problem', async () => {
    const bad = Buffer.from(
      [
        '申请人类型,申请人,收到申请之日,办结日期,办理结果',
        '学生,甲,2022-13-01,,',
        '自然人,乙,2022-11-01,2022-11-05,',
        '自然人,丙,2022-11-01,2022-11-05,没听说过',
      ].join('\n'),
    );
    const err = await importLegacy(deps, clerk, agencyId, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).fields;
    expect(Object.keys(fields)).toEqual(['row2', 'row3', 'row4']);
    expect(fields.row2).toMatch(/申请人类型.*收到申请之日/);
    expect(fields.row3).toMatch(/须填写办理结果/);
    expect(fields.row4).toMatch(/办理结果无法识别/);
  });

  it('CSV: dates and outcomes count as lifecycle.md says; the lapse closes on its stated date', async () => {
    const before = await applicationFigures(t.db, [agencyId], 2022);
    expect(await importLegacy(deps, clerk, agencyId, Buffer.from(`\uFEFF${CSV}`))).toMatchObject({ imported: 4 });
    const y2022 = await applicationFigures(t.db, [agencyId], 2022);
    const delta = (row: keyof typeof y2022, col: number) => y2022[row][col]! - before[row][col]!;
    expect([
      delta('received', 6),
      delta('granted', 0),
      delta('other_no_correction', 0),
      delta('other_other', 4),
      delta('carried_out', 1),
    ]).toEqual([4, 1, 1, 1, 1]);
    const y2023 = await applicationFigures(t.db, [agencyId], 2023);
    expect(y2023.carried_in).toEqual(y2022.carried_out);
  });

  it('XLSX with the same columns; a repeated 申请编号 is refused as a whole', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申请');
    ws.addRow(['申请人类型', '申请人', '收到申请之日', '办结日期', '办理结果']);
    ws.addRow(['科研机构', '某研究所', '2022-06-01', '2022-06-10', '属于国家秘密']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await importLegacy(deps, clerk, agencyId, xlsx)).toMatchObject({ imported: 1 });
    expect((await applicationFigures(t.db, [agencyId], 2022)).withheld_state_secret[2]).toBe(1);
    const again = Buffer.from(CSV);
    await expect(importLegacy(deps, clerk, agencyId, again)).rejects.toMatchObject({
      fields: { row2: '第2行：申请编号JX-2022-1已存在', row5: '第5行：申请编号JX-2022-4已存在' },
    });
  });
});
