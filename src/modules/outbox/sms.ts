/**
 * Text messages to applicants, for agencies that contract an SMS gateway (短信平台). A gateway
 * is anything with `send`; the platform ships a logging one (GONGKAI_SMS_GATEWAY=log) that
 * writes each message — the number masked — to the log instead of sending it, for trying the
 * flow and for agencies whose gateway reads the log. A real gateway implements the same interface
 * and is wired in src/server/server.ts. SMS wait in the outbox like e-mails (channel `sms`) and
 * are delivered by the same sweep, so a step never waits on the gateway.
 */
export interface SmsGateway {
  /** Sends one message; returns the gateway's message id. Throws on failure (the sweep retries). */
  send(message: { to: string; text: string }): Promise<string>;
}

/** A phone number with the middle digits hidden (138****8000), for logs. */
export function maskPhoneNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** The logging gateway: records the masked number and the text, returns a local id. */
export function loggingSmsGateway(log: { info: (obj: Record<string, unknown>, msg: string) => void }): SmsGateway {
  let n = 0;
  return {
    async send({ to, text }) {
      const id = `log-${Date.now().toString(36)}-${++n}`;
      log.info({ sms: { id, to: maskPhoneNumber(to), text } }, 'SMS（日志网关，未实际发送）');
      return id;
    },
  };
}
