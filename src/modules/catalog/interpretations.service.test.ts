/**
 * 政策解读 bound to its policy: refused for a non-policy or another agency's policy (Chinese
 * message on the field, nothing saved), filed in the 政策解读 category, never published before
 * its policy, the reviewer warned about a 规范性文件 without 解读, counted per policy, and linked
 * both ways on the public pages. The demo's 2024 and 2025 policies carry theirs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import {
  catalogFixture,
  publishThrough,
  sampleInput,
  type CatalogFixture,
} from '../../../test/support/factories/catalog.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { createDraft } from './catalog.service.ts';
import { interpretationLinks, interpretationStats } from './interpretations.service.ts';
import { publicItem } from './public.service.ts';
import { listCategories } from './settings.repository.ts';
import { act } from './workflow.service.ts';

async function failure(
  p: Promise<unknown>,
): Promise<{ code: string; fields: Record<string, string>; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ValidationError) return { code: e.code, fields: e.fields, message: e.message };
    if (e instanceof DomainError) return { code: e.code, fields: {}, message: e.message };
    throw e;
  }
  return { code: 'none', fields: {}, message: '' };
}

describeEachDialect('政策解读', (dialect) => {
  let f: CatalogFixture;
  beforeAll(async () => {
    f = await catalogFixture(dialect);
  }, 60_000);
  afterAll(async () => f?.t.destroy());

  const interpretation = (interpretsId: string | null, over = {}) =>
    sampleInput({
      title: '政策解读测试',
      docType: 'policy_interpretation',
      statutoryItem: 'a20.15',
      interpretsId,
      qa: [{ question: '谁可以申请？', answer: '本区工业企业。' }],
      videoUrl: 'https://video.example.gov.cn/a.mp4',
      ...over,
    });

  it('refuses a 解读 of a non-policy item, of another agency, without a policy or with a bad video link', async () => {
    const notice = await publishThrough(f, sampleInput({ title: '普通通知', docType: 'notice' }));
    const before = await countItems();
    expect(
      (await failure(createDraft(f.t.db, f.clerk, f.agencyId, interpretation(notice.id), f.clock))).fields,
    ).toEqual({
      interpretsId: '所解读的信息不是政策文件（须为规章、规范性文件或第二十条第（一）项下的文件）',
    });
    const other = (await findByCodeOrName(f.t.db, 'luojiang'))!;
    // Another agency's 规范性文件 (a copy of the notice under the district government).
    const foreignId = '00000000-0000-4000-8000-000000000001';
    await f.t.db
      .insertInto('catalog_item')
      .values({
        ...(await f.t.db.selectFrom('catalog_item').selectAll().where('id', '=', notice.id).executeTakeFirstOrThrow()),
        id: foreignId,
        agency_id: other.id,
        index_no: null,
        doc_type: 'normative',
        search_key: null,
      })
      .execute();
    expect(
      (await failure(createDraft(f.t.db, f.clerk, f.agencyId, interpretation(foreignId), f.clock))).fields.interpretsId,
    ).toBe('不能解读其他机关的政策，请选择本机关发布的政策文件');
    const none = await failure(
      createDraft(f.t.db, f.clerk, f.agencyId, interpretation(null, { videoUrl: 'javascript:alert(1)' }), f.clock),
    );
    expect(none.fields).toEqual({
      interpretsId: '政策解读须选择所解读的政策',
      videoUrl: '视频链接须以 https:// 或 http:// 开头',
    });
    expect(await countItems()).toBe(before + 1); // the foreign copy only
  });

  it('is filed under 政策解读, waits for its policy, warns the reviewer, and is linked both ways', async () => {
    const policyDraft = await createDraft(
      f.t.db,
      f.clerk,
      f.agencyId,
      sampleInput({ title: '关于印发《测试管理办法》的通知', docType: 'normative', statutoryItem: 'a20.1' }),
      f.clock,
    );
    await act(f.t.db, f.clerk, policyDraft.id, { kind: 'submit' }, f.clock);
    // A 规范性文件 without 解读: the reviewer is warned.
    expect((await interpretationLinks(f.t.db, (await listOne(policyDraft.id))!)).warnings[0]).toMatch(/尚无政策解读/);

    const draft = await createDraft(f.t.db, f.clerk, f.agencyId, interpretation(policyDraft.id), f.clock);
    const category = (await listCategories(f.t.db, [f.agencyId])).find((c) => c.id === draft.categoryId);
    expect(category?.name).toBe('政策解读');
    expect(draft.statutoryItem).toBe('a20.1');
    expect(draft.qa).toEqual([{ question: '谁可以申请？', answer: '本区工业企业。' }]);
    const links = await interpretationLinks(f.t.db, (await listOne(policyDraft.id))!);
    expect(links.warnings).toEqual([]);
    expect(links.interpretations.map((i) => i.id)).toEqual([draft.id]);

    await act(f.t.db, f.clerk, draft.id, { kind: 'submit' }, f.clock);
    await act(f.t.db, f.reviewer, draft.id, { kind: 'confidentiality_pass', opinion: '不涉密' }, f.clock);
    // Before its policy: refused, with the policy named.
    const early = await failure(
      act(f.t.db, f.approver, draft.id, { kind: 'approve', opinion: '同意', publishAt: null }, f.clock),
    );
    expect(early.code).toBe('CATALOG_STATE');
    expect(early.message).toBe(
      '政策解读须与所解读的政策同步或在其后发布：《关于印发《测试管理办法》的通知》尚未审核发布',
    );
    await act(f.t.db, f.reviewer, policyDraft.id, { kind: 'confidentiality_pass', opinion: '不涉密' }, f.clock);
    await act(f.t.db, f.approver, policyDraft.id, { kind: 'approve', opinion: '同意', publishAt: null }, f.clock);
    await act(f.t.db, f.approver, draft.id, { kind: 'approve', opinion: '同意', publishAt: null }, f.clock);

    const policyPage = (await publicItem(f.t.db, policyDraft.id, f.clock))!;
    expect(policyPage.interpretations.map((i) => i.id)).toEqual([draft.id]);
    const interpretationPage = (await publicItem(f.t.db, draft.id, f.clock))!;
    expect(interpretationPage.interprets).toEqual({ id: policyDraft.id, title: '关于印发《测试管理办法》的通知' });

    const stats = await interpretationStats(f.t.db, f.head, f.agencyId, 2025);
    expect(stats.policies.find((p) => p.id === policyDraft.id)?.interpretations).toBe(1);
  });

  it('the demo publishes its 2024 and 2025 policies with their 解读, counted per policy', async () => {
    for (const year of [2024, 2025]) {
      const stats = await interpretationStats(f.t.db, f.head, f.agencyId, year);
      const normative = stats.policies.filter((p) => p.docType === 'normative' && p.publishedOn < '2025-03-22');
      expect(normative.length).toBeGreaterThan(0);
      expect(normative.every((p) => p.interpretations === 1)).toBe(true);
    }
    const supervisor = await interpretationStats(
      f.t.db,
      f.supervisor,
      (await findByCodeOrName(f.t.db, 'luojiang'))!.id,
      2024,
      true,
    );
    expect(supervisor.totals.interpretations).toBeGreaterThanOrEqual(1);
  });

  async function countItems() {
    return (await f.t.db.selectFrom('catalog_item').select('id').execute()).length;
  }

  async function listOne(id: string) {
    return (await import('./catalog.repository.ts')).findItem(f.t.db, id);
  }
});
