/**
 * The explanation of an application's deadlines: the chain of events and rules that
 * produced them, in Chinese, e.g.
 * 「2024年9月27日收到申请；依据第三十三条，20个工作日内答复，至2024年10月30日（10月1日至7日国庆节休息，9月29日、10月12日调休上班）」.
 * Staff see internal notes, approvers and warnings; the applicant sees the same chain without them.
 */
import type { Calendar } from '../calendar/calendar.ts';
import { formatChineseDate as cn } from '../calendar/dates.ts';
import { FEE_NOTICE_DELIVERY_LABELS } from './timeline.ts';
import { consultationPauseEnd, replyBase, type ClockFacts, type ConsultationFact, type FeeFact } from './deadlines.ts';
import type { ClockSettings } from './settings.ts';
import { formatDateRange, specialDaysNote } from './span.ts';
import type { Channel, ClockWarning, Explanation } from './types.ts';
import { unionOfPauses, type Pause, type WorkingDays } from './work.ts';

/** What the explanation needs besides the facts. */
export interface ExplainInput {
  readonly facts: ClockFacts;
  readonly settings: ClockSettings;
  readonly wd: WorkingDays;
  readonly today: number;
  readonly correctionNoticeDue: number | null;
  readonly baseDue: number | null;
  readonly replyDue: number | null;
  readonly pauses: readonly Pause[];
  readonly closure: { day: number; by: string } | null;
  readonly overdue: boolean;
  readonly closedLate: boolean;
  readonly missingYears: readonly number[];
  readonly warnings: readonly ClockWarning[];
}

interface Segment {
  readonly day: number;
  readonly text: string;
  /** Internal: staff only. */
  readonly internal?: boolean;
}

const CHANNEL_WORDS: Record<Channel, string> = {
  'in-person': '当面提交',
  'post-signed': '邮寄（签收）',
  'post-ordinary': '平常信函',
  online: '互联网渠道',
  email: '电子邮件',
  fax: '传真',
};

function receiptSegment(facts: ClockFacts, received: number): string {
  const arrival = facts.arrival;
  if (arrival === null || arrival.channel === 'in-person' || arrival.channel === 'post-signed') {
    if (arrival?.channel === 'post-signed') return `${cn(received)}签收邮寄的申请，依据第三十一条第二项为收到申请之日`;
    return `${cn(received)}收到申请`;
  }
  const item = arrival.channel === 'post-ordinary' ? '第三十一条第二项' : '第三十一条第三项';
  const who = arrival.channel === 'post-ordinary' ? '与申请人确认' : '双方确认';
  if (arrival.day === received)
    return `${cn(received)}通过${CHANNEL_WORDS[arrival.channel]}收到申请并${who}，依据${item}为收到申请之日`;
  return `${cn(arrival.day)}通过${CHANNEL_WORDS[arrival.channel]}收到申请，${cn(received)}${who}，依据${item}以确认之日为收到申请之日`;
}

function correctionSegments(x: ExplainInput, calendar: Calendar): Segment[] {
  const c = x.facts.correction;
  if (c === null) return [];
  const due = x.correctionNoticeDue === null ? '' : `，应于${cn(x.correctionNoticeDue)}前告知`;
  const period = c.officeSetEnd
    ? `补正期限由本机关确定为${cn(c.periodEnd)}`
    : `补正期限为${x.settings.correctionPeriodWorkingDays}个工作日，至${cn(c.periodEnd)}${specialDaysNote(calendar, c.requested, c.periodEnd)}`;
  const segments: Segment[] = [
    { day: c.requested, text: `${cn(c.requested)}一次性告知申请人补正（第三十条${due}），${period}` },
  ];
  if (c.received !== null) {
    const late = c.receivedLate ? '（逾期补正，有正当理由予以接受）' : '';
    segments.push({
      day: c.received,
      text: `${cn(c.received)}收到补正后的申请${late}，依据第三十条，答复期限自该日起计算`,
    });
  } else if (x.closure?.by === 'correctionLapsed') {
    segments.push({
      day: c.periodEnd + 1,
      text: `补正期限届满申请人未补正，依据第三十条视为放弃申请，于${cn(c.periodEnd + 1)}办结`,
    });
  } else {
    segments.push({
      day: c.requested,
      text: '等待补正期间答复期限暂不计算，收到补正后的申请之日起重新计算（第三十条）',
    });
  }
  return segments;
}

function consultationSegments(x: ExplainInput, c: ConsultationFact, calendar: Calendar): Segment[] {
  const article = c.party === 'third' ? '第三十二条' : '第三十四条';
  const whom = c.party === 'third' ? '第三方' : '有关行政机关';
  const received = c.partyReceived === c.sent ? '' : `（对方于${cn(c.partyReceived)}收到）`;
  const segments: Segment[] = [
    {
      day: c.sent,
      text: `${cn(c.sent)}书面征求${whom}意见${received}，依据${article}，对方应在收到征求意见书之日起${x.settings.consultationWorkingDays}个工作日内即${cn(c.deadline)}前提出意见${specialDaysNote(calendar, c.partyReceived, c.deadline)}`,
    },
  ];
  const end = consultationPauseEnd(c, x.today);
  if (c.answered !== null && c.answered <= c.deadline)
    segments.push({ day: c.answered, text: `${cn(c.answered)}收到${whom}意见` });
  else if (x.today > c.deadline || c.answered !== null) {
    const silence = c.party === 'third' ? '由本机关依法决定是否公开（第三十二条）' : '视为同意公开（第三十四条）';
    segments.push({ day: c.deadline, text: `${whom}逾期未提出意见，${silence}` });
  }
  const open = c.answered === null && x.today <= c.deadline;
  const range = formatDateRange(c.sent + 1, end, open ? '最迟' : '');
  segments.push({ day: end, text: `依据第三十三条第三款，${range}征求意见所需时间不计入答复期限` });
  return segments;
}

function feeSegments(x: ExplainInput, f: FeeFact, calendar: Calendar): Segment[] {
  const how = f.delivery === null ? '' : `（${FEE_NOTICE_DELIVERY_LABELS[f.delivery]}）`;
  const segments: Segment[] = [];
  if (f.received === null || f.due === null) {
    segments.push({
      day: f.notice,
      text: `${cn(f.notice)}发出收费通知${how}；申请人收到收费通知的日期尚未登记，缴费期限（收到次日起${x.settings.feePaymentWorkingDays}个工作日，国办函〔2020〕109号）尚未起算，不会因逾期未缴费自动视为放弃申请`,
    });
  } else {
    const receipt = f.received === f.notice ? '，申请人当日收到' : `，申请人于${cn(f.received)}收到`;
    segments.push({
      day: f.notice,
      text: `${cn(f.notice)}发出收费通知${how}${receipt}，应于${cn(f.due)}前缴费（国办函〔2020〕109号：收到收费通知次日起${x.settings.feePaymentWorkingDays}个工作日${specialDaysNote(calendar, f.received, f.due).replace(/^（(.*)）$/, '；$1')}）`,
    });
  }
  if (f.paid !== null) {
    const late = f.paidLate ? '（逾期缴费，有正当理由予以接受）' : '';
    const paused = x.settings.feeTimeExcluded ? `，${formatDateRange(f.notice + 1, f.paid)}不计入答复期限` : '';
    segments.push({ day: f.paid, text: `${cn(f.paid)}缴费${late}${paused}` });
  } else if (f.due !== null && x.closure?.by === 'feeLapsed' && x.closure.day === f.due + 1) {
    segments.push({ day: f.due + 1, text: `申请人逾期未缴费，视为放弃申请，于${cn(f.due + 1)}办结` });
  } else if (x.settings.feeTimeExcluded) {
    segments.push({
      day: f.notice,
      text:
        f.due === null
          ? '缴费前的时间不计入答复期限（收到日期登记前持续扣除）'
          : `缴费前的时间不计入答复期限（至迟计至${cn(f.due)}）`,
    });
  }
  return segments;
}

function extensionSegments(x: ExplainInput): Segment[] {
  const segments: Segment[] = [];
  for (const e of x.facts.extensions) {
    const notified = e.notified === null ? '' : `，${cn(e.notified)}告知申请人`;
    segments.push({
      day: e.day,
      text: `${cn(e.day)}经政府信息公开工作机构负责人同意，延长答复期限${e.workingDays}个工作日（第三十三条第二款）${notified}`,
    });
    if (e.approver) segments.push({ day: e.day, text: `批准人：${e.approver}`, internal: true });
  }
  return segments;
}

function dueSegment(x: ExplainInput, calendar: Calendar): string | null {
  const facts = x.facts;
  if (facts.received === null) return '收到申请之日尚未确定，答复期限尚未起算（第三十一条）';
  const base = replyBase(facts);
  if (base === null || x.replyDue === null) return null;
  if (facts.delayed !== null) {
    const original = x.baseDue === null ? '' : `（第三十三条的答复期限原为${cn(x.baseDue)}）`;
    return `${cn(facts.delayed.day)}依据第三十五条确定延迟答复的合理期限，答复期限为${cn(facts.delayed.until)}${original}`;
  }
  const from = facts.correction !== null ? '依据第三十条、第三十三条，自收到补正后的申请之日起' : '依据第三十三条，';
  const extension = facts.extensions.reduce((sum, e) => sum + e.workingDays, 0);
  const extended = extension > 0 ? `，经批准延长${extension}个工作日` : '';
  const paused = x.wd.pausedWithin(base, x.replyDue, unionOfPauses(x.pauses));
  const pausedText = paused > 0 ? `，另有${paused}个工作日不计入` : '';
  return `${from}${x.settings.replyWorkingDays}个工作日内答复${extended}${pausedText}，至${cn(x.replyDue)}${specialDaysNote(calendar, base, x.replyDue)}`;
}

function closingSegments(x: ExplainInput): Segment[] {
  const facts = x.facts;
  const segments: Segment[] = [];
  const closure = facts.closure;
  if (closure?.by === 'replied')
    segments.push({ day: closure.day, text: `${cn(closure.day)}答复，办结${x.closedLate ? '（晚于答复期限）' : ''}` });
  if (closure?.by === 'withdrawn') segments.push({ day: closure.day, text: `${cn(closure.day)}申请人撤回申请，办结` });
  if (x.overdue) segments.push({ day: x.today, text: `截至${cn(x.today)}已超过答复期限` });
  if (x.missingYears.length > 0) {
    const years = x.missingYears.map((y) => `${y}年`).join('、');
    segments.push({
      day: x.today,
      text: `${years}的节假日安排尚未载入，该年按周末和《全国年节及纪念日放假办法》规定的法定节假日计算，上述期限为暂定`,
    });
  }
  return segments;
}

/** Both versions of the explanation. */
export function explainClock(x: ExplainInput, calendar: Calendar): Explanation {
  const facts = x.facts;
  const events: Segment[] = [];
  if (facts.received !== null) {
    const onSpot = facts.closure?.by === 'answeredOnSpot';
    events.push({
      day: facts.received,
      text: onSpot
        ? `${cn(facts.received)}收到申请并当场答复（第三十三条第一款），办结`
        : receiptSegment(facts, facts.received),
    });
  } else if (facts.arrival !== null) {
    events.push({
      day: facts.arrival.day,
      text: `${cn(facts.arrival.day)}通过${CHANNEL_WORDS[facts.arrival.channel]}收到申请，尚待确认`,
    });
  }
  events.push(...correctionSegments(x, calendar));
  for (const c of facts.consultations) events.push(...consultationSegments(x, c, calendar));
  for (const f of facts.fees) events.push(...feeSegments(x, f, calendar));
  events.push(...extensionSegments(x));
  // Stable sort: same-day segments keep the order above.
  events.sort((a, b) => a.day - b.day);
  // After 当场答复 or a lapse there is no reply due date to explain.
  const lapsed = x.closure?.by === 'correctionLapsed' || x.closure?.by === 'feeLapsed';
  const due = facts.closure?.by === 'answeredOnSpot' || lapsed ? null : dueSegment(x, calendar);
  const chain = [...events, ...(due === null ? [] : [{ day: x.today, text: due }]), ...closingSegments(x)];
  const notes: Segment[] = facts.notes.map((n) => ({
    day: n.day,
    text: `【内部备注】${cn(n.day)}：${n.text}`,
    internal: true,
  }));
  const warnings: Segment[] = x.warnings.map((w) => ({ day: x.today, text: `【提示】${w.message}`, internal: true }));
  const render = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('；');
  return {
    staff: render([...chain, ...notes, ...warnings]),
    applicant: render(chain.filter((s) => !s.internal)),
  };
}
