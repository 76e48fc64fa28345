/** Page objects of 我的账号 (one's own account) and 用户与角色 (the agency's staff). */
import type { Locator } from 'playwright-core';
import { ConsolePage } from './console.ts';

/** 我的账号: the signed-in user's e-mail address and whether reminders are e-mailed. */
export class AccountPage extends ConsolePage {
  /** Opens 我的账号 from the top bar. */
  async open(): Promise<this> {
    await this.page.getByRole('button', { name: /我的账号/ }).click();
    await this.waitLoaded();
    return this;
  }

  async waitLoaded(): Promise<void> {
    await this.heading('我的账号').waitFor();
  }

  email(): Locator {
    return this.field('my-account_email');
  }

  /** The switch 接收期限提醒邮件 (on/off). */
  reminderSwitch(): Locator {
    return this.field('my-account_reminderEmail');
  }

  async remindersOn(): Promise<boolean> {
    return (await this.reminderSwitch().getAttribute('aria-checked')) === 'true';
  }

  emailMessage(text: string | RegExp): Locator {
    return this.fieldMessage('my-account_email', text);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保\s*存/ }).click();
  }
}

/** 用户与角色: the agency's staff, their roles and (masked) e-mail addresses. */
export class UsersPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/用户与角色/, '用户与角色');
    return this;
  }

  user(username: string): Locator {
    return this.row(username);
  }

  /** 编辑 a user: sets the e-mail address and saves. */
  async setEmail(username: string, email: string): Promise<void> {
    await this.user(username).getByRole('button', { name: /编辑/ }).click();
    await this.field('user-edit_email').fill(email);
    await this.press(/保\s*存/, this.dialog());
  }
}
