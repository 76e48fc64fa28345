/** What every applications service needs besides the actor: the database, the clock and the personal-data cipher. */
import { createHmac } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { queryCodeFromBytes } from '../../domain/applications/tracking.ts';
import { resolveClockSettings, type ClockSettings } from '../../domain/clock/settings.ts';
import type { Clock } from '../../domain/time.ts';
import { findLateFeeSetting } from './applications.repository.ts';
import { createPersonalDataCipher, type CryptoSuite, type PersonalDataCipher } from '../privacy/personal-data.ts';

export interface AppDeps {
  db: Db;
  clock: Clock;
  cipher: PersonalDataCipher;
  /** The app secret (query codes derived from a form's idempotency token, their keyed hashes). */
  secret: string;
  /** Where the public reaches this server (the tracking link in the applicant's e-mails). */
  publicUrl?: string;
  /** Whether an SMS gateway is configured (GONGKAI_SMS_GATEWAY): SMS notices are queued only then. */
  smsEnabled?: boolean;
  /** Overrides of the clock settings' defaults (src/domain/clock/settings.ts), e.g. an [INTERPRETATION] one. */
  clockSettings?: Partial<ClockSettings>;
}

/** The clock settings in force: the one place steps, guards and synth read periods and ceilings from. */
export function clockSettingsOf(deps: Pick<AppDeps, 'clockSettings'>): ClockSettings {
  return resolveClockSettings(deps.clockSettings);
}

/**
 * The clock settings in force for one agency: the platform's (above) with the agency's own
 * [INTERPRETATION] choices (lateFeePaymentAcceptable, set on the application settings page).
 */
export async function agencyClockSettings(
  deps: Pick<AppDeps, 'clockSettings' | 'db'>,
  agencyId: string,
): Promise<ClockSettings> {
  const own = await findLateFeeSetting(deps.db, agencyId);
  return resolveClockSettings({
    ...deps.clockSettings,
    ...(own ? { lateFeePaymentAcceptable: own.lateFeePaymentAcceptable } : {}),
  });
}

/** Builds the dependencies from the app context. */
export function appDeps(ctx: {
  db: Db;
  clock: Clock;
  encryptionKey: string;
  secret: string;
  config?: { publicUrl?: string; smsGateway?: string; cryptoSuite?: CryptoSuite };
}): AppDeps {
  return {
    db: ctx.db,
    clock: ctx.clock,
    cipher: createPersonalDataCipher(ctx.encryptionKey, ctx.config?.cryptoSuite ?? 'international'),
    secret: ctx.secret,
    publicUrl: ctx.config?.publicUrl ?? 'http://localhost:3000',
    smsEnabled: (ctx.config?.smsGateway ?? 'off') !== 'off',
  };
}

/** The stored keyed hash of a query code (the code itself is never stored). */
export function queryCodeHash(secret: string, code: string): string {
  return createHmac('sha256', secret).update(`gongkai query code\0${code}`).digest('hex');
}

/**
 * The query code of a form submission, derived from its idempotency token: a double submit of
 * the same form gets the same application and can show the same code again on its receipt.
 */
export function queryCodeForToken(secret: string, token: string): string {
  for (let i = 0; ; i++) {
    const code = queryCodeFromBytes(createHmac('sha256', secret).update(`gongkai receipt ${i}\0${token}`).digest());
    if (code) return code;
  }
}
