/**
 * The delivery sweep (STYLE.md rule 14): idempotent, one message at a time. Each message is
 * first claimed by a conditional update (only one node wins it), then handed to the mail
 * server, then marked with its "sent at"; a message whose sender died mid-way is claimed again
 * after STALE_MINUTES. The scheduler's job lock keeps two nodes from sweeping at once.
 */
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import type { Job } from '../jobs/scheduler.ts';
import type { Mailer } from './mailer.ts';
import type { SmsGateway } from './sms.ts';
import * as repo from './outbox.repository.ts';

const STALE_MINUTES = 15;
/** After this many failed attempts the message is marked failed and waits for 重新发送. */
export const MAX_ATTEMPTS = 5;

export interface SweepResult {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * Delivers the e-mails (and, with a gateway, the SMS) waiting in the outbox. Without a mailer
 * e-mails wait (embedded mode); without a gateway no SMS is queued in the first place.
 */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer | null,
  clock: Clock,
  limit = 50,
  sms: SmsGateway | null = null,
): Promise<SweepResult> {
  const result: SweepResult = { sent: 0, failed: 0, retried: 0 };
  const staleBefore = new Date(clock.now().getTime() - STALE_MINUTES * 60_000).toISOString();
  /** Claims each due message of `channel` and hands it to `send`, which returns the receipt noted with it. */
  const deliver = async (channel: 'email' | 'sms', send: (message: repo.OutboxMessage) => Promise<string>) => {
    for (const id of await repo.dueMessageIds(db, staleBefore, limit, channel)) {
      if (!(await repo.claim(db, id, clock.now().toISOString(), staleBefore))) continue;
      const message = (await repo.findMessage(db, id))!;
      try {
        await repo.markSent(db, id, clock.now().toISOString(), await send(message));
        result.sent++;
      } catch (err) {
        const giveUp = message.attempts >= MAX_ATTEMPTS;
        await repo.markFailed(db, id, err instanceof Error ? err.message : String(err), giveUp);
        if (giveUp) result.failed++;
        else result.retried++;
      }
    }
  };
  if (sms)
    await deliver('sms', async (m) => `短信网关 ${await sms.send({ to: m.recipientAddress, text: m.bodyText })}`);
  if (mailer)
    await deliver(
      'email',
      async (m) =>
        `Message-ID ${await mailer.send({
          to: m.recipientAddress,
          toName: m.recipientName,
          subject: m.subject,
          text: m.bodyText,
          attachments: await repo.loadAttachments(db, m.id),
        })}`,
    );
  return result;
}

/** The sweep as a scheduler job (run under the `outbox.deliver` lock). */
export function outboxDeliveryJob(
  db: Db,
  mailer: Mailer | null,
  clock: Clock,
  everyMs = 60_000,
  sms: SmsGateway | null = null,
): Job {
  return { name: 'outbox.deliver', everyMs, run: async () => void (await deliverOutbox(db, mailer, clock, 50, sms)) };
}
