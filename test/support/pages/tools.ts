/** Page objects of the console's tools: 申请导入与编号, 主动公开 items, 第四十四条建议, 节假日安排. */
import type { Locator } from 'playwright-core';
import { ConsolePage } from './console.ts';

/** 申请导入与编号: the legacy import (check, then import) and the 申请编号 pattern. */
export class ImportPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/申请导入与编号/, '申请导入与编号');
    return this;
  }

  async chooseFile(name: string, text: string): Promise<void> {
    await this.page
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) });
  }

  /** The rows of the check's 问题 table, as shown. */
  problems(): Promise<string[]> {
    return this.page
      .getByRole('table')
      .filter({ hasText: '问题' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .allInnerTexts();
  }

  /** Imports only the valid rows, confirming the question. */
  async importValidRows(count: number): Promise<void> {
    await this.page.getByRole('button', { name: `只导入无误的 ${count} 行` }).click();
    await this.confirm(/导\s*入/);
  }

  async setPattern(pattern: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '申请编号格式' }).fill(pattern);
  }
}

/** A 主动公开 item in the console; its 效力状态 card for 规范性文件. */
export class CatalogItemPage extends ConsolePage {
  async open(id: string): Promise<this> {
    await this.goto(`/catalog/${id}`);
    return this;
  }

  validity(): Locator {
    return this.page.getByRole('region', { name: '效力状态' });
  }

  /** Records 废止/失效 in the 效力状态 card: the dialog is returned for its fields. */
  async startValidityChange(kind: '废止' | '失效'): Promise<Locator> {
    await this.validity().getByRole('button', { name: kind }).click();
    return this.dialog();
  }

  /** Attaches a file to the item (its 附件). */
  async attach(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(file);
  }

  /** The body as the console shows it. */
  body(): Locator {
    return this.page.locator('.catalog-body');
  }
}

/** 第四十四条建议: suggestions to publish what many applicants asked for. */
export class SuggestionsPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/第四十四条建议/);
    return this;
  }

  /** The suggestion for `title` asked by `applicants` applicants. */
  suggestion(title: string, applicants: number): Locator {
    return this.page.getByRole('region', { name: `${title}（${applicants} 名申请人）`, exact: true });
  }

  /** 起草主动公开信息 from a suggestion: returns the dialog. */
  async draftFrom(title: string, applicants: number): Promise<Locator> {
    await this.suggestion(title, applicants).getByRole('button', { name: '起草主动公开信息' }).click();
    return this.dialog();
  }
}

/** 节假日安排: the loaded years and the import of next year's 国务院办公厅 notice. */
export class CalendarPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/节假日安排/, '节假日安排');
    return this;
  }

  /** Chooses the file to check or import (through the file chooser). */
  async chooseFile(name: string, text: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: /选择文件|已选择/ }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  }

  year(): Locator {
    return this.field('year');
  }

  noticeTitle(): Locator {
    return this.field('noticeTitle');
  }

  async check(): Promise<void> {
    await this.page.getByRole('button', { name: /校\s*验/ }).click();
  }

  async import(): Promise<void> {
    await this.page.getByRole('button', { name: /导\s*入/ }).click();
  }
}

/** 主动公开: the catalog list, its full-text search, and the 起草信息 editor. */
export class CatalogPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/主动公开/);
    return this;
  }

  /** 全文检索: searches the published catalog; the hits are marked. */
  async search(words: string): Promise<void> {
    await this.page.getByRole('tab', { name: '全文检索' }).click();
    await this.page.getByRole('searchbox', { name: '全文检索' }).fill(words);
    await this.page.getByRole('button', { name: /检\s*索/ }).click();
  }

  /** The marked hits in the search results. */
  marks(): Locator {
    return this.page.locator('mark');
  }

  async startDraft(): Promise<void> {
    await this.page.getByRole('button', { name: /起草信息/ }).click();
  }

  /** The rich-text body editor. */
  body(): Locator {
    return this.page.getByRole('textbox', { name: '正文' });
  }

  /** Toggles the editor's HTML source view. */
  async toggleSource(): Promise<void> {
    await this.page.getByRole('button', { name: 'HTML 源码' }).click();
  }

  source(): Locator {
    return this.page.getByRole('textbox', { name: '正文（HTML 源码）' });
  }

  /** 保存草稿: saves and returns the new item's id (from its address). */
  async saveDraft(): Promise<string> {
    await this.page.getByRole('button', { name: /保存草稿/ }).click();
    await this.page.waitForURL(/\/admin\/catalog\/[0-9a-f-]{36}/, { timeout: 15_000 });
    return /catalog\/([0-9a-f-]{36})/.exec(this.page.url())![1]!;
  }
}
