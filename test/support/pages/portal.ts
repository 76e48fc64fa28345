/**
 * Page objects of the public portal (src/web/portal): an agency's column, the application form,
 * the tracking page, an item's page, the catalog list and the search results. The portal is server-rendered HTML; its own classes name
 * what a value is (`.tracking-number`, `.reply-due`).
 */
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';

/** Opens portal pages in their own context (JavaScript on or off). */
export class Portal {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly base: string,
  ) {}

  static async open(
    browser: Browser,
    base: string,
    options: { javaScript?: boolean; acceptDownloads?: boolean } = {},
  ): Promise<Portal> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      acceptDownloads: options.acceptDownloads ?? true,
    });
    return new Portal(context, await context.newPage(), base);
  }

  /** The portal in a page opened elsewhere (e.g. a context with options of its own). */
  static of(page: Page, base: string): Portal {
    return new Portal(page.context(), page, base);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.base}${path}`);
  }

  column(code: string): ColumnPage {
    return new ColumnPage(this, code);
  }

  applyForm(code: string): ApplyFormPage {
    return new ApplyFormPage(this, code);
  }

  track(code: string): TrackPage {
    return new TrackPage(this, code);
  }

  item(id: string): ItemPage {
    return new ItemPage(this, id);
  }

  catalog(code: string): CatalogListPage {
    return new CatalogListPage(this, code);
  }

  search(): SearchResultsPage {
    return new SearchResultsPage(this);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** Reads a download's bytes. */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The portal home page (all agencies). */
export async function openHome(portal: Portal): Promise<Page> {
  await portal.goto('/');
  return portal.page;
}

/** An agency's 政府信息公开 column: front page, search. */
export class ColumnPage {
  constructor(
    readonly portal: Portal,
    readonly code: string,
  ) {}

  get page(): Page {
    return this.portal.page;
  }

  async open(): Promise<this> {
    await this.portal.goto(`/gk/${this.code}/`);
    return this;
  }

  /** Searches the portal by keyword from the column's 检索 link and opens the result `title`. */
  async searchAndOpen(keyword: string, title: string): Promise<ItemPage> {
    await this.page.getByRole('link', { name: '检索' }).click();
    await this.page.getByLabel('关键词').fill(keyword);
    await this.page.getByRole('button', { name: '检索' }).click();
    await this.page.getByRole('link', { name: title }).click();
    const item = new ItemPage(this.portal, '');
    await item.title(title).waitFor();
    return item;
  }
}

/** 在线申请: the application form and its receipt. */
export class ApplyFormPage {
  constructor(
    readonly portal: Portal,
    readonly code: string,
  ) {}

  get page(): Page {
    return this.portal.page;
  }

  async open(): Promise<this> {
    await this.portal.goto(`/gk/${this.code}/apply`);
    return this;
  }

  /** Fills the form as a natural person and submits it; waits for the receipt. */
  async file(a: { name: string; idNumber: string; phone: string; description: string }): Promise<void> {
    await this.page.getByLabel('姓名或者名称').fill(a.name);
    await this.page.getByLabel('证件号码').fill(a.idNumber);
    await this.page.getByLabel('联系电话').fill(a.phone);
    await this.page.getByLabel('所需信息的描述').fill(a.description);
    await this.page.getByRole('button', { name: '提交申请' }).click();
    await this.page.getByRole('heading', { name: '申请已提交' }).waitFor();
  }

  /** The receipt's 申请编号 and 查询码. */
  async receipt(): Promise<{ trackingNumber: string; queryCode: string }> {
    return {
      trackingNumber: (await this.page.locator('.tracking-number').textContent())!,
      queryCode: (await this.page.locator('.query-code').textContent())!,
    };
  }
}

/** 查询申请办理进度: the applicant's view of one application. */
export class TrackPage {
  constructor(
    readonly portal: Portal,
    readonly code: string,
  ) {}

  get page(): Page {
    return this.portal.page;
  }

  /** Looks the application up with its 申请编号 and 查询码. */
  async open(trackingNumber: string, queryCode: string): Promise<this> {
    await this.portal.goto(`/gk/${this.code}/track`);
    await this.page.getByLabel('申请编号').fill(trackingNumber);
    await this.page.getByLabel('查询码').fill(queryCode);
    await this.page.getByRole('button', { name: '查询' }).click();
    await this.page.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor();
    return this;
  }

  state(): Promise<string | null> {
    return this.page.locator('.state').textContent();
  }

  replyDue(): Promise<string | null> {
    return this.page.locator('.reply-due').getAttribute('data-date');
  }

  correctionItems(): Promise<string | null> {
    return this.page.locator('.correction-items').textContent();
  }

  /** Downloads the document whose button reads 下载 <name>. */
  async download(name: string): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: new RegExp(`下载 ${name}`) }).click(),
    ]);
    return downloaded(download);
  }

  /** Submits the corrected application (第三十条). */
  async correct(text: string): Promise<void> {
    await this.page.getByLabel('补正后的申请内容').fill(text);
    await this.page.getByRole('button', { name: '提交补正' }).click();
    await this.page.getByText('补正已提交').waitFor();
  }
}

/** A published item's public page. */
export class ItemPage {
  constructor(
    readonly portal: Portal,
    readonly id: string,
  ) {}

  get page(): Page {
    return this.portal.page;
  }

  async open(): Promise<this> {
    await this.portal.goto(`/gk/items/${this.id}`);
    return this;
  }

  title(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The item's body text. */
  body(): Locator {
    return this.page.locator('article .body');
  }

  /** The lines of the item's history (发布, 撤回, 废止…). */
  history(): Promise<string[]> {
    return this.page.locator('ol.history li').allTextContents();
  }

  /** The 有效性 line of a 规范性文件, spaces removed. */
  async validity(): Promise<string> {
    return (await this.page.getByRole('row', { name: /有效性/ }).innerText()).replace(/\s+/g, '');
  }
}

/** 法定主动公开内容: an agency's catalog, all columns or one (`?item=a20.1`). */
export class CatalogListPage {
  constructor(
    readonly portal: Portal,
    readonly code: string,
  ) {}

  get page(): Page {
    return this.portal.page;
  }

  async open(item?: string): Promise<this> {
    await this.portal.goto(`/gk/${this.code}/catalog${item ? `?item=${encodeURIComponent(item)}` : ''}`);
    return this;
  }

  /** The listed items (titles, numbers, dates). */
  items(): Locator {
    return this.page.locator('ul.items > li');
  }
}

/** 检索政府信息: the results of a keyword search, with highlighted titles and snippets. */
export class SearchResultsPage {
  constructor(readonly portal: Portal) {}

  get page(): Page {
    return this.portal.page;
  }

  /** Searches by the address a reader's form submits (`/gk/search?q=…&agency=…`). */
  async open(q: string, agency?: string): Promise<this> {
    const params = new URLSearchParams({ q, ...(agency ? { agency } : {}) });
    await this.portal.goto(`/gk/search?${params.toString()}`);
    return this;
  }

  /** The result lines: a highlighted title, its meta line and a snippet. */
  hits(): Locator {
    return this.page.getByRole('list', { name: '检索结果' }).getByRole('listitem');
  }

  /** The highlighted words. */
  marks(): Locator {
    return this.page.locator('ul.items mark');
  }
}
