/**
 * What became of each reminder's e-mail, per recipient (the handler and the office heads):
 * queued in the outbox (with the message's id), or skipped because the account has no e-mail
 * address or its holder opted out. One row per reminder and recipient.
 */
export interface ApplicationReminderRecipientTable {
  application_id: string;
  /** The reminder's key in application_reminder (deadline kind:date:stage). */
  key: string;
  user_id: string;
  /** queued | no_email | opted_out */
  outcome: string;
  message_id: string | null;
  recorded_at: string;
}

export interface ReminderTables {
  application_reminder_recipient: ApplicationReminderRecipientTable;
}
