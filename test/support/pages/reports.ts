/** Page objects of 年度报告 (the agency's annual report) and 年报体检 (checking uploaded reports). */
import type { Locator } from 'playwright-core';
import { ConsolePage } from './console.ts';

/** 年度报告 of one year: the editor of the text sections, the tables, submit and publish. */
export class ReportPage extends ConsolePage {
  /** Opens the year's report from the 年度报告 list. */
  async openFromList(year: number): Promise<this> {
    await this.navigate(/年度报告/, '年度报告');
    await this.page
      .getByRole('row', { name: new RegExp(`^${year}年\\s`) })
      .getByRole('link', { name: '打开' })
      .click();
    await this.heading(new RegExp(`${year}年政府信息公开工作年度报告`)).waitFor({ timeout: 20_000 });
    return this;
  }

  async open(year: number): Promise<this> {
    await this.goto(`/reports/${year}`);
    return this;
  }

  section(name: string): Locator {
    return this.page.getByRole('textbox', { name });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保\s*存/ }).click();
  }
}

/** 年报体检: uploaded reports by agency and year, each report with its marked cells. */
export class ReportChecksPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/年报体检/, '年报体检');
    return this;
  }

  /** 选择文件: uploads report files through the file chooser. */
  async upload(files: Array<{ name: string; buffer: Buffer }>): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      // The button's name starts with its icon's label ("upload 选择文件"); 选择文件夹 ends otherwise.
      this.page.getByRole('button', { name: /选择文件$/ }).click(),
    ]);
    await chooser.setFiles(files.map((f) => ({ ...f, mimeType: 'text/plain' })));
  }

  /** 选择文件夹: uploads every file of the folder at `path`. */
  async uploadFolder(path: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: '选择文件夹' }).click(),
    ]);
    await chooser.setFiles(path);
  }

  /** The link to a checked report, named by agency, year and its counts of errors and warnings. */
  report(name: string | RegExp): Locator {
    return this.page.getByRole('link', { name });
  }

  /** The cell of the report at `where` (e.g. table3.granted[6]). */
  cell(where: string): Locator {
    return this.page.locator(`td[data-where="${where}"]`);
  }
}
