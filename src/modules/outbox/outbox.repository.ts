/** SQL of the outbox. Rows become `OutboxMessage` before they leave. */
import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { OutboxMessageTable } from '../../db/tables/outbox.ts';

export type OutboxChannel = 'email' | 'post' | 'in_person' | 'sms';
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'posted' | 'handed_over';

export interface OutboxMessage {
  id: string;
  agencyId: string;
  channel: OutboxChannel;
  recipientName: string;
  recipientAddress: string;
  subject: string;
  bodyText: string;
  relatedType: string | null;
  relatedId: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  createdBy: string;
  sentAt: string | null;
  deliveryNote: string;
}

export interface Attachment {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export interface AttachmentInfo {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

function toMessage(r: Selectable<OutboxMessageTable>): OutboxMessage {
  return {
    id: r.id,
    agencyId: r.agency_id,
    channel: r.channel as OutboxChannel,
    recipientName: r.recipient_name,
    recipientAddress: r.recipient_address,
    subject: r.subject,
    bodyText: r.body_text,
    relatedType: r.related_type,
    relatedId: r.related_id,
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: r.created_at,
    createdBy: r.created_by,
    sentAt: r.sent_at,
    deliveryNote: r.delivery_note,
  };
}

export async function insertMessage(
  db: DbOrTx,
  m: Omit<OutboxMessage, 'attempts' | 'lastError' | 'sentAt' | 'deliveryNote'>,
  attachments: Attachment[],
): Promise<void> {
  await db
    .insertInto('outbox_message')
    .values({
      id: m.id,
      agency_id: m.agencyId,
      channel: m.channel,
      recipient_name: m.recipientName,
      recipient_address: m.recipientAddress,
      subject: m.subject,
      body_text: m.bodyText,
      related_type: m.relatedType,
      related_id: m.relatedId,
      status: m.status,
      attempts: 0,
      last_error: null,
      created_at: m.createdAt,
      created_by: m.createdBy,
      claimed_at: null,
      sent_at: null,
      delivery_note: '',
    })
    .execute();
  for (const a of attachments)
    await db
      .insertInto('outbox_attachment')
      .values({ message_id: m.id, file_name: a.fileName, content_type: a.contentType, data: a.data })
      .execute();
}

export async function findMessage(db: DbOrTx, id: string): Promise<OutboxMessage | null> {
  const r = await db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMessage(r) : null;
}

export async function listAttachments(db: DbOrTx, messageId: string): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('outbox_attachment')
    .select(['id', 'file_name', 'content_type', 'data'])
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    size: Buffer.from(r.data).length,
  }));
}

export async function loadAttachments(db: DbOrTx, messageId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('outbox_attachment')
    .select(['file_name', 'content_type', 'data'])
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ fileName: r.file_name, contentType: r.content_type, data: Buffer.from(r.data) }));
}

export async function loadAttachment(db: DbOrTx, messageId: string, id: number): Promise<Attachment | null> {
  const r = await db
    .selectFrom('outbox_attachment')
    .select(['file_name', 'content_type', 'data'])
    .where('message_id', '=', messageId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { fileName: r.file_name, contentType: r.content_type, data: Buffer.from(r.data) } : null;
}

export interface MessageFilter {
  agencyIds: string[] | 'all';
  status?: OutboxStatus;
  channel?: OutboxChannel;
  relatedId?: string;
  q?: string;
  /** Created at or after this instant (ISO). */
  createdFrom?: string;
  /** Created before this instant (ISO). */
  createdBefore?: string;
}

export async function listMessages(
  db: DbOrTx,
  f: MessageFilter,
  limit: number,
  offset: number,
): Promise<{ items: OutboxMessage[]; total: number }> {
  if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { items: [], total: 0 };
  let q = db.selectFrom('outbox_message');
  if (f.agencyIds !== 'all') q = q.where('agency_id', 'in', f.agencyIds);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.relatedId) q = q.where('related_id', '=', f.relatedId);
  if (f.createdFrom) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdBefore) q = q.where('created_at', '<', f.createdBefore);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('subject', 'like', like), eb('recipient_name', 'like', like), eb('recipient_address', 'like', like)]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  return { items: rows.map(toMessage), total: Number(total.n) };
}

/** Ids of the messages of `channel` waiting for delivery, and of those left 'sending' by a node that stopped before `staleBefore`. */
export async function dueMessageIds(
  db: DbOrTx,
  staleBefore: string,
  limit: number,
  channel: 'email' | 'sms' = 'email',
): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox_message')
    .select('id')
    .where('channel', '=', channel)
    .where('sent_at', 'is', null)
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)])]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Claims one message for sending: a conditional update that only one node can win, so a
 * message is never handed to the mail server twice by two sweeps.
 */
export async function claim(db: DbOrTx, id: string, now: string, staleBefore: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox_message')
    .set((eb) => ({ status: 'sending', claimed_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)])]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markSent(db: DbOrTx, id: string, sentAt: string, note: string): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({ status: 'sent', sent_at: sentAt, last_error: null, delivery_note: note })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

export async function markFailed(db: DbOrTx, id: string, error: string, giveUp: boolean): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({ status: giveUp ? 'failed' : 'queued', last_error: error.slice(0, 500), claimed_at: null })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

export async function requeue(db: DbOrTx, id: string): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({ status: 'queued', sent_at: null, attempts: 0, last_error: null, claimed_at: null })
    .where('id', '=', id)
    .execute();
}

export async function recordDelivery(
  db: DbOrTx,
  id: string,
  status: 'posted' | 'handed_over',
  at: string,
  note: string,
): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set({ status, sent_at: at, delivery_note: note, last_error: null })
    .where('id', '=', id)
    .execute();
}

/**
 * The demo's applicant notices are shown as delivered (they were "sent" in the demo's past):
 * they stay in the outbox for people to read, and no sweep mails example addresses.
 */
export async function markNoticesDeliveredForDemo(db: DbOrTx, createdBy: string, note: string): Promise<number> {
  const r = await db
    .updateTable('outbox_message')
    .set((eb) => ({ status: 'sent', sent_at: eb.ref('created_at'), delivery_note: note }))
    .where('created_by', '=', createdBy)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
