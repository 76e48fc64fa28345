/**
 * Telling people about a reminder (issue 5 item 6): when the sweep records a reminder for the
 * first time, it queues one e-mail through the outbox to the application's handler (承办人) and
 * to each office head (政府信息公开工作机构负责人: the role that approves extensions and signs off
 * replies) of the agency. Recipients without an address, or who turned reminder e-mails off, are
 * recorded as skipped, so the dashboard can say 未设置邮箱.
 *
 * Exactly once per reminder and recipient: this runs inside the sweep's transaction, only after
 * the reminder row was inserted by that same transaction (INSERT … ON CONFLICT DO NOTHING). A
 * second sweep finds the row and sends nothing; on PostgreSQL a second node racing for the same
 * reminder waits on the row's unique index until the first commits, then inserts nothing — and
 * if the first rolls back, its outbox messages roll back with it.
 */
import { emailProblem } from '../../../domain/accounts.ts';
import { reminderMail, type Reminder, type ReminderRecipientRole } from '../../../domain/applications/reminders.ts';
import type { Clock } from '../../../domain/time.ts';
import type { Tx } from '../../../db/database.ts';
import type { Actor } from '../../../policies/actor.ts';
import { activeUsersWithRole, findUserById, type UserRecord } from '../../accounts/users.repository.ts';
import { findById as findAgency } from '../../agencies/agencies.repository.ts';
import { enqueueMessage } from '../../outbox/outbox.service.ts';
import type { ApplicationRecord } from '../applications.repository.ts';
import { insertRecipient, type RecipientOutcome } from './reminders.repository.ts';

/** The outbox's related_type of reminder mails: staff mail about an application, never a letter to its applicant. */
export const REMINDER_RELATED_TYPE = 'application_reminder';

export type ReminderMailCounts = Record<RecipientOutcome, number>;

/** Who is told: the handler if one is assigned and active, and every active office head of the agency, each once. */
async function recipients(
  tx: Tx,
  application: ApplicationRecord,
): Promise<Array<{ user: UserRecord; role: ReminderRecipientRole }>> {
  const out: Array<{ user: UserRecord; role: ReminderRecipientRole }> = [];
  const handler = application.handlerId ? await findUserById(tx, application.handlerId) : null;
  if (handler && handler.status === 'active') out.push({ user: handler, role: 'handler' });
  for (const head of await activeUsersWithRole(tx, application.agencyId, 'office_head')) {
    if (!out.some((r) => r.user.id === head.id)) out.push({ user: head, role: 'officeHead' });
  }
  return out;
}

/** The application's page in the console, for the link in the mail. */
export function consoleLink(publicUrl: string, application: Pick<ApplicationRecord, 'id' | 'agencyId'>): string {
  return `${publicUrl}/admin/applications/${encodeURIComponent(application.id)}?agency=${encodeURIComponent(application.agencyId)}`;
}

/**
 * Queues the reminder's e-mails (or records why one was skipped) in the sweep's transaction `tx`.
 * Call it only for a reminder that `tx` has just recorded.
 */
export async function mailReminder(
  tx: Tx,
  actor: Actor,
  input: { application: ApplicationRecord; reminder: Reminder; publicUrl: string },
  clock: Clock,
): Promise<ReminderMailCounts> {
  const { application, reminder } = input;
  const counts: ReminderMailCounts = { queued: 0, no_email: 0, opted_out: 0 };
  const agencyName = (await findAgency(tx, application.agencyId))?.name ?? '';
  const recordedAt = clock.now().toISOString();
  for (const { user, role } of await recipients(tx, application)) {
    let outcome: RecipientOutcome;
    let messageId: string | null = null;
    if (!user.reminderEmail) outcome = 'opted_out';
    // An address that no longer passes validation is skipped like a missing one: the outbox
    // would refuse it, and the refusal would roll back the reminder itself.
    else if (!user.email || emailProblem(user.email)) outcome = 'no_email';
    else {
      const mail = reminderMail({
        trackingNumber: application.trackingNumber,
        agencyName,
        reminder,
        recipientName: user.displayName,
        recipientRole: role,
        handlerAssigned: application.handlerId !== null,
        link: consoleLink(input.publicUrl, application),
      });
      const message = await enqueueMessage(
        tx,
        actor,
        {
          agencyId: application.agencyId,
          channel: 'email',
          recipientName: user.displayName,
          recipientAddress: user.email,
          subject: mail.subject,
          bodyText: mail.bodyText,
          related: { type: REMINDER_RELATED_TYPE, id: application.id },
        },
        clock,
      );
      outcome = 'queued';
      messageId = message.id;
    }
    await insertRecipient(tx, {
      applicationId: application.id,
      key: reminder.key,
      userId: user.id,
      outcome,
      messageId,
      recordedAt,
    });
    counts[outcome]++;
  }
  return counts;
}
