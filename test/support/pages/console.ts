/**
 * Page objects of the console (src/web/admin): what a user does and reads on each page, in the
 * user's words. Locators go by role, label and text; never by the component library's CSS
 * classes (an ESLint rule keeps `.ant-…` out of this folder and of the browser tests).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../app.ts';

/** What every console page shares: the menu, the page heading, dialogs and form fields. */
export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  /** Opens a page from the side menu and waits for its heading. */
  async navigate(menu: string | RegExp, heading?: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: menu }).click();
    if (heading) await this.heading(heading).waitFor({ timeout: 15_000 });
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.base}/admin${path}`);
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Whether the side menu offers `name` (a permission hides what a role may not use). */
  async hasMenu(name: string | RegExp): Promise<boolean> {
    return (await this.page.getByRole('menuitem', { name }).count()) > 0;
  }

  /** The open modal dialog (a step, a registration form…), or the one named `name`. */
  dialog(name?: string | RegExp): Locator {
    return name ? this.page.getByRole('dialog', { name }) : this.page.getByRole('dialog');
  }

  /** Clicks `button` in a dialog (a modal's 确定, 登记…), the dialog staying open or not. */
  async press(button: string | RegExp, within: Locator = this.page.locator('body')): Promise<void> {
    await within.getByRole('button', { name: button }).click();
  }

  /** A form field by its id (the form's name and the field's, as the console renders them). */
  field(id: string): Locator {
    return this.page.locator(`#${id}`);
  }

  /** The server's or the form's message shown under field `id`. */
  fieldMessage(id: string, text: string | RegExp): Locator {
    return this.page.locator(`#${id}_help`).getByText(text);
  }

  /** Types a date into a date field and confirms it. */
  async pickDate(id: string, date: string): Promise<void> {
    const input = this.field(id);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  /**
   * Chooses `option` in a drop-down field: the list's entries are named by their title (the shown
   * value covers the input, hence force). Works for plain and tree drop-downs.
   */
  async choose(field: Locator, option: string | RegExp): Promise<void> {
    const item = this.page.getByTitle(option, { exact: true }).filter({ visible: true }).last();
    await field.click({ force: true });
    // A click that lands while the dialog still animates may leave the list closed; the arrow key
    // opens it without toggling it shut if it did open.
    await item.waitFor({ timeout: 3_000 }).catch(() => field.press('ArrowDown'));
    await item.click();
  }

  /** A table row holding `text`. */
  row(text: string | RegExp, within: Locator | Page = this.page): Locator {
    return within.getByRole('row').filter({ hasText: text });
  }

  /** Confirms a pop-up confirmation (the small "确定吗？" bubble) with its `button`. */
  async confirm(button: string | RegExp): Promise<void> {
    await this.page.getByRole('tooltip').getByRole('button', { name: button }).click();
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The console's login form. */
export class LoginPage extends ConsolePage {
  static async open(browser: Browser, base: string, viewport?: { width: number; height: number }) {
    const page = await browser.newPage(viewport ? { viewport } : {});
    // A locator that finds nothing fails naming itself, instead of waiting out the test's timeout.
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}/admin/`);
    return new LoginPage(page, base);
  }

  async submit(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: /登\s*录/ }).click();
  }

  /** Logs in with the demo password and waits for the dashboard. */
  async logIn(username: string, password = DEMO_PASSWORD): Promise<DashboardPage> {
    await this.submit(username, password);
    const dashboard = new DashboardPage(this.page, this.base);
    await dashboard.heading('工作台').waitFor({ timeout: 20_000 });
    return dashboard;
  }

  /** Waits for the login form's message (e.g. a wrong password). */
  async error(text: string): Promise<void> {
    await this.page.getByText(text).first().waitFor({ timeout: 15_000 });
  }
}

/** 工作台: the agency's cards of counts and the warnings above them. */
export class DashboardPage extends ConsolePage {
  /** The card titled `label`. */
  card(label: string): Locator {
    return this.page.getByRole('region', { name: label });
  }

  /** The number a card shows (its title, then its value, then any hint). */
  async cardValue(label: string): Promise<number> {
    const card = this.card(label);
    await card.waitFor({ timeout: 15_000 });
    const lines = (await card.innerText()).split('\n').map((l) => l.trim());
    const value = lines[lines.indexOf(label) + 1] ?? '';
    if (!/^[\d,]+$/.test(value)) throw new Error(`card ${label} shows no number: ${lines.join(' | ')}`);
    return Number(value.replace(/,/g, ''));
  }

  /** 近7日期限提醒: how many reminders the last week made. */
  reminderCount(): Promise<number> {
    return this.cardValue('近7日期限提醒');
  }

  /** A warning shown in the 提醒 section. */
  warning(text: string | RegExp): Locator {
    return this.page.getByRole('region', { name: '提醒' }).getByText(text);
  }
}
