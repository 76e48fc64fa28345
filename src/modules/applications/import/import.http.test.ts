/**
 * The console's applications tools through inject(): the legacy import's dry run, valid-rows
 * import and column template; the 申请编号 pattern with the next number; the 第四十四条
 * suggestions with their draft and dismiss actions — each with its authorization and audit event.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';

/** A multipart body as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { filename: string; content: Buffer }) {
  const boundary = `----gongkaitest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const HEADER = '申请编号,申请人类型,申请人,渠道,收到日期,收到申请之日,办结日期,办理结果,所需信息,收费通知日期';

describeEachDialect('console tools for applications (import, numbering, 第四十四条)', (dialect) => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-03-02T02:00:00Z');
    agencyId = (
      await t.testDb.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterAll(async () => t?.close());

  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const session = async (user: string) => {
    if (!sessions.has(user)) sessions.set(user, await t.login(user));
    return sessions.get(user)!;
  };
  const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const s = await session(user);
    return t.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  const upload = async (user: string, csv: string | Buffer, mode?: string) => {
    const s = await session(user);
    const body = multipart(
      { agencyId, ...(mode ? { mode } : {}) },
      { filename: 'old.csv', content: Buffer.isBuffer(csv) ? csv : Buffer.from(csv) },
    );
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/applications-import',
      payload: body.payload,
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  const countTracking = async (numbers: string[]) =>
    (await t.testDb.db.selectFrom('application').select('id').where('tracking_number', 'in', numbers).execute()).length;
  const lastAudit = async (action: string) =>
    t.testDb.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirst();

  describe('legacy import', () => {
    const FILE = [
      HEADER,
      'LJ-OLD-1,自然人,甲,当面,,2025-06-03,2025-06-20,予以公开,某文件,',
      'LJ-OLD-2,学生,乙,,,2025-13-01,,,某文件,',
      'LJ-OLD-3,商业企业,丙公司,电子邮件,,2025-07-01,,,另一文件,',
    ].join('\r\n');

    it('a dry run lists every row error with its reason and writes nothing', async () => {
      const res = await upload('gxj.clerk', FILE, 'check');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        rows: 3,
        valid: 2,
        imported: 0,
        errors: [
          {
            row: 3,
            messages: [expect.stringMatching(/申请人类型应为/), expect.stringMatching(/收到申请之日应为日期/)],
          },
        ],
      });
      expect(await countTracking(['LJ-OLD-1', 'LJ-OLD-3'])).toBe(0);
    });

    it('all-or-nothing refuses the file; valid rows are imported only when asked, audited', async () => {
      const all = await upload('gxj.clerk', FILE);
      expect(all.statusCode).toBe(400);
      expect(all.json().errors).toEqual({ row3: expect.stringMatching(/^第3行：申请人类型/) });
      expect(await countTracking(['LJ-OLD-1', 'LJ-OLD-3'])).toBe(0);
      const valid = await upload('gxj.clerk', FILE, 'valid');
      expect(valid.json()).toMatchObject({ rows: 3, valid: 2, imported: 2 });
      expect(await countTracking(['LJ-OLD-1', 'LJ-OLD-3'])).toBe(2);
      expect((await lastAudit('application.import'))?.summary).toBe(
        '导入历史政府信息公开申请2件，跳过有误的1行（第3行）',
      );
    });

    it('the dry run finds numbers that exist already or repeat in the file', async () => {
      const res = await upload(
        'gxj.clerk',
        [
          HEADER,
          'LJ-OLD-1,自然人,丁,,,2025-06-03,,,x,',
          'LJ-NEW-9,自然人,戊,,,2025-06-03,,,x,',
          'LJ-NEW-9,自然人,己,,,2025-06-04,,,x,',
        ].join('\n'),
        'check',
      );
      expect(res.json().errors).toEqual([
        { row: 2, messages: ['申请编号LJ-OLD-1已存在'] },
        { row: 4, messages: ['申请编号LJ-NEW-9与第3行重复'] },
      ]);
      expect((await upload('gxj.clerk', FILE, 'sometimes')).statusCode).toBe(400);
    });

    it('only staff who register applications may import or fetch the template', async () => {
      expect((await upload('gxj.reviewer', FILE, 'check')).statusCode).toBe(403);
      expect((await call('gxj.reviewer', 'GET', '/api/v1/applications-import/template')).statusCode).toBe(403);
    });

    it('the XLSX template has the documented columns, explained, and imports once filled in', async () => {
      const res = await call('gxj.clerk', 'GET', '/api/v1/applications-import/template?format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('历史申请导入模板.xlsx'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
        '申请编号',
        '申请人类型*',
        '申请人*',
        '渠道',
        '收到日期',
        '收到申请之日*',
        '办结日期',
        '办理结果',
        '所需信息',
        '收费通知日期',
      ]);
      expect(wb.getWorksheet('填写说明')!.getCell('C3').text).toContain(
        '自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他',
      );
      sheet.addRow([
        '',
        '科研机构',
        '某研究院',
        '网上',
        '2025-08-01',
        '2025-08-01',
        '2025-08-20',
        '予以公开',
        '研究数据',
        '',
      ]);
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      const s = await session('gxj.clerk');
      const body = multipart({ agencyId, mode: 'check' }, { filename: '模板.xlsx', content: filled });
      const check = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications-import',
        payload: body.payload,
        headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      expect(check.json()).toEqual({ rows: 1, valid: 1, imported: 0, errors: [] });
      const csv = await call('gxj.clerk', 'GET', '/api/v1/applications-import/template?format=csv');
      expect(csv.body).toBe(
        `\uFEFF申请编号,申请人类型*,申请人*,渠道,收到日期,收到申请之日*,办结日期,办理结果,所需信息,收费通知日期\r\n`,
      );
    });
  });

  describe('申请编号 pattern', () => {
    it('shows the pattern in force with the next number; only the office head changes it, with a Chinese message', async () => {
      const before = (await call('gxj.clerk', 'GET', `/api/v1/application-settings/${agencyId}`)).json();
      expect(before).toMatchObject({ agencyId, year: 2026, canEdit: false, defaultPattern: '依申请〔{year}〕{seq}号' });
      expect(before.nextNumber).toBe(
        before.trackingPattern.replace('{year}', '2026').replace(/\{seq(?::\d)?\}/, String(before.nextSeq)),
      );
      expect(
        (
          await call('gxj.clerk', 'PUT', `/api/v1/application-settings/${agencyId}`, {
            trackingPattern: '洛工信依申〔{year}〕{seq}号',
          })
        ).statusCode,
      ).toBe(403);
      const bad = await call('gxj.head', 'PUT', `/api/v1/application-settings/${agencyId}`, {
        trackingPattern: '洛工信依申〔{year}〕号',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual({ trackingPattern: '编号格式须包含 {year} 和 {seq}' });
      const saved = await call('gxj.head', 'PUT', `/api/v1/application-settings/${agencyId}`, {
        trackingPattern: '洛工信依申〔{year}〕{seq}号',
      });
      expect(saved.json()).toMatchObject({
        trackingPattern: '洛工信依申〔{year}〕{seq}号',
        isDefault: false,
        canEdit: true,
        nextNumber: `洛工信依申〔2026〕${before.nextSeq}号`,
      });
      expect((await lastAudit('application.settings'))?.summary).toBe('申请编号格式改为 洛工信依申〔{year}〕{seq}号');
      const created = await call('gxj.clerk', 'POST', '/api/v1/applications', {
        agencyId,
        channel: 'in-person',
        arrivalDate: '2026-03-02',
        applicantKind: 'natural_person',
        applicantName: '张三',
        idDocType: 'other',
        idNumber: 'X123456',
        phone: '13900000000',
        infoDescription: '某文件',
        deliveryForm: 'paper',
        deliveryMethod: 'pickup',
      });
      expect(created.json().trackingNumber).toBe(`洛工信依申〔2026〕${before.nextSeq}号`);
      expect((await call('gxj.clerk', 'GET', `/api/v1/application-settings/${agencyId}`)).json().nextSeq).toBe(
        before.nextSeq + 1,
      );
    });
  });

  describe('第四十四条 suggestions', () => {
    const rows = (info: string, names: string[], first: number) =>
      names.map(
        (n, i) =>
          `SG-${first + i},自然人,${n},网上,,2025-${String(9 + i).padStart(2, '0')}-02,2025-${String(9 + i).padStart(2, '0')}-12,予以公开,${info},`,
      );
    const FUNDS = '2025年度工业企业技术改造专项资金拟扶持项目名单及金额';
    const PARKS = '洛江区智能制造产业园入园企业名录和用地面积';
    type Listed = {
      items: Array<{
        key: string;
        applicants: number;
        proposedTitle: string;
        proposedSummary: string;
        members: Array<{
          id: string;
          trackingNumber: string;
          information: string;
          decision: null | { decision: string; reason: string };
        }>;
      }>;
      handled: Array<{
        decision: string;
        reason: string;
        catalogItem: { id: string; title: string; state: string } | null;
        trackingNumbers: string[];
      }>;
    };
    const list = async (user = 'gxj.clerk') =>
      (await call(user, 'GET', `/api/v1/application-suggestions?agencyId=${agencyId}`)).json() as Listed;
    const groupWith = (l: Listed, number: string) =>
      l.items.find((g) => g.members.some((m) => m.trackingNumber === number));

    beforeAll(async () => {
      const res = await upload(
        'gxj.clerk',
        [HEADER, ...rows(FUNDS, ['周某', '吴某', '郑某'], 1), ...rows(PARKS, ['王某', '冯某'], 11)].join('\n'),
        'all',
      );
      expect(res.json()).toMatchObject({ imported: 5 });
    });

    it('lists the applications of the same information as one suggestion with a proposed title', async () => {
      const group = groupWith(await list(), 'SG-1')!;
      expect(group.applicants).toBe(3);
      expect(group.members.map((m) => m.trackingNumber).sort()).toEqual(['SG-1', 'SG-2', 'SG-3']);
      expect(group.proposedTitle).toBe(FUNDS);
      expect(group.members.every((m) => m.decision === null)).toBe(true);
      expect((await call('gxj.clerk', 'GET', `/api/v1/application-suggestions?agencyId=${agencyId}`)).statusCode).toBe(
        200,
      );
    });

    it('a dismissal needs the handler and a reason; it is audited and the suggestion leaves the list', async () => {
      const group = groupWith(await list(), 'SG-11')!;
      const ids = group.members.map((m) => m.id);
      expect(
        (
          await call('gxj.clerk', 'POST', '/api/v1/application-suggestions/dismiss', {
            agencyId,
            applicationIds: ids,
            reason: '涉及企业用地，另行研究',
          })
        ).statusCode,
      ).toBe(403);
      const empty = await call('gxj.handler', 'POST', '/api/v1/application-suggestions/dismiss', {
        agencyId,
        applicationIds: ids,
        reason: ' ',
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors).toEqual({ reason: '请填写不予主动公开的理由' });
      const ok = await call('gxj.handler', 'POST', '/api/v1/application-suggestions/dismiss', {
        agencyId,
        applicationIds: ids.slice(0, 1),
        reason: '涉及企业用地，另行研究',
      });
      expect(ok.json()).toEqual({ dismissed: 2 });
      const after = await list();
      expect(groupWith(after, 'SG-11')).toBeUndefined();
      expect(after.handled).toContainEqual(
        expect.objectContaining({
          decision: 'dismissed',
          reason: '涉及企业用地，另行研究',
          catalogItem: null,
          trackingNumbers: expect.arrayContaining(['SG-11', 'SG-12']),
        }),
      );
      expect((await lastAudit('application.suggestion_dismiss'))?.summary).toMatch(
        /不采纳主动公开建议.*SG-1[12].*涉及企业用地/,
      );
    });

    it('a new applicant asking again brings a dismissed suggestion back, showing the earlier decision', async () => {
      expect(
        (
          await upload(
            'gxj.clerk',
            [HEADER, `SG-13,自然人,褚某,网上,,2025-12-02,2025-12-10,予以公开,${PARKS},`].join('\n'),
            'all',
          )
        ).statusCode,
      ).toBe(200);
      const group = groupWith(await list(), 'SG-13')!;
      expect(group.applicants).toBe(3);
      expect(group.members.find((m) => m.trackingNumber === 'SG-11')!.decision).toMatchObject({
        decision: 'dismissed',
        reason: '涉及企业用地，另行研究',
      });
      expect(group.members.find((m) => m.trackingNumber === 'SG-13')!.decision).toBeNull();
    });

    it('a catalog draft is started from a suggestion by staff who draft, audited; stale suggestions are refused', async () => {
      const group = groupWith(await list(), 'SG-1')!;
      const ids = group.members.map((m) => m.id);
      const body = {
        agencyId,
        applicationIds: ids,
        title: FUNDS,
        summary: '公布本年度专项资金拟扶持项目名单。',
        statutoryItem: 'a20.15',
        docType: 'notice',
        formedOn: '2026-02-27',
      };
      expect((await call('gxj.reviewer', 'POST', '/api/v1/application-suggestions/draft', body)).statusCode).toBe(403);
      const bad = await call('gxj.clerk', 'POST', '/api/v1/application-suggestions/draft', { ...body, title: ' ' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual({ title: '请填写标题' });
      const created = await call('gxj.clerk', 'POST', '/api/v1/application-suggestions/draft', body);
      expect(created.statusCode).toBe(201);
      const { catalogItemId } = created.json() as { catalogItemId: string };
      const item = (await call('gxj.clerk', 'GET', `/api/v1/catalog/items/${catalogItemId}`)).json();
      expect(item).toMatchObject({
        title: FUNDS,
        summary: '公布本年度专项资金拟扶持项目名单。',
        state: 'draft',
        statutoryItem: 'a20.15',
      });
      const after = await list();
      expect(groupWith(after, 'SG-1')).toBeUndefined();
      expect(after.handled).toContainEqual(
        expect.objectContaining({
          decision: 'drafted',
          catalogItem: { id: catalogItemId, title: FUNDS, state: 'draft' },
        }),
      );
      expect((await lastAudit('application.suggestion_draft'))?.subject_id).toBe(catalogItemId);
      const again = await call('gxj.clerk', 'POST', '/api/v1/application-suggestions/draft', body);
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('该建议已处理，请刷新后查看');
      const foreign = await call('gxj.handler', 'POST', '/api/v1/application-suggestions/dismiss', {
        agencyId,
        applicationIds: ['no-such-application'],
        reason: 'x',
      });
      expect(foreign.statusCode).toBe(409);
    });
  });
});
