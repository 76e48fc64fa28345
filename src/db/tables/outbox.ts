/**
 * The outbox: every message to an applicant or a third party, with its attachments. E-mail is
 * delivered by the sweep when SMTP is configured; post and hand-over are recorded by staff.
 */
import type { Generated } from 'kysely';

export interface OutboxMessageTable {
  id: string;
  agency_id: string;
  /** email | post | in_person */
  channel: string;
  recipient_name: string;
  /** E-mail address, or the postal address / place of hand-over as recorded. */
  recipient_address: string;
  subject: string;
  body_text: string;
  /** What the message belongs to, e.g. application / case, and its id (no foreign key). */
  related_type: string | null;
  related_id: string | null;
  /** queued | sending | sent | failed | posted | handed_over */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  created_by: string;
  claimed_at: string | null;
  /** The "sent at" marker: set once, when the mail server accepted it or staff recorded delivery. */
  sent_at: string | null;
  /** For post: 挂号/EMS number; for hand-over: who received it. */
  delivery_note: string;
}

export interface OutboxAttachmentTable {
  id: Generated<number>;
  message_id: string;
  file_name: string;
  content_type: string;
  data: Buffer;
}

export interface OutboxTables {
  outbox_message: OutboxMessageTable;
  outbox_attachment: OutboxAttachmentTable;
}
