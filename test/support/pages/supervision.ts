/** Page object of 监督统计: statistics, the per-agency table, the records drawer, the scorecard. */
import type { Locator } from 'playwright-core';
import { ConsolePage } from './console.ts';

export class SupervisionPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/监督统计/, '监督统计');
    return this;
  }

  async tab(name: '统计' | '各机关' | '考核' | '汇总报告'): Promise<Locator> {
    await this.page.getByRole('tab', { name }).click();
    return this.page.getByRole('tabpanel', { name });
  }

  /** 政策解读（按政策）: the year's policies of the subtree with their 解读 (in the 统计图表 tab). */
  interpretations(): Locator {
    return this.page.getByRole('region', { name: '政策解读（按政策）' });
  }

  /** The per-agency table (in the 各机关 tab). */
  agencyTable(): Locator {
    return this.page.getByRole('tabpanel', { name: '各机关' }).getByRole('table');
  }

  /** Sorts the per-agency table by `column`, descending (two clicks on its header). */
  async sortDescending(column: string | RegExp): Promise<void> {
    const header = this.agencyTable().getByRole('columnheader', { name: column });
    await header.click();
    await header.click();
  }

  /** The text of the per-agency table's first data row. */
  firstAgencyRow(): Promise<string | null> {
    return this.agencyTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .first()
      .textContent();
  }

  /** Opens the records behind a count (its button names the agency, the count and 查看记录). */
  async drill(button: string | RegExp): Promise<Locator> {
    await this.page.getByRole('button', { name: button }).click();
    return this.dialog();
  }
}
