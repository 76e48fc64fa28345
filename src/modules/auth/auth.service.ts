/**
 * Signing in and out, and turning a session cookie or an API token into an Actor.
 * Sessions live in the database, so several app nodes share them (DESIGN.md "Scale").
 * Only the sha256 of a session cookie or API token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { formatChineseDateTime, type Clock } from '../../domain/time.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { actorForUser } from '../accounts/actor.ts';
import { DUMMY_HASH, verifyPassword } from '../accounts/password.ts';
import * as users from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as sessions from './sessions.repository.ts';
import { purgeThrottles, readThrottles, saveThrottle } from './login-throttle.repository.ts';
import { throttleKeys } from './login-throttle.keys.ts';
import { afterFailure, afterSuccess, refusal } from '../../domain/login-throttle.ts';

export interface AuthSettings {
  lockoutThreshold: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export interface LoginResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  user: users.UserRecord;
  actor: Actor;
}

function lockedError(until: string): DomainError {
  return new DomainError(
    'ACCOUNT_LOCKED',
    `登录失败次数过多，已锁定至 ${formatChineseDateTime(new Date(until))}，届时再试，或联系安全管理员解锁`,
    { lockedUntil: until },
  );
}

/**
 * Checks a username and password. The answer and the time it takes are the same whether the
 * username exists or not: a password hash is always computed (a dummy one for unknown names and
 * for attempts refused while blocked), and failures are counted per username × address, per
 * username and per address with growing blocks (src/domain/login-throttle.ts), for unknown
 * usernames exactly as for known ones. A blocked attempt is refused even with the right password.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; clientIp: string; userAgent: string },
  settings: AuthSettings,
  clock: Clock,
): Promise<LoginResult> {
  const now = clock.now();
  const iso = now.toISOString();
  const username = input.username.trim().toLowerCase();
  const keys = throttleKeys(username, input.clientIp);
  const [userAddress, userWide, address] = await readThrottles(db, keys);
  const user = await users.findUserByUsername(db, username);
  const blocked = refusal({ userAddress: userAddress!, user: userWide!, address: address! }, now);
  // Always one scrypt, so neither a block nor an unknown name answers faster.
  const ok = (await verifyPassword(input.password, user && !blocked ? user.passwordHash : DUMMY_HASH)) && !!user;
  if (blocked) throw lockedError(blocked);
  const actor = { ...systemActor(`登录（${user?.username ?? '未知用户名'}）`), clientIp: input.clientIp };
  if (!ok || !user) {
    const states = [userAddress!, userWide!, address!].map((st, i) => afterFailure(keys[i]!.scope, st, settings, now));
    const lockedUntil = states.find((st) => st.locked)?.blockedUntil ?? null;
    await db.transaction().execute(async (tx) => {
      for (const [i, st] of states.entries()) await saveThrottle(tx, keys[i]!, st, iso);
      if (user) {
        // Shown to the security administrator, who may lift it (users.unlock).
        await users.updateUser(
          tx,
          user.id,
          { failed_logins: user.failedLogins + 1, ...(lockedUntil ? { locked_until: lockedUntil } : {}) },
          iso,
        );
      }
      await recordAudit(
        tx,
        actor,
        lockedUntil
          ? {
              agencyId: user?.agencyId ?? null,
              action: 'auth.locked',
              subjectType: 'user',
              subjectId: user?.id ?? null,
              summary: `${user ? `账号 ${user.username}` : '未知用户名'}登录失败次数过多（来自 ${input.clientIp}），锁定至 ${formatChineseDateTime(new Date(lockedUntil))}`,
            }
          : {
              agencyId: user?.agencyId ?? null,
              action: 'auth.login_failed',
              subjectType: 'user',
              subjectId: user?.id ?? null,
              summary: user
                ? `账号 ${user.username} 密码错误（来自 ${input.clientIp}）`
                : `未知用户名登录失败（来自 ${input.clientIp}）`,
            },
        clock,
      );
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new DomainError('INVALID_CREDENTIALS', '用户名或密码不正确');
  }
  if (user.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', '账号已停用，请联系本机关管理员');
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  await db.transaction().execute(async (tx) => {
    // The pair and the username start afresh; the address's count stands (one good account
    // must not wipe the trace of spraying over others).
    await saveThrottle(tx, keys[0]!, afterSuccess('user_address', userAddress!, now), iso);
    await saveThrottle(tx, keys[1]!, afterSuccess('user', userWide!, now), iso);
    await sessions.insertSession(tx, {
      id: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      createdAt: iso,
      lastSeenAt: iso,
      expiresAt: new Date(now.getTime() + settings.sessionMaxHours * 3_600_000).toISOString(),
      clientIp: input.clientIp,
      userAgent: input.userAgent,
    });
    await users.updateUser(tx, user.id, { failed_logins: 0, locked_until: null, last_login_at: iso }, iso);
    await recordAudit(
      tx,
      { ...actor, id: user.id, name: user.displayName },
      {
        agencyId: user.agencyId,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.username} 登录`,
      },
      clock,
    );
  });
  const fresh = (await users.findUserById(db, user.id))!;
  return {
    sessionToken,
    csrfToken,
    user: fresh,
    actor: await actorForUser(db, fresh, { kind: 'user', scopes: null, clientIp: input.clientIp }),
  };
}

export interface SessionContext {
  sessionId: string;
  csrfToken: string;
  user: users.UserRecord;
  actor: Actor;
}

/**
 * How stale last_seen_at may get (ms): the idle timer's granularity. One write per session per
 * five seconds at most — a console page's burst of requests still writes once.
 */
export const SESSION_TOUCH_MS = 5_000;

/**
 * The session behind a cookie, or null when unknown, expired (absolute limit) or idle too long.
 * Touches last_seen_at at most every SESSION_TOUCH_MS, so the idle limit (等保: 登录连接超时自动
 * 退出) counts from the last request to within seconds — at most once a minute, as first built,
 * a session active a few seconds after its last touch ended up to a minute early (issue 15).
 */
export async function resolveSession(
  db: Db,
  token: string,
  clientIp: string,
  settings: AuthSettings,
  clock: Clock,
): Promise<SessionContext | null> {
  const id = sha256(token);
  const session = await sessions.findSession(db, id);
  if (!session) return null;
  const now = clock.now();
  const idleLimit = new Date(new Date(session.lastSeenAt).getTime() + settings.sessionIdleMinutes * 60_000);
  if (session.expiresAt <= now.toISOString() || idleLimit <= now) {
    await sessions.deleteSession(db, id);
    return null;
  }
  const user = await users.findUserById(db, session.userId);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= SESSION_TOUCH_MS)
    await sessions.touchSession(db, id, now.toISOString());
  return {
    sessionId: id,
    csrfToken: session.csrfToken,
    user,
    actor: await actorForUser(db, user, { kind: 'user', scopes: null, clientIp }),
  };
}

export async function logout(db: Db, ctx: SessionContext, clock: Clock): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sessions.deleteSession(tx, ctx.sessionId);
    await recordAudit(
      tx,
      ctx.actor,
      {
        agencyId: ctx.user.agencyId,
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: ctx.user.id,
        summary: `${ctx.user.username} 退出登录`,
      },
      clock,
    );
  });
}

export async function purgeExpiredSessions(db: Db, settings: AuthSettings, clock: Clock): Promise<number> {
  const now = clock.now();
  // Throttle rows a day old with no block and no trust say nothing any more (login-throttle.ts).
  await purgeThrottles(db, new Date(now.getTime() - 24 * 3_600_000).toISOString());
  return sessions.deleteExpiredSessions(
    db,
    now.toISOString(),
    new Date(now.getTime() - settings.sessionIdleMinutes * 60_000).toISOString(),
  );
}
