/** Failed sign-in counts (src/domain/login-throttle.ts), shared by every app node through the database. */
import type { DbOrTx } from '../../db/database.ts';
import { EMPTY_THROTTLE, type ThrottleScope, type ThrottleState } from '../../domain/login-throttle.ts';

export interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
  usernameHash: string | null;
  address: string | null;
}

/** The states of the given keys (an unseen key is a fresh state). */
export async function readThrottles(db: DbOrTx, keys: ThrottleKey[]): Promise<ThrottleState[]> {
  const rows = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  return keys.map((k) => {
    const row = rows.find((r) => r.key === k.key);
    return row
      ? {
          failures: row.failures,
          lockouts: row.lockouts,
          blockedUntil: row.blocked_until,
          trusted: row.trusted === 1,
          updatedAt: row.updated_at,
        }
      : EMPTY_THROTTLE;
  });
}

export async function saveThrottle(db: DbOrTx, k: ThrottleKey, state: ThrottleState, now: string): Promise<void> {
  const values = {
    failures: state.failures,
    lockouts: state.lockouts,
    blocked_until: state.blockedUntil,
    trusted: state.trusted ? 1 : 0,
    updated_at: state.updatedAt ?? now,
  };
  await db
    .insertInto('login_throttle')
    .values({ key: k.key, scope: k.scope, username_hash: k.usernameHash, address: k.address, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

/** Lifts every block on a username (the pair rows and the username-wide row); trust is kept. */
export async function clearUsername(db: DbOrTx, usernameHash: string, now: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: 0, lockouts: 0, blocked_until: null, updated_at: now })
    .where('username_hash', '=', usernameHash)
    .execute();
}

/** Forgets rows untouched since `before` that hold no block and no trust (housekeeping). */
export async function purgeThrottles(db: DbOrTx, before: string): Promise<number> {
  const r = await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', before)
    .where('trusted', '=', 0)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', before)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
