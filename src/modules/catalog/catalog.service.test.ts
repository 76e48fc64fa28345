import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import type { DomainError } from '../../domain/errors.ts';
import { searchEvents } from '../audit/audit.repository.ts';
import { searchPublic } from '../search/search.service.ts';
import {
  catalogFixture,
  publishThrough,
  sampleInput,
  type CatalogFixture,
} from '../../../test/support/factories/catalog.ts';
import { createDraft, getItem, listItems, updateDraft } from './catalog.service.ts';
import { publicItem } from './public.service.ts';
import { act, addAttachment } from './workflow.service.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
}

describeEachDialect('catalog workflow', (dialect) => {
  let f: CatalogFixture;
  beforeAll(async () => {
    f = await catalogFixture(dialect);
  }, 60_000);
  afterAll(async () => f?.t.destroy());

  it('a draft is not public; after 保密审查 and 审核 it is, with an 索引号 and every record kept', async () => {
    const draft = await createDraft(
      f.t.db,
      f.clerk,
      f.agencyId,
      sampleInput({ title: '关于开展工业企业复议事项梳理的通知' }),
      f.clock,
    );
    expect(draft.state).toBe('draft');
    expect(draft.dueOn).toBe('2025-03-20'); // 20 working days after 2025-02-20
    expect(await publicItem(f.t.db, draft.id, f.clock)).toBeNull();
    expect((await searchPublic(f.t.db, { q: '梳理' }, f.clock)).total).toBe(0);

    const submitted = await act(f.t.db, f.clerk, draft.id, { kind: 'submit' }, f.clock);
    expect(submitted.indexNo).toMatch(/^113505040032051248\/2025-\d{5}$/);
    // The author holds no review role; another clerk cannot review either.
    expect(
      await codeOf(act(f.t.db, f.clerk, draft.id, { kind: 'confidentiality_pass', opinion: '不涉密' }, f.clock)),
    ).toBe('FORBIDDEN');
    await act(f.t.db, f.reviewer, draft.id, { kind: 'confidentiality_pass', opinion: '不涉密' }, f.clock);
    const published = await act(
      f.t.db,
      f.approver,
      draft.id,
      { kind: 'approve', opinion: '同意', publishAt: null },
      f.clock,
    );
    expect(published.state).toBe('published');
    expect(published.publishedOn).toBe('2025-03-03');
    const page = await publicItem(f.t.db, draft.id, f.clock);
    expect(page?.history.map((h) => h.step)).toEqual(['approve']);
    // Searchable at once, by a two-character word.
    expect((await searchPublic(f.t.db, { q: '梳理' }, f.clock)).hits.map((h) => h.item.id)).toContain(draft.id);
    const audit = (
      await searchEvents(f.t.db, { agencyIds: [f.agencyId], subjectType: 'catalog_item', limit: 500 })
    ).filter((e) => e.subjectId === draft.id);
    expect(audit.map((e) => e.action).sort()).toEqual([
      'catalog.approve',
      'catalog.confidentiality_pass',
      'catalog.create',
      'catalog.submit',
    ]);
  });

  it('the office head who drafted an item may not approve it himself', async () => {
    const draft = await createDraft(f.t.db, f.head, f.agencyId, sampleInput(), f.clock);
    await act(f.t.db, f.head, draft.id, { kind: 'submit' }, f.clock);
    await act(f.t.db, f.reviewer, draft.id, { kind: 'confidentiality_pass', opinion: '不涉密' }, f.clock);
    expect(
      await codeOf(act(f.t.db, f.head, draft.id, { kind: 'approve', opinion: '', publishAt: null }, f.clock)),
    ).toBe('CATALOG_SAME_PERSON');
    await act(f.t.db, f.approver, draft.id, { kind: 'approve', opinion: '', publishAt: null }, f.clock);
  });

  it('sent back with comments returns to draft, keeps its 索引号, and can be edited and resubmitted', async () => {
    const draft = await createDraft(f.t.db, f.clerk, f.agencyId, sampleInput(), f.clock);
    const s = await act(f.t.db, f.clerk, draft.id, { kind: 'submit' }, f.clock);
    const back = await act(
      f.t.db,
      f.reviewer,
      draft.id,
      { kind: 'send_back', comment: '第二段含有申请人姓名，请删除' },
      f.clock,
    );
    expect(back.state).toBe('draft');
    expect(back.indexNo).toBe(s.indexNo);
    await updateDraft(f.t.db, f.clerk, draft.id, sampleInput({ bodyHtml: '<p>已删除个人信息。</p>' }), f.clock);
    const again = await act(f.t.db, f.clerk, draft.id, { kind: 'submit' }, f.clock);
    expect(again.indexNo).toBe(s.indexNo);
  });

  it('withdrawal needs a reason, removes the item from search and shows in its history', async () => {
    const item = await publishThrough(
      f,
      sampleInput({ title: '关于征集中小企业数字化转型案例的公告', docType: 'notice' }),
    );
    expect((await searchPublic(f.t.db, { q: '数字化转型' }, f.clock)).total).toBe(1);
    expect(await codeOf(act(f.t.db, f.approver, item.id, { kind: 'withdraw', reason: ' ' }, f.clock))).toBe(
      'VALIDATION_FAILED',
    );
    await act(f.t.db, f.approver, item.id, { kind: 'withdraw', reason: '征集活动已取消' }, f.clock);
    expect((await searchPublic(f.t.db, { q: '数字化转型' }, f.clock)).total).toBe(0);
    const page = await publicItem(f.t.db, item.id, f.clock);
    expect(page?.item.state).toBe('withdrawn');
    expect(page?.history.map((h) => [h.step, h.reason])).toEqual([
      ['approve', ''],
      ['withdraw', '征集活动已取消'],
    ]);
    expect(page?.attachments).toEqual([]);
  });

  it('a correction keeps the earlier title in the history and is re-indexed', async () => {
    const item = await publishThrough(f, sampleInput({ title: '洛江区工信局关于节能监察的通告' }));
    await act(
      f.t.db,
      f.approver,
      item.id,
      { kind: 'correct', reason: '标题错字' },
      f.clock,
      sampleInput({ title: '洛江区工信局关于节能监察工作的通告' }),
    );
    const page = await publicItem(f.t.db, item.id, f.clock);
    expect(page?.item.version).toBe(2);
    expect(page?.history[1]).toMatchObject({
      step: 'correct',
      reason: '标题错字',
      before: { title: '洛江区工信局关于节能监察的通告' },
    });
    expect((await searchPublic(f.t.db, { q: '节能监察工作' }, f.clock)).total).toBe(1);
  });

  it('scheduled publication: hidden until its instant, then public and searchable without any job', async () => {
    const item = await publishThrough(
      f,
      sampleInput({ title: '关于定时发布的光伏扶贫项目公示' }),
      f.clock,
      '2025-03-04T00:00:00.000Z',
    );
    expect(await publicItem(f.t.db, item.id, f.clock)).toBeNull();
    expect((await searchPublic(f.t.db, { q: '光伏' }, f.clock)).total).toBe(0);
    f.clock.set('2025-03-04T00:00:00Z');
    expect((await searchPublic(f.t.db, { q: '光伏' }, f.clock)).total).toBe(1);
    f.clock.set('2025-03-03T02:00:00Z');
  });

  it('XSS in body and title is neutralized: body sanitized, title stored as text', async () => {
    const item = await createDraft(
      f.t.db,
      f.clerk,
      f.agencyId,
      sampleInput({
        title: '<script>alert(1)</script>通知',
        bodyHtml:
          '<p onclick="x()">正文<img src=x onerror=alert(1)><a href="javascript:alert(1)">链接</a><script>alert(2)</script><iframe src="//evil"></iframe><svg onload=alert(3)></svg></p>',
      }),
      f.clock,
    );
    expect(item.bodyHtml).toBe('<p>正文<a rel="noopener noreferrer">链接</a></p>');
    expect(item.title).toBe('<script>alert(1)</script>通知');
  });

  it('attachments are checked by content: disguised and broken files are refused with a reason', async () => {
    const draft = await createDraft(f.t.db, f.clerk, f.agencyId, sampleInput(), f.clock);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await addAttachment(f.t.db, f.clerk, draft.id, '通知.pdf', pdf, f.clock);
    expect(ok.mediaType).toBe('application/pdf');
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000049454e44ae426082',
      'hex',
    );
    await expect(addAttachment(f.t.db, f.clerk, draft.id, '表格.pdf', png, f.clock)).rejects.toMatchObject({
      fields: { file: expect.stringContaining('扩展名与内容不符') },
    });
    await expect(
      addAttachment(
        f.t.db,
        f.clerk,
        draft.id,
        '程序.pdf',
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00' + 'x'.repeat(300), 'latin1'),
        f.clock,
      ),
    ).rejects.toMatchObject({ fields: { file: expect.stringMatching(/实际内容为 EXE|无法识别/) } });
    await expect(
      addAttachment(f.t.db, f.clerk, draft.id, '截断.pdf', pdf.subarray(0, 20), f.clock),
    ).rejects.toMatchObject({ fields: { file: expect.stringContaining('已损坏或不完整') } });
    await expect(addAttachment(f.t.db, f.clerk, draft.id, '空.pdf', Buffer.alloc(0), f.clock)).rejects.toMatchObject({
      fields: { file: expect.stringContaining('空文件') },
    });
  });

  it('the console list flags late and soon-due items (第二十六条); a supervisor sees the subtree', async () => {
    await createDraft(
      f.t.db,
      f.clerk,
      f.agencyId,
      sampleInput({ title: '逾期未发布的草稿', formedOn: '2025-01-02' }),
      f.clock,
    );
    await createDraft(
      f.t.db,
      f.clerk,
      f.agencyId,
      sampleInput({ title: '即将到期的草稿', formedOn: '2025-02-05' }),
      f.clock,
    );
    const attention = await listItems(
      f.t.db,
      f.clerk,
      { agencyId: f.agencyId, attention: true, pageSize: 100 },
      f.clock,
    );
    const byTitle = new Map(attention.items.map((x) => [x.item.title, x.timeliness]));
    expect(byTitle.get('逾期未发布的草稿')).toBe('overdue');
    expect(byTitle.get('即将到期的草稿')).toBe('soon_due');
    const root = (await getItem(f.t.db, f.clerk, attention.items[0]!.item.id)).agencyId;
    const sup = await listItems(f.t.db, f.supervisor, { agencyId: root, subtree: true, text: '逾期未发布' }, f.clock);
    expect(sup.total).toBe(1);
    expect(await codeOf(listItems(f.t.db, f.clerk, { agencyId: f.supervisor.agencyId!, subtree: true }, f.clock))).toBe(
      'FORBIDDEN',
    );
  });
});
