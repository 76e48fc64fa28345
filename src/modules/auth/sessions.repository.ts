import type { DbOrTx } from '../../db/database.ts';

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(
  db: DbOrTx,
  s: SessionRecord & { clientIp: string; userAgent: string },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      client_ip: s.clientIp,
      user_agent: s.userAgent.slice(0, 300),
    })
    .execute();
}

export async function findSession(db: DbOrTx, id: string): Promise<SessionRecord | null> {
  const r = await db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  return r
    ? {
        id: r.id,
        userId: r.user_id,
        csrfToken: r.csrf_token,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
      }
    : null;
}

export async function touchSession(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Ends every session of a user (account disabled, password reset). */
export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Housekeeping: sessions past their absolute expiry or idle limit. */
export async function deleteExpiredSessions(db: DbOrTx, now: string, idleCutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
