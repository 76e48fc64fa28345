/**
 * A real SMTP server on loopback for tests that deliver mail (no mocks): it keeps every message
 * it accepts, and a mailer from src/modules/outbox points at it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createSmtpMailer, type Mailer } from '../../src/modules/outbox/mailer.ts';

export interface ReceivedMail {
  /** Envelope sender. */
  from: string;
  /** Envelope recipients. */
  to: string[];
  /** The message as received (headers and MIME body). */
  raw: Buffer;
}

export interface LoopbackSmtp {
  received: ReceivedMail[];
  mailer: Mailer;
  close(): Promise<void>;
}

/** Starts the server on a free port; `refuse()` returning true makes it reject the next message. */
export async function startLoopbackSmtp(
  options: { refuse?: () => boolean; from?: string } = {},
): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (options.refuse?.()) return callback(new Error('mailbox unavailable'));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mailer = createSmtpMailer(
    {
      host: '127.0.0.1',
      port,
      secure: false,
      user: null,
      password: null,
      from: options.from ?? '洛江区工信局公开办 <gk@example.gov.cn>',
    },
    { tls: { rejectUnauthorized: false } },
  );
  return {
    received,
    mailer,
    close: async () => {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
