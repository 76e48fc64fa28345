/** Page objects of an agency's registers and letters: 复议诉讼, 投诉举报, 答复模板, 发件箱. */
import type { Locator } from 'playwright-core';
import { ConsolePage } from './console.ts';

/** 复议诉讼: the 行政复议 and 行政诉讼 register. */
export class CasesPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/复议诉讼/, '复议诉讼');
    return this;
  }

  async startRegistration(): Promise<void> {
    await this.page.getByRole('button', { name: /登记案件/ }).click();
  }

  async fill(c: {
    caseNumber: string;
    party: string;
    organ: string;
    subject: string;
    filedDate: string;
    result: string;
  }): Promise<void> {
    await this.field('case_caseNumber').fill(c.caseNumber);
    await this.field('case_party').fill(c.party);
    await this.field('case_organ').fill(c.organ);
    await this.field('case_subject').fill(c.subject);
    await this.pickDate('case_filedDate', c.filedDate);
    await this.choose(this.field('case_result'), c.result);
  }

  async submit(): Promise<void> {
    await this.press(/登\s*记/, this.dialog());
  }
}

/** 投诉举报: complaints and reports about an agency, and the drawer that handles one. */
export class ComplaintsPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/投诉举报/, '投诉举报');
    return this;
  }

  canRegister(): Promise<number> {
    return this.page.getByRole('button', { name: /登记投诉举报/ }).count();
  }

  async register(c: {
    agency: string;
    complainant: string;
    contact: string;
    receivedDate: string;
    subject: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: /登记投诉举报/ }).click();
    await this.choose(this.field('complaint_agencyId'), c.agency);
    await this.field('complaint_complainant').fill(c.complainant);
    await this.field('complaint_contact').fill(c.contact);
    await this.field('complaint_receivedDate').fill('');
    await this.pickDate('complaint_receivedDate', c.receivedDate);
    await this.field('complaint_subject').fill(c.subject);
    await this.press(/登\s*记/, this.dialog());
  }

  /** Opens the drawer of `complainant`'s complaint from its row (办理 or 查看). */
  async openComplaint(complainant: string): Promise<void> {
    await this.page.getByRole('button', { name: `查看 ${complainant} 的投诉` }).click();
  }

  /** The drawer of the complaint being handled (titled with its kind and agency). */
  drawer(agency: string): Locator {
    return this.dialog(new RegExp(agency));
  }

  async recordStep(drawer: Locator, s: { date: string; action: string; note: string }): Promise<void> {
    await this.pickDate('complaint-step_date', s.date);
    await this.field('complaint-step_action').fill(s.action);
    await this.field('complaint-step_note').fill(s.note);
    await drawer.getByRole('button', { name: /记录环节/ }).click();
  }
}

/** 答复模板: the agency's wording of each letter. */
export class LettersPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/答复模板/, '答复模板');
    await this.body().waitFor();
    return this;
  }

  body(): Locator {
    return this.field('letter-template_body');
  }

  async save(body: string): Promise<void> {
    await this.body().fill(body);
    await this.page
      .locator('form#letter-template')
      .getByRole('button', { name: /保\s*存/ })
      .click();
  }

  /** The 救济途径 card: the 复议机关 and court the letters name, and the form to set them. */
  remedy(): Locator {
    return this.page.getByRole('region', { name: '救济途径' });
  }

  /** The court the letters name now, and where it comes from. */
  async court(): Promise<{ court: string; basis: string }> {
    const item = this.remedy().getByRole('row').filter({ hasText: '管辖法院' }).first();
    const text = (await item.textContent()) ?? '';
    const m = /管辖法院(.*?)（(.*)）$/.exec(text.trim());
    return { court: m?.[1] ?? '', basis: m?.[2] ?? '' };
  }

  /** Sets the agency's own court (blank: back to the derivation) and saves. */
  async setCourt(court: string): Promise<void> {
    await this.field('letter-remedy_court').fill(court);
    await this.remedy()
      .getByRole('button', { name: /保\s*存/ })
      .click();
  }
}

/** 发件箱: letters and e-mails waiting to go out, each with its drawer. */
export class OutboxPage extends ConsolePage {
  async open(): Promise<this> {
    await this.navigate(/发件箱/, '发件箱');
    return this;
  }

  /** Opens the message with `subject` and returns its drawer. */
  async openMessage(subject: string): Promise<Locator> {
    await this.row(subject).getByRole('button', { name: subject, exact: true }).click();
    return this.dialog(subject);
  }

  /** 登记送达: records a posted letter as delivered on `date`. */
  async recordDelivery(drawer: Locator, date: string, note: string): Promise<void> {
    await drawer.getByRole('button', { name: /登记送达/ }).click();
    await this.pickDate('delivery_date', date);
    await this.field('delivery_note').fill(note);
    await this.press(/^登\s*记$/, this.dialog());
  }
}
