/**
 * The application clock's inputs and outputs (lifecycle.md "Events"). Dates are
 * Asia/Shanghai calendar dates, `YYYY-MM-DD`. `note` on any event is an internal note:
 * staff see it in the explanation, the applicant never does.
 */
import type { OutcomeKey } from './outcomes.ts';

/** How the application came in (第二十九条, 第三十一条). */
export type Channel = 'in-person' | 'post-signed' | 'post-ordinary' | 'online' | 'email' | 'fax';

/** Who is consulted: a third party (第三十二条) or another agency (第三十四条). */
export type ConsultedParty = 'third' | 'agency';

interface EventBase {
  readonly date: string;
  /** Internal note, shown to staff only. */
  readonly note?: string;
}

/** The application arrived (physically or electronically); nothing runs yet for channels that need confirmation. */
export interface ArrivedEvent extends EventBase {
  readonly type: 'arrived';
  readonly channel: Channel;
}
/** 收到申请之日 (第三十一条): submission, signature, or the date both sides confirmed. */
export interface ReceivedEvent extends EventBase {
  readonly type: 'received';
}
/** 当场答复 (第三十三条第一款): received and closed the same day. */
export interface AnsweredOnSpotEvent extends EventBase {
  readonly type: 'answeredOnSpot';
  readonly outcome: OutcomeKey;
}
/** 一次性告知补正 (第三十条); the office may set the period's end date itself. */
export interface CorrectionRequestedEvent extends EventBase {
  readonly type: 'correctionRequested';
  readonly periodEnd?: string;
}
/** The corrected application was received; `acceptedLate` records a good reason for a late one. */
export interface CorrectionReceivedEvent extends EventBase {
  readonly type: 'correctionReceived';
  readonly acceptedLate?: boolean;
}
/** 征求意见书 sent; the party's deadline runs from its own receipt of the letter. */
export interface ConsultationSentEvent extends EventBase {
  readonly type: 'consultationSent';
  readonly party?: ConsultedParty;
  /** The party's receipt of the letter, when later than sending. */
  readonly partyReceivedDate?: string;
  /** Distinguishes simultaneous consultations of the same kind. */
  readonly consultationId?: string;
}
/** The consulted party answered. */
export interface ConsultationAnsweredEvent extends EventBase {
  readonly type: 'consultationAnswered';
  readonly party?: ConsultedParty;
  readonly consultationId?: string;
}
/** Extension approved by the head of the disclosure office (第三十三条第二款). */
export interface ExtensionApprovedEvent extends EventBase {
  readonly type: 'extensionApproved';
  readonly workingDays: number;
  /** Must be the office head when recorded; services record it from the approving account. */
  readonly approverRole?: 'officeHead' | string;
  /** Who approved (internal). */
  readonly approver?: string;
  /** When the applicant was told (告知申请人). */
  readonly applicantNotifiedDate?: string;
}
/**
 * How a 收费通知 reaches the applicant (109号: 「按照申请人获取信息的途径向申请人发出收费通知」),
 * which decides its receipt date F′ (lifecycle.md, fee row): handed over → that day; e-mail or
 * online → the day sent; post → the signing date, unknown until the office records it.
 */
export type FeeNoticeDelivery = 'in-person' | 'email' | 'online' | 'post';

/** 收费通知 issued (国办函〔2020〕109号). */
export interface FeeNoticeEvent extends EventBase {
  readonly type: 'feeNotice';
  /** How it was sent; absent on records made before issue 13 (read as received on the day issued). */
  readonly delivery?: FeeNoticeDelivery;
  /** The applicant's receipt date F′ when known at issue (overrides the derivation from `delivery`). */
  readonly applicantReceivedDate?: string;
}
/** The applicant's receipt of the 收费通知 (post: the signing date), recorded when the office learns it. */
export interface FeeNoticeReceivedEvent extends EventBase {
  readonly type: 'feeNoticeReceived';
}
/** The fee was paid; `acceptedLate` records a good reason for a late payment. */
export interface FeePaidEvent extends EventBase {
  readonly type: 'feePaid';
  readonly acceptedLate?: boolean;
}
/** 延迟答复的合理期限 set by the office for a mass request (第三十五条). */
export interface DelayedReplySetEvent extends EventBase {
  readonly type: 'delayedReplySet';
  readonly until: string;
}
/** The reply (its letter's date) with the decided outcome. */
export interface RepliedEvent extends EventBase {
  readonly type: 'replied';
  readonly outcome: OutcomeKey;
}
/** The applicant withdrew the application. */
export interface WithdrawnEvent extends EventBase {
  readonly type: 'withdrawn';
}

/** One clock event of an application. */
export type ClockEvent =
  | ArrivedEvent
  | ReceivedEvent
  | AnsweredOnSpotEvent
  | CorrectionRequestedEvent
  | CorrectionReceivedEvent
  | ConsultationSentEvent
  | ConsultationAnsweredEvent
  | ExtensionApprovedEvent
  | FeeNoticeEvent
  | FeeNoticeReceivedEvent
  | FeePaidEvent
  | DelayedReplySetEvent
  | RepliedEvent
  | WithdrawnEvent;

/** Where an application stands on `today`. */
export type ClockState =
  'awaitingConfirmation' | 'running' | 'awaitingCorrection' | 'consulting' | 'awaitingFee' | 'closed';

/** How an application was closed. */
export type ClosedBy = 'answeredOnSpot' | 'replied' | 'withdrawn' | 'correctionLapsed' | 'feeLapsed';

/** One consultation and its dates. */
export interface ConsultationDeadline {
  readonly party: ConsultedParty;
  readonly sentDate: string;
  readonly partyReceivedDate: string;
  /** 15 working days from the party's receipt (第三十二条, 第三十四条). */
  readonly partyDeadline: string;
  readonly answeredDate: string | null;
  /** Last day excluded from the reply period: the answer, or the deadline if silent or still open. */
  readonly pauseEnd: string;
  /** Still waiting for the answer on `today`. */
  readonly open: boolean;
}

/** A notable fact that is not an error (late correction notice, late confirmation…). */
export interface ClockWarning {
  readonly code: string;
  readonly message: string;
}

/** A text in two versions: staff see internal notes, the applicant does not. */
export interface Explanation {
  readonly staff: string;
  readonly applicant: string;
}

/** Everything the clock derives from the events on `today`. */
export interface ClockResult {
  readonly state: ClockState;
  readonly arrivalDate: string | null;
  readonly channel: Channel | null;
  /** 收到申请之日 (第三十一条); null while unconfirmed: such an application is counted nowhere. */
  readonly receivedDate: string | null;
  /** The report year the application is counted in as received. */
  readonly countedIn: number | null;
  readonly correctionNoticeDue: string | null;
  readonly correctionNoticeLate: boolean;
  readonly correctionRequestedDate: string | null;
  readonly correctionPeriodEnd: string | null;
  readonly correctionReceivedDate: string | null;
  readonly consultations: readonly ConsultationDeadline[];
  readonly feeNoticeDate: string | null;
  /** How the last 收费通知 was sent (null on records made before issue 13, or without a fee). */
  readonly feeNoticeDelivery: FeeNoticeDelivery | null;
  /** The applicant's receipt date F′ of the last 收费通知; null while unknown (post not yet signed for). */
  readonly feeNoticeReceivedDate: string | null;
  /**
   * A 收费通知 is unpaid and its receipt date unknown: the payment period has not started and no
   * lapse can happen until the office records the receipt date (lifecycle.md, fee row).
   */
  readonly feeReceiptUnknown: boolean;
  /** add(F′, 20) (109号: 「收到收费通知次日起20个工作日内」); null while F′ is unknown. */
  readonly paymentDue: string | null;
  readonly feePaidDate: string | null;
  readonly extensionWorkingDays: number;
  /** The reply due date without extensions or a 第三十五条 date (after exclusions). */
  readonly baseDue: string | null;
  /** The reply due date in force; null while it cannot be known (awaiting confirmation or correction). */
  readonly replyDue: string | null;
  readonly closed: string | null;
  readonly closedBy: ClosedBy | null;
  readonly outcome: OutcomeKey | null;
  /** Not closed and today is after the reply due date. */
  readonly overdue: boolean;
  /** Closed (by a reply) after the reply due date. */
  readonly closedLate: boolean;
  /** Some date needed a year not loaded and was computed on its provisional calendar (weekends and statutory holidays). */
  readonly provisional: boolean;
  /** The reply due date is provisional (暂定): counted through, or falling in, a year not loaded. */
  readonly replyDueProvisional: boolean;
  /** The correction period's end is provisional (暂定). */
  readonly correctionPeriodEndProvisional: boolean;
  /** The payment due date is provisional (暂定). */
  readonly paymentDueProvisional: boolean;
  readonly missingYears: readonly number[];
  readonly warnings: readonly ClockWarning[];
  /** The chain of events and rules behind the deadlines, in Chinese. */
  readonly explanation: Explanation;
}
