/** Page objects of the console's 依申请公开 pages: the list, one application and its steps. */
import type { Locator } from 'playwright-core';
import { ConsolePage } from './console.ts';

/** 申请 <编号>: the state, the due dates, the steps and the documents of one application. */
export class ApplicationPage extends ConsolePage {
  trackingNumber = '';

  /** Opens the application from the 依申请公开 list by its tracking number. */
  async open(trackingNumber: string): Promise<this> {
    this.trackingNumber = trackingNumber;
    await this.goto('/applications');
    await this.page.getByRole('link', { name: trackingNumber }).click();
    await this.waitLoaded();
    return this;
  }

  /** Opens the application by its id (its address in the console). */
  async openById(id: string, trackingNumber: string): Promise<this> {
    this.trackingNumber = trackingNumber;
    await this.goto(`/applications/${id}`);
    await this.waitLoaded();
    return this;
  }

  async waitLoaded(): Promise<void> {
    await this.heading(`申请 ${this.trackingNumber}`).waitFor({ timeout: 15_000 });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitLoaded();
  }

  /**
   * Takes step `name` (its button), fills its dialog with `fill` if given, confirms with 确定 and
   * waits for the dialog to close.
   */
  async step(name: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
    const dialog = this.dialog();
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  }

  /** 拟定答复: the handler's decision `outcome` (e.g. 部分公开) with its reasons. */
  async decide(outcome: string, reasons: string): Promise<void> {
    await this.step('拟定答复', async (d) => {
      await this.choose(d.getByLabel('办理结果'), outcome);
      await d.getByLabel(/理由/).fill(reasons);
    });
  }

  /** The reply due date shown (YYYY-MM-DD, from its data-date). */
  replyDue(): Promise<string | null> {
    return this.page.locator('.reply-due').first().getAttribute('data-date');
  }

  /** Waits for `text` (a state, a hint) to show on the page. */
  async shows(text: string | RegExp): Promise<void> {
    await this.page.getByText(text).first().waitFor({ timeout: 20_000 });
  }

  /** The 文书 card: notices, consultation letters and replies. */
  documents(): Locator {
    return this.page.getByRole('region', { name: '文书' });
  }

  /** The rows of the 文书 card holding `text`. */
  document(text: string | RegExp): Locator {
    return this.row(text, this.documents());
  }

  /** The 暂定 marks on letters whose dates fall in a year without a loaded calendar. */
  provisionalMarks(): Locator {
    return this.documents().locator('.provisional-letter');
  }

  async generateReply(): Promise<void> {
    await this.page.getByRole('button', { name: '按模板生成答复书' }).click();
  }

  /** Uploads a file of `category` (e.g. 提供文件（对外版本）) and waits for its link. */
  async attachFile(category: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    // The select and its search box both carry the label: the first is the select itself.
    await this.choose(this.page.getByLabel('文件类别').first(), category);
    await this.page.locator('input[type=file]').setInputFiles(file);
    await this.page.getByRole('link', { name: file.name }).waitFor({ timeout: 15_000 });
  }

  /** 负责人签发: opens the dialog showing the letter as it will be sent; returns it. */
  async openSignOff(): Promise<Locator> {
    await this.page.getByRole('button', { name: '负责人签发', exact: true }).click();
    const signing = this.dialog();
    await signing.locator('.reply-letter-preview').waitFor({ timeout: 15_000 });
    return signing;
  }

  /** 负责人签发 through its dialog, confirmed. */
  async signOff(): Promise<void> {
    const signing = await this.openSignOff();
    await signing.getByRole('button', { name: '确认签发' }).click();
    await signing.waitFor({ state: 'detached', timeout: 15_000 });
  }
}
