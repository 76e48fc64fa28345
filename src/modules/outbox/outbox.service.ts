/**
 * The outbox: every message to an applicant or a third party — e-mailed, or recorded as posted
 * (邮寄) or handed over (当面送达) — with its attachments (the rendered letter). Messages are
 * written in the transaction of the step that produced them and delivered afterwards by the
 * sweep (outbox.delivery.ts), so a letter is never lost nor mailed twice.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/database.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, canSeeAgency } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './outbox.repository.ts';

export type { Attachment, OutboxChannel, OutboxMessage, OutboxStatus } from './outbox.repository.ts';

const CHANNEL_LABELS: Record<repo.OutboxChannel, string> = {
  email: '电子邮件',
  post: '邮寄',
  in_person: '当面送达',
  sms: '短信',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface EnqueueInput {
  agencyId: string;
  channel: repo.OutboxChannel;
  recipientName: string;
  /** E-mail address; for post the postal address; for hand-over may be blank. */
  recipientAddress: string;
  subject: string;
  bodyText: string;
  related?: { type: string; id: string } | null;
  attachments?: repo.Attachment[];
}

function validate(m: EnqueueInput): void {
  const e: Record<string, string> = {};
  if (!['email', 'post', 'in_person'].includes(m.channel)) e.channel = '请选择送达方式';
  if (!m.recipientName.trim()) e.recipientName = '请填写收件人';
  else if (m.recipientName.length > 100) e.recipientName = '不超过 100 个字符';
  if (m.channel === 'email' && !EMAIL.test(m.recipientAddress.trim())) e.recipientAddress = '电子邮箱格式不正确';
  else if (m.channel === 'post' && !m.recipientAddress.trim()) e.recipientAddress = '请填写邮寄地址';
  else if (m.recipientAddress.length > 300) e.recipientAddress = '不超过 300 个字符';
  if (!m.subject.trim()) e.subject = '请填写标题';
  else if (m.subject.length > 200) e.subject = '不超过 200 个字符';
  if (m.bodyText.length > 20_000) e.bodyText = '不超过 20000 个字符';
  if ((m.attachments ?? []).reduce((s, a) => s + a.data.length, 0) > MAX_ATTACHMENT_BYTES)
    e.attachments = '附件合计不超过 20 MB';
  if (Object.keys(e).length) throw new ValidationError(e);
}

/** Who the outbox shows as the author of the applicant's automatic notices. */
export const SYSTEM_NOTICE_AUTHOR = '系统（自动通知申请人）';

/** The demo's applicant notices, shown as delivered (see the repository function). */
export async function markDemoNoticesDelivered(db: DbOrTx): Promise<number> {
  return repo.markNoticesDeliveredForDemo(db, SYSTEM_NOTICE_AUTHOR, '演示数据：未实际发送');
}

/**
 * Puts a system notice into the outbox without a person behind it: the applicant's automatic
 * e-mails and SMS (modules/applications/notify). Called inside the transaction of the step that
 * caused it — the step itself was authorized — so the notice commits with the step or not at all.
 */
export async function enqueueSystemNotice(
  tx: DbOrTx,
  input: Omit<EnqueueInput, 'channel' | 'attachments'> & { channel: 'email' | 'sms' },
  clock: Clock,
): Promise<string> {
  if (input.channel === 'email') validate({ ...input, channel: 'email' });
  const id = randomUUID();
  await repo.insertMessage(tx, queuedRow(id, input, SYSTEM_NOTICE_AUTHOR, clock), []);
  return id;
}

/** The stored row of a new, queued message. */
function queuedRow(
  id: string,
  input: Omit<EnqueueInput, 'attachments'>,
  createdBy: string,
  clock: Clock,
): Parameters<typeof repo.insertMessage>[1] {
  return {
    id,
    agencyId: input.agencyId,
    channel: input.channel,
    recipientName: input.recipientName.trim(),
    recipientAddress: input.recipientAddress.trim(),
    subject: input.subject.trim(),
    bodyText: input.bodyText,
    relatedType: input.related?.type ?? null,
    relatedId: input.related?.id ?? null,
    status: 'queued',
    createdAt: clock.now().toISOString(),
    createdBy,
  };
}

/**
 * Puts a message into the outbox. Pass the transaction of the step that produced the letter
 * (e.g. the reply), so the letter and its message commit together; with a plain database
 * handle it opens its own transaction.
 */
export async function enqueueMessage(
  db: DbOrTx,
  actor: Actor,
  input: EnqueueInput,
  clock: Clock,
): Promise<repo.OutboxMessage> {
  authorize(actor, 'outbox.send', { agencyId: input.agencyId });
  validate(input);
  const id = randomUUID();
  const work = async (tx: DbOrTx) => {
    await repo.insertMessage(tx, queuedRow(id, input, actor.name, clock), input.attachments ?? []);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: input.agencyId,
        action: 'outbox.enqueue',
        subjectType: 'outbox_message',
        subjectId: id,
        summary: `${CHANNEL_LABELS[input.channel]}送达“${input.subject.trim()}”给${input.recipientName.trim()}`,
        after: {
          channel: input.channel,
          subject: input.subject,
          attachments: (input.attachments ?? []).map((a) => a.fileName),
          related: input.related ?? null,
        },
      },
      clock,
    );
    return (await repo.findMessage(tx, id))!;
  };
  return db.isTransaction ? work(db) : (db as Db).transaction().execute(work);
}

async function load(db: DbOrTx, actor: Actor, id: string): Promise<repo.OutboxMessage> {
  authorize(actor, 'outbox.read');
  const m = await repo.findMessage(db, id);
  if (!m || !canSeeAgency(actor, m.agencyId)) throw new DomainError('NOT_FOUND', '消息不存在');
  return m;
}

/** One message with the list of its attachments. */
export async function getMessage(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ message: repo.OutboxMessage; attachments: repo.AttachmentInfo[] }> {
  const message = await load(db, actor, id);
  return { message, attachments: await repo.listAttachments(db, id) };
}

/** An attachment's file, for download in the console. */
export async function getAttachment(
  db: DbOrTx,
  actor: Actor,
  id: string,
  attachmentId: number,
): Promise<repo.Attachment> {
  await load(db, actor, id);
  const a = await repo.loadAttachment(db, id, attachmentId);
  if (!a) throw new DomainError('NOT_FOUND', '附件不存在');
  return a;
}

/** The first instant of a Beijing-time day (YYYY-MM-DD), as created_at stores instants. */
function startOfShanghaiDay(date: string, field: string): string {
  const at = new Date(`${date}T00:00:00+08:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(at.getTime()))
    throw new ValidationError({ [field]: '日期格式应为 YYYY-MM-DD' });
  return at.toISOString();
}

/**
 * Messages of one agency, or of every agency the actor can see, newest first. `from` and `to`
 * are whole days (Beijing time) of creation, both inclusive.
 */
export async function listMessages(
  db: DbOrTx,
  actor: Actor,
  f: {
    agencyId?: string;
    status?: repo.OutboxStatus;
    channel?: repo.OutboxChannel;
    relatedId?: string;
    q?: string;
    from?: string;
    to?: string;
    limit?: number;
    offset?: number;
  },
) {
  authorize(actor, 'outbox.read', f.agencyId ? { agencyId: f.agencyId } : {});
  const agencyIds = f.agencyId ? [f.agencyId] : actor.visibleAgencies === 'all' ? 'all' : [...actor.visibleAgencies];
  const createdFrom = f.from ? startOfShanghaiDay(f.from, 'from') : undefined;
  const createdBefore = f.to
    ? new Date(Date.parse(startOfShanghaiDay(f.to, 'to')) + 86_400_000).toISOString()
    : undefined;
  return repo.listMessages(
    db,
    {
      agencyIds,
      status: f.status,
      channel: f.channel,
      relatedId: f.relatedId,
      q: f.q?.trim() || undefined,
      createdFrom,
      createdBefore,
    },
    Math.min(f.limit ?? 50, 200),
    f.offset ?? 0,
  );
}

/** Sends an e-mail again (after a failure, or when the applicant asks): back into the queue. */
export async function resendMessage(db: Db, actor: Actor, id: string, clock: Clock): Promise<repo.OutboxMessage> {
  const m = await load(db, actor, id);
  authorize(actor, 'outbox.send', { agencyId: m.agencyId });
  if (m.channel !== 'email')
    throw new DomainError('CONFLICT', '只有电子邮件可以重新发送；邮寄或当面送达请登记送达情况');
  if (m.status === 'queued' || m.status === 'sending') throw new DomainError('CONFLICT', '该邮件正在等待发送');
  await db.transaction().execute(async (tx) => {
    await repo.requeue(tx, id);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: m.agencyId,
        action: 'outbox.resend',
        subjectType: 'outbox_message',
        subjectId: id,
        summary: `重新发送“${m.subject}”`,
        before: { status: m.status, sentAt: m.sentAt },
      },
      clock,
    );
  });
  return (await repo.findMessage(db, id))!;
}

/** Records that a message was posted (邮寄, with the 挂号/EMS number) or handed over in person. */
export async function recordDelivery(
  db: Db,
  actor: Actor,
  id: string,
  input: { status: 'posted' | 'handed_over'; date: string; note?: string },
  clock: Clock,
): Promise<repo.OutboxMessage> {
  const m = await load(db, actor, id);
  authorize(actor, 'outbox.send', { agencyId: m.agencyId });
  const e: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date)))
    e.date = '请填写送达日期，格式 YYYY-MM-DD';
  else if (input.date > shanghaiDate(clock.now())) e.date = '送达日期不能晚于今天';
  if (input.status === 'posted' && !input.note?.trim()) e.note = '请填写邮件号码（挂号信、EMS 等）';
  if ((input.note ?? '').length > 200) e.note = '不超过 200 个字符';
  if (Object.keys(e).length) throw new ValidationError(e);
  if (m.status === 'sending') throw new DomainError('CONFLICT', '该邮件正在发送，请稍后再登记');
  await db.transaction().execute(async (tx) => {
    await repo.recordDelivery(tx, id, input.status, `${input.date}T00:00:00+08:00`, (input.note ?? '').trim());
    await recordAudit(
      tx,
      actor,
      {
        agencyId: m.agencyId,
        action: 'outbox.delivered',
        subjectType: 'outbox_message',
        subjectId: id,
        summary: `登记“${m.subject}”${input.status === 'posted' ? '已邮寄' : '已当面送达'}`,
        before: { status: m.status },
        after: input,
      },
      clock,
    );
  });
  return (await repo.findMessage(db, id))!;
}
