/**
 * What every step handler is given and gives back. `performStep` (steps.service.ts) keeps the
 * shared frame — load, authorize, guard, transaction, notices, audit — and a handler only turns
 * its input and the application as it stands into events, a patch and the notices to issue.
 */
import type { Static, TObject } from '@fastify/type-provider-typebox';
import type { ClockSettings } from '../../../domain/clock/settings.ts';
import type { ClockResult, FeeNoticeDelivery } from '../../../domain/clock/types.ts';
import type { Calendar } from '../../../domain/calendar/calendar.ts';
import { tryParseIsoDate } from '../../../domain/calendar/dates.ts';
import type { Step } from '../../../domain/applications/workflow.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import type { NewEvent } from '../applications.apply.ts';
import type { AppDeps } from '../applications.deps.ts';
import type * as events from '../applications.events.repository.ts';
import type * as repo from '../applications.repository.ts';
import type { NoticeDraft } from '../documents/notices.ts';

/** The inputs of all steps (each uses a few). */
export interface StepInput {
  date?: string;
  note?: string;
  handlerId?: string;
  items?: string;
  periodEnd?: string;
  party?: 'third' | 'agency';
  partyName?: string;
  partyReceivedDate?: string;
  consultationId?: string;
  opinion?: 'agree' | 'object' | 'none';
  days?: number;
  reason?: string;
  notifiedDate?: string;
  until?: string;
  basis?: 'per_piece' | 'per_page';
  pieces?: number;
  pages?: number;
  outcome?: string;
  legalBasis?: string;
  reasons?: string;
  responsibleAgency?: string;
  passed?: boolean;
  /** 收费通知书: the account or way to pay (default: ask the office). */
  paymentMethod?: string;
  /**
   * 发出收费通知: how it reaches the applicant (default: the way the applicant chose to get the
   * information; 109号「按照申请人获取信息的途径」) — it decides the receipt date (lifecycle.md, fee row).
   */
  delivery?: FeeNoticeDelivery;
  /** 发出收费通知: the applicant's receipt date when already known (post: the signing date). */
  receivedDate?: string;
  /** 征求意见书: the information as the consulted party is told it (default: the application's wording). */
  partySubject?: string;
  /** 征求意见: several parties at once, one letter each (instead of party / partyName / partyReceivedDate / partySubject). */
  parties?: ConsultationRow[];
  /** 书面告知第三方 (第三十二条): the information the office decided to disclose… */
  disclosedContent?: string;
  /** …and why: not disclosing could have a major effect on the public interest. */
  publicInterestReason?: string;
  /** 拟定答复, 部分公开: what the objecting third parties objected to is among the withheld parts (no 第三十二条 notice needed). */
  thirdPartyWithheld?: boolean;
  /**
   * 登记补正 / 登记缴费 dated after its period: the office's reason for accepting it late (第三十条
   * 「无正当理由」; a payment only under the [INTERPRETATION] setting lateFeePaymentAcceptable).
   */
  lateReason?: string;
  /**
   * 保密审查 / 负责人签发 done on paper and entered by someone else (lifecycle.md "Facts entered
   * late"): who signed, and the scan of the signed form (a file of the application, role signoff_scan).
   */
  paper?: { signedBy: string; scanFileId: string };
}

/** One party of a 征求意见 step. */
export interface ConsultationRow {
  party?: 'third' | 'agency';
  partyName?: string;
  partyReceivedDate?: string;
  partySubject?: string;
}

/** The fact a step's date may not precede, named in the message. */
export interface DateFloor {
  date: string;
  what: string;
}

/** The application as it stands when a step is taken, and the step's input (its body, checked). */
export interface StepContext<I = StepInput> {
  readonly step: Step;
  readonly deps: AppDeps;
  readonly actor: Actor;
  readonly rec: repo.ApplicationRecord;
  /** The events stored so far, in order. */
  readonly stored: readonly events.EventRecord[];
  /** The clock computed from `stored` as of today. */
  readonly clockNow: ClockResult;
  readonly today: string;
  readonly settings: ClockSettings;
  readonly calendar: Calendar;
  readonly input: I;
  /** The step's `date` field checked by `stepDate` (default today), not before `after` when given. */
  date(after?: DateFloor): string;
}

/** What a step appends: its events, the record's patch, the audit summary and the notices it issues. */
export interface StepOutcome {
  events: NewEvent[];
  patch?: Partial<repo.ApplicationRecord>;
  /** The audit summary (default: the step's label). */
  summary?: string;
  /** The notices the step issues, each with the index in `events` of its own event. */
  notices?: Array<{ draft: NoticeDraft; event: number }>;
  /** A lapse the sweep recorded that this step's fact may reverse (lifecycle.md "Facts entered late"). */
  reversible?: 'correctionLapsed' | 'feeLapsed';
}

/** One step of the workflow: the schema of its body (only the fields it reads) and its work. */
export interface StepHandler {
  readonly body: TObject;
  run(ctx: StepContext): StepOutcome | Promise<StepOutcome>;
}

/** Handlers of some of the steps (one group per file). */
export type StepHandlers<K extends Step> = { [S in K]: StepHandler };

/** A step handler whose input is typed by its body schema (the route checks the body against it). */
export function defineStep<B extends TObject>(
  body: B,
  run: (ctx: StepContext<Static<B>>) => StepOutcome | Promise<StepOutcome>,
): StepHandler {
  return { body, run: run as StepHandler['run'] };
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date a fact happened (lifecycle.md "Facts entered late": every event carries its own date,
 * whenever it is entered): today by default; never in the future, never before `after` — the fact
 * it depends on, named in the message.
 */
export function stepDate(
  value: string | undefined,
  field: string,
  rec: repo.ApplicationRecord,
  today: string,
  after?: DateFloor,
): string {
  const d = value ?? today;
  if (!DATE.test(d) || parseIsoOrNull(d) === null)
    throw new ValidationError({ [field]: `日期格式不正确：${d}（应为YYYY-MM-DD，如2025-03-06）` });
  if (d > today)
    throw new ValidationError({
      [field]: `日期${formatChineseDate(d)}晚于今天${formatChineseDate(today)}：不能登记尚未发生的事实`,
    });
  if (d < rec.arrivalDate)
    throw new ValidationError({
      [field]: `日期${formatChineseDate(d)}早于申请到达之日${formatChineseDate(rec.arrivalDate)}`,
    });
  if (after && d < after.date)
    throw new ValidationError({
      [field]: `日期${formatChineseDate(d)}早于${after.what}${formatChineseDate(after.date)}`,
    });
  return d;
}

const parseIsoOrNull = (d: string): number | null => tryParseIsoDate(d) ?? null;

/** The last stored event of a type (its date is what a later fact depends on). */
export const lastOf = (stored: readonly events.EventRecord[], type: string) =>
  [...stored].reverse().find((e) => e.type === type);

/** A required text field, trimmed, at most 4000 characters. */
export function required(value: string | undefined, field: string, message: string): string {
  const v = (value ?? '').trim();
  if (v.length === 0) throw new ValidationError({ [field]: message });
  if (v.length > 4000) throw new ValidationError({ [field]: '不超过4000个字' });
  return v;
}
