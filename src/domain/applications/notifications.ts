/**
 * What the applicant is told, by e-mail (and by SMS where the agency contracts a gateway), when
 * their application moves: received, a 补正 requested (第三十条), the reply deadline set or
 * changed (第三十一条, 第三十三条第二款), a document issued to them, the reply sent. In Chinese,
 * with the tracking page's address and the tracking number — never a name, an identity number
 * or the information asked for: a mailbox is not a safe place for personal data (《个人信息保护法》
 * 第五十一条), and the tracking page asks for the query code.
 */
import { formatChineseDate } from '../time.ts';

export type ApplicantNoticeKind = 'received' | 'correction' | 'deadline' | 'document' | 'reply';

export interface ApplicantNoticeFacts {
  agencyName: string;
  trackingNumber: string;
  /** The tracking page's absolute address. */
  trackUrl: string;
  /** The reply deadline in force, YYYY-MM-DD. */
  replyDue?: string | null;
  /** 补正 period end. */
  correctionDue?: string | null;
  /** The document issued (补正告知书, 收费通知书…). */
  documentLabel?: string;
}

const SUBJECTS: Record<ApplicantNoticeKind, string> = {
  received: '已收到您的政府信息公开申请',
  correction: '请补正您的政府信息公开申请',
  deadline: '您的政府信息公开申请答复期限',
  document: '您的政府信息公开申请有新的文书',
  reply: '您的政府信息公开申请已答复',
};

function lead(kind: ApplicantNoticeKind, f: ApplicantNoticeFacts): string {
  const due = f.replyDue ? formatChineseDate(f.replyDue) : null;
  switch (kind) {
    case 'received':
      return `${f.agencyName}已收到您的政府信息公开申请（申请编号：${f.trackingNumber}）。${due ? `我们将在${due}前答复您。` : '确认收到后，我们会告诉您答复期限。'}`;
    case 'correction':
      return `${f.agencyName}请您补正政府信息公开申请（申请编号：${f.trackingNumber}）${f.correctionDue ? `，请在${formatChineseDate(f.correctionDue)}前补正` : ''}。需要补正的事项请在查询页面查看，也可以在该页面在线补正。补正后，答复期限自我们收到补正之日起重新计算。`;
    case 'deadline':
      return `您的政府信息公开申请（申请编号：${f.trackingNumber}）的答复期限${due ? `为${due}。我们将在${due}前答复您` : '已变更'}。原因请在查询页面查看。`;
    case 'document':
      return `${f.agencyName}就您的政府信息公开申请（申请编号：${f.trackingNumber}）出具了${f.documentLabel ?? '文书'}，请在查询页面查看和下载。`;
    case 'reply':
      return `${f.agencyName}已答复您的政府信息公开申请（申请编号：${f.trackingNumber}）。答复书和提供的信息请在查询页面下载。`;
  }
}

/** The e-mail: subject and plain text. */
export function applicantMail(kind: ApplicantNoticeKind, f: ApplicantNoticeFacts): { subject: string; text: string } {
  return {
    subject: `${SUBJECTS[kind]}（${f.trackingNumber}）`,
    text: [
      '您好：',
      '',
      lead(kind, f),
      '',
      `查询办理进度：${f.trackUrl}`,
      '（请凭申请编号和回执上的查询码查询；本邮件不含查询码。）',
      '',
      `${f.agencyName}`,
      '本邮件由系统自动发送，请勿直接回复。如非本人申请，请忽略本邮件。',
    ].join('\n'),
  };
}

/** The SMS: one short sentence and the address (no personal data either). */
export function applicantSms(kind: ApplicantNoticeKind, f: ApplicantNoticeFacts): string {
  return `【${f.agencyName}】${SUBJECTS[kind]}，申请编号${f.trackingNumber}。详情：${f.trackUrl}`;
}
