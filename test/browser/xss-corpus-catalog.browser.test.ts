/**
 * The XSS payload corpus (test/support/xss.ts) in 主动公开 and the registers, through real
 * Chromium (issue 15). Every payload is planted through the ordinary API and workflow (draft,
 * 保密审查, 审核发布): in a policy's title, 内容概述, HTML body (as markup, which the sanitizer must
 * strip, and as escaped text, which must stay text), attachment name and 更正 reason; in a 解读's
 * title, body and 问答; in a withdrawn notice's 撤回理由; in a 第四十四条 suggestion (two imported
 * applications asking for the same information); and in a 投诉 (complainant, subject, handling
 * step). Then the pages that show them are opened with the trap armed — the portal's item pages,
 * catalog list, agency front page and search results with the payload as the query (highlighted
 * titles and snippets), and the console's catalog list, item pages, 全文检索, 第四十四条建议 and
 * 投诉举报 — and nothing may run, while the plain-text fields show the payload as typed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/http/html.ts';
import type { TestApp } from '../support/app.ts';
import { browserAvailable } from '../support/browser.ts';
import { logInAs, startConsole } from '../support/console.ts';
import { Portal } from '../support/pages/portal.ts';
import { ComplaintsPage } from '../support/pages/registers.ts';
import { CatalogItemPage, CatalogPage, SuggestionsPage } from '../support/pages/tools.ts';
import { CORPUS, scriptsFired } from '../support/xss.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n');
const GXJ = 'luojiang-gxj';

/** What was planted for one payload. */
interface Planted {
  payload: string;
  policyId: string;
  /** The policy's title after its 更正 (the original title stays in its history). */
  policyTitle: string;
  originalTitle: string;
  attachmentName: string;
  interpretationId: string;
  interpretationTitle: string;
  withdrawnId: string;
  complainant: string;
  suggestionTitle: string;
}

/**
 * The payload as escaped text (it must stay text) and then as markup (the sanitizer must strip
 * it). The markup comes last: an unclosed <style> swallows what follows it, in the sanitizer as
 * in a browser.
 */
const bodyOf = (label: string, payload: string) => `<p>${label}</p><p>原文照录：${escapeHtml(payload)}</p>${payload}`;

/** A CSV field, quoted. */
const csv = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Ten different subjects, so that the suggestion groups of different payloads stay apart. */
const SUBJECTS = [
  '道路养护',
  '食品抽检',
  '河道整治',
  '校舍改造',
  '路灯安装',
  '农田灌溉',
  '公交线路',
  '垃圾分类',
  '消防检查',
  '社区医疗',
];

describe.skipIf(!browserAvailable)(
  'the XSS corpus in 主动公开 and the registers (Chromium)',
  { timeout: 300_000 },
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    const planted: Planted[] = [];
    const sessions = new Map<string, { cookie: string; csrf: string }>();

    async function api(user: string, method: 'POST' | 'PUT', url: string, payload: unknown, headers = {}) {
      if (!sessions.has(user)) sessions.set(user, await t.login(user));
      const s = sessions.get(user)!;
      return t.app.inject({
        method,
        url,
        payload: payload as Record<string, unknown>,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers },
      });
    }

    async function created(user: string, url: string, payload: unknown): Promise<Record<string, unknown>> {
      const res = await api(user, 'POST', url, payload);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    }

    /** Drafts an item as the clerk, attaches `attachment`, and passes it to 已发布. */
    async function publish(input: Record<string, unknown>, attachment?: string): Promise<string> {
      const id = (await created('gxj.clerk', '/api/v1/catalog/items', input)).id as string;
      if (attachment) {
        const up = await api(
          'gxj.clerk',
          'POST',
          `/api/v1/catalog/items/${id}/attachments?name=${encodeURIComponent(attachment)}`,
          PDF,
          { 'content-type': 'application/octet-stream' },
        );
        expect(up.statusCode, up.body).toBe(201);
      }
      const act = (user: string, payload: object) => created(user, `/api/v1/catalog/items/${id}/actions`, payload);
      await act('gxj.clerk', { kind: 'submit' });
      await act('gxj.reviewer', { kind: 'confidentiality_pass', opinion: '不涉密' });
      expect((await act('gxj.approver', { kind: 'approve', opinion: '同意' })).state).toBe('published');
      return id;
    }

    beforeAll(async () => {
      ({ t, browser, base } = await startConsole());
      const agencies = await t.testDb.db.selectFrom('agency').select(['id', 'code']).execute();
      const gxj = agencies.find((a) => a.code === GXJ)!.id;
      const rows = ['申请人类型,申请人,渠道,收到申请之日,办结日期,办理结果,所需信息'];
      for (const [i, payload] of CORPUS.entries()) {
        const originalTitle = `XSS测试政策${i}号${payload}`;
        const attachmentName = `附件${i}${payload}.pdf`;
        const policy = {
          title: originalTitle,
          statutoryItem: 'a20.1',
          docType: 'other',
          formedOn: '2026-02-20',
          summary: `内容概述${i}${payload}`,
          bodyHtml: bodyOf(`政策正文${i}号`, payload),
        };
        const policyId = await publish(policy, attachmentName);
        // 更正: a new title; the reason and the title before it are shown in the public history.
        const policyTitle = `XSS测试政策${i}号（更正）${payload}`;
        await created('gxj.approver', `/api/v1/catalog/items/${policyId}/actions`, {
          kind: 'correct',
          reason: `更正理由${i}${payload}`,
          correction: { ...policy, title: policyTitle },
        });
        const interpretationTitle = `XSS测试解读${i}号${payload}`;
        const interpretationId = await publish({
          title: interpretationTitle,
          statutoryItem: 'a20.1',
          docType: 'policy_interpretation',
          interpretsId: policyId,
          formedOn: '2026-02-21',
          bodyHtml: bodyOf(`解读正文${i}号`, payload),
          qa: [{ question: `问${i}${payload}`, answer: `答${i}${payload}` }],
        });
        const withdrawnId = await publish({
          title: `XSS测试撤回${i}号${payload}`,
          statutoryItem: 'a20.15',
          docType: 'notice',
          formedOn: '2026-02-22',
          bodyHtml: bodyOf(`撤回正文${i}号`, payload),
        });
        await created('gxj.approver', `/api/v1/catalog/items/${withdrawnId}/actions`, {
          kind: 'withdraw',
          reason: `撤回理由${i}${payload}`,
        });
        const complainant = `投诉人${i}${payload}`.slice(0, 100);
        const complaint = await created('zfb.supervisor', '/api/v1/complaints', {
          agencyId: gxj,
          kind: 'complaint',
          complainant,
          contact: '13812345678',
          receivedDate: '2026-02-20',
          subject: `投诉事由${i}${payload}`,
        });
        await created('zfb.supervisor', `/api/v1/complaints/${complaint.id as string}/steps`, {
          date: '2026-02-24',
          action: `环节${i}${payload}`.slice(0, 60),
          note: `办理记录${i}${payload}`,
        });
        // 第四十四条: two applicants asked for the same information, answered 予以公开.
        const suggestionTitle = `${SUBJECTS[i]}经费明细${payload}`;
        rows.push(
          `自然人,${csv(`许${i}`)},网上,2025-09-01,2025-09-10,予以公开,${csv(suggestionTitle)}`,
          `自然人,${csv(`王${i}`)},网上,2025-10-08,2025-10-20,予以公开,${csv(suggestionTitle)}`,
        );
        planted.push({
          payload,
          policyId,
          policyTitle,
          originalTitle,
          attachmentName: attachmentName.replace(/[\\/]/g, '_'),
          interpretationId,
          interpretationTitle,
          withdrawnId,
          complainant,
          suggestionTitle,
        });
      }
      const boundary = '----gongkaixss';
      const upload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="agencyId"\r\n\r\n${gxj}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(rows.join('\n')),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const imported = await api('gxj.head', 'POST', '/api/v1/applications-import', upload, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
      expect(imported.json(), imported.body).toMatchObject({ imported: rows.length - 1 });
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('the portal: each policy, 解读 and withdrawn notice page shows the payloads as text, nothing runs', async () => {
      const portal = await Portal.open(browser, base);
      const fired: string[] = [];
      for (const [i, p] of planted.entries()) {
        const policy = portal.item(p.policyId);
        fired.push(...(await scriptsFired(policy.page, `policy ${p.payload}`, () => policy.open())));
        await expect(policy.title(p.policyTitle).innerText()).resolves.toBe(p.policyTitle);
        const text = await policy.page.locator('main').innerText();
        expect(text).toContain(`内容概述：内容概述${i}${p.payload}`);
        expect(await policy.body().innerText()).toContain(`原文照录：${p.payload}`);
        expect(text).toContain(p.attachmentName);
        expect(text).toContain(p.interpretationTitle);
        expect(await policy.history()).toContainEqual(
          expect.stringContaining(`更正：更正理由${i}${p.payload}（更正前标题：${p.originalTitle}）`),
        );

        const interpretation = portal.item(p.interpretationId);
        fired.push(...(await scriptsFired(interpretation.page, `解读 ${p.payload}`, () => interpretation.open())));
        await interpretation.title(p.interpretationTitle).waitFor();
        const itext = await interpretation.page.locator('main').innerText();
        expect(itext).toContain(`《${p.policyTitle}》`);
        expect(itext).toContain(`问：问${i}${p.payload}`);
        expect(await interpretation.body().innerText()).toContain(`原文照录：${p.payload}`);

        const withdrawn = portal.item(p.withdrawnId);
        fired.push(...(await scriptsFired(withdrawn.page, `撤回 ${p.payload}`, () => withdrawn.open())));
        expect(await withdrawn.page.locator('main').innerText()).toContain(`撤回理由：撤回理由${i}${p.payload}`);
      }
      expect(fired).toEqual([]);
      await portal.close();
    });

    it('the portal: the catalog list and the agency front page list the titles as text, nothing runs', async () => {
      const portal = await Portal.open(browser, base);
      const list = portal.catalog(GXJ);
      const fired = await scriptsFired(list.page, 'catalog a20.1', () => list.open('a20.1'));
      const listed = await list.items().allInnerTexts();
      for (const p of planted) {
        expect(listed).toContainEqual(expect.stringContaining(p.policyTitle));
        expect(listed).toContainEqual(expect.stringContaining(p.interpretationTitle));
      }
      fired.push(...(await scriptsFired(list.page, 'catalog', () => list.open())));
      const front = portal.column(GXJ);
      fired.push(...(await scriptsFired(front.page, 'front page', () => front.open())));
      const latest = await front.page.getByRole('region', { name: '最新公开' }).innerText();
      expect(CORPUS.some((payload) => latest.includes(payload))).toBe(true);
      expect(fired).toEqual([]);
      await portal.close();
    });

    it('the portal: searching for each payload shows highlighted titles and snippets as text, nothing runs', async () => {
      const portal = await Portal.open(browser, base);
      const search = portal.search();
      const fired: string[] = [];
      for (const p of planted) {
        for (const agency of [GXJ, undefined]) {
          fired.push(
            ...(await scriptsFired(search.page, `search ${p.payload} in ${agency ?? 'all'}`, () =>
              search.open(p.payload, agency),
            )),
          );
          // The query is echoed in the search box and in the page title, as typed.
          await expect(search.page.getByLabel('关键词').inputValue()).resolves.toBe(p.payload);
          await expect(search.page.title()).resolves.toContain(p.payload);
        }
        const hits = await search.hits().allInnerTexts();
        expect(hits.length, p.payload).toBeGreaterThan(0);
        expect(
          hits.some((h) => CORPUS.some((payload) => h.includes(payload))),
          hits.join('\n'),
        ).toBe(true);
      }
      // A word of every payload's item, so that all of them are listed with their snippets.
      fired.push(...(await scriptsFired(search.page, 'search XSS测试', () => search.open('XSS测试', GXJ))));
      expect(await search.marks().count()).toBeGreaterThan(0);
      const hits = (await search.hits().allInnerTexts()).join('\n');
      expect(hits).toContain('原文照录：');
      expect(fired).toEqual([]);
      await portal.close();
    });

    it('the console: the catalog list, item pages and 全文检索 show the payloads as text, nothing runs', async () => {
      const catalog = new CatalogPage(await logInAs(browser, base, 'gxj.clerk'), base);
      const page = catalog.page;
      const fired = await scriptsFired(page, 'console catalog', async () => {
        await catalog.open();
        await page.getByText('XSS测试', { exact: false }).first().waitFor({ timeout: 20_000 });
      });
      for (const p of planted) {
        for (const [id, title] of [
          [p.policyId, p.policyTitle],
          [p.interpretationId, p.interpretationTitle],
        ] as const) {
          const item = new CatalogItemPage(page, base);
          fired.push(
            ...(await scriptsFired(page, `console item ${title}`, async () => {
              await item.open(id);
              await page.getByText(title, { exact: false }).first().waitFor({ timeout: 20_000 });
            })),
          );
          expect(await item.body().innerText()).toContain(`原文照录：${p.payload}`);
          if (id === p.policyId) expect(await page.locator('main').innerText()).toContain(p.attachmentName);
        }
      }
      for (const p of planted) {
        fired.push(
          ...(await scriptsFired(page, `console search ${p.payload}`, async () => {
            await catalog.open();
            await catalog.search(p.payload);
            await page.getByText('检索词：', { exact: false }).first().waitFor({ timeout: 20_000 });
          })),
        );
      }
      expect(fired).toEqual([]);
      await page.close();
    });

    it('the console: 第四十四条建议 and 投诉举报 show the payloads as text, nothing runs', async () => {
      const suggestions = new SuggestionsPage(await logInAs(browser, base, 'gxj.head'), base);
      const fired = await scriptsFired(suggestions.page, 'suggestions', async () => {
        await suggestions.open();
        await suggestions.suggestion(planted[0]!.suggestionTitle, 2).waitFor({ timeout: 20_000 });
      });
      for (const p of planted) await suggestions.suggestion(p.suggestionTitle, 2).waitFor();
      await suggestions.page.close();

      const complaints = new ComplaintsPage(await logInAs(browser, base, 'zfb.supervisor'), base);
      fired.push(
        ...(await scriptsFired(complaints.page, 'complaints', async () => {
          await complaints.open();
          await complaints.row(planted[0]!.complainant).first().waitFor({ timeout: 20_000 });
        })),
      );
      for (const [i, p] of planted.entries()) {
        fired.push(
          ...(await scriptsFired(complaints.page, `complaint ${p.payload}`, async () => {
            await complaints.openComplaint(p.complainant);
            await complaints
              .drawer('工业和信息化局')
              .getByText(`办理记录${i}${p.payload}`, { exact: false })
              .waitFor({ timeout: 20_000 });
          })),
        );
        expect(await complaints.drawer('工业和信息化局').innerText()).toContain(`投诉事由${i}${p.payload}`);
        await complaints.page.keyboard.press('Escape');
        await complaints.drawer('工业和信息化局').waitFor({ state: 'hidden' });
      }
      expect(fired).toEqual([]);
      await complaints.page.close();
    });
  },
);
