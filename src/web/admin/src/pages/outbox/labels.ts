/** Chinese labels of the outbox's channels and statuses (docs/letters.md "Outbox"). */
import { EMPTY, formatDate, formatDateTime } from '../../lib/format.ts';

export const CHANNEL_LABELS: Record<string, string> = {
  email: '电子邮件',
  post: '邮寄',
  in_person: '当面送达',
  sms: '短信',
};

export const STATUS_LABELS: Record<string, string> = {
  queued: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  posted: '已邮寄',
  handed_over: '已当面送达',
};

export const STATUS_COLOURS: Record<string, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  posted: 'green',
  handed_over: 'green',
};

/** 12.3 KB, 1.2 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * When a message went out. Posting and hand-over are recorded as a day (stored as Beijing
 * midnight), so they show as that day in Beijing time whatever the browser's zone; e-mails
 * show the instant the mail server accepted them.
 */
export function deliveredAt(m: { status: string; sentAt: string | null }): string {
  if (!m.sentAt) return EMPTY;
  if (m.status !== 'posted' && m.status !== 'handed_over') return formatDateTime(m.sentAt);
  return formatDate(new Date(Date.parse(m.sentAt) + 8 * 3_600_000).toISOString().slice(0, 10));
}
