/**
 * E-mail over SMTP with nodemailer, from the typed config (GONGKAI_SMTP_URL, GONGKAI_SMTP_FROM).
 * Without SMTP configured there is no mailer: messages stay in the outbox table, which the
 * console shows, and staff may print and post them instead.
 */
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config/config.ts';
import type { Attachment } from './outbox.repository.ts';

export interface OutgoingMail {
  to: string;
  toName: string;
  subject: string;
  text: string;
  attachments: Attachment[];
}

/** What the delivery sweep needs of a mail server. */
export interface Mailer {
  /** Hands the mail to the server; resolves with the server's message id. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/** A mailer over the configured SMTP server. */
export function createSmtpMailer(smtp: SmtpConfig, options: { tls?: { rejectUnauthorized?: boolean } } = {}): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    tls: options.tls,
    // Short timeouts: a sweep must not hang on an unreachable server; the message is retried.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: smtp.from,
        to: { name: mail.toName, address: mail.to },
        subject: mail.subject,
        text: mail.text,
        textEncoding: 'base64',
        attachments: mail.attachments.map((a) => ({
          filename: a.fileName,
          content: a.data,
          contentType: a.contentType,
        })),
      });
      return info.messageId;
    },
    close: () => transport.close(),
  };
}
