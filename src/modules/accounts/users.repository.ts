import type { DbOrTx } from '../../db/database.ts';
import type { Role } from '../../domain/accounts.ts';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  passwordHash: string;
  status: 'active' | 'disabled';
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  /** Work e-mail for reminders; null when none is set. */
  email: string | null;
  /** Whether the user receives reminder e-mails (their preference, default on). */
  reminderEmail: boolean;
  /** The password was set by someone else (init, a reset): only changing it is allowed until then. */
  mustChangePassword: boolean;
  roles: Role[];
  reach: string[];
}

function baseQuery(db: DbOrTx) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.agency_id',
      'a.name as agency_name',
      'u.password_hash',
      'u.status',
      'u.failed_logins',
      'u.locked_until',
      'u.last_login_at',
      'u.created_at',
      'u.email',
      'u.reminder_email',
      'u.must_change_password',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

async function withRoles(db: DbOrTx, rows: BaseRow[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roles = await db
    .selectFrom('user_role')
    .select(['user_id', 'role'])
    .where('user_id', 'in', ids)
    .orderBy('role')
    .execute();
  const reach = await db
    .selectFrom('user_reach')
    .select(['user_id', 'agency_id'])
    .where('user_id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    passwordHash: r.password_hash,
    status: r.status as UserRecord['status'],
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    email: r.email,
    reminderEmail: Number(r.reminder_email) === 1,
    mustChangePassword: Number(r.must_change_password) === 1,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role as Role),
    reach: reach.filter((x) => x.user_id === r.id).map((x) => x.agency_id),
  }));
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRecord | null> {
  const row = await baseQuery(db).where('u.id', '=', id).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0]! : null;
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRecord | null> {
  const row = await baseQuery(db).where('u.username', '=', username).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0]! : null;
}

export async function listUsers(db: DbOrTx, agencyIds: readonly string[] | 'all'): Promise<UserRecord[]> {
  let q = baseQuery(db);
  if (agencyIds !== 'all') q = q.where('u.agency_id', 'in', agencyIds.length ? [...agencyIds] : ['']);
  return withRoles(db, await q.orderBy('a.name').orderBy('u.username').execute());
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  passwordHash: string;
  email: string | null;
  reminderEmail: boolean;
  /** Set for accounts whose first password someone else chose (gongkai init). */
  mustChangePassword?: boolean;
  roles: Role[];
  reach: string[];
}

export async function insertUser(db: DbOrTx, u: NewUser, now: string): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      agency_id: u.agencyId,
      password_hash: u.passwordHash,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
      email: u.email,
      reminder_email: u.reminderEmail ? 1 : 0,
      must_change_password: u.mustChangePassword ? 1 : 0,
    })
    .execute();
  await replaceRoles(db, u.id, u.roles);
  await replaceReach(db, u.id, u.reach);
}

export async function replaceRoles(db: DbOrTx, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length)
    await db
      .insertInto('user_role')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
}

export async function replaceReach(db: DbOrTx, userId: string, agencyIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_reach').where('user_id', '=', userId).execute();
  if (agencyIds.length)
    await db
      .insertInto('user_reach')
      .values(agencyIds.map((agency_id) => ({ user_id: userId, agency_id })))
      .execute();
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  set: Partial<{
    display_name: string;
    status: string;
    password_hash: string;
    password_changed_at: string;
    failed_logins: number;
    locked_until: string | null;
    last_login_at: string;
    email: string | null;
    reminder_email: number;
    must_change_password: number;
  }>,
  now: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Stores a new password's hash, clearing the failed sign-ins and any lock with it. `mustChange`:
 * someone other than the holder chose it, so the holder must change it at next sign-in.
 */
export async function storePassword(
  db: DbOrTx,
  id: string,
  passwordHash: string,
  { mustChange }: { mustChange: boolean },
  now: string,
): Promise<void> {
  await updateUser(
    db,
    id,
    {
      password_hash: passwordHash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      must_change_password: mustChange ? 1 : 0,
    },
    now,
  );
}

export async function countLockedUsers(db: DbOrTx, agencyIds: readonly string[] | 'all', now: string): Promise<number> {
  let q = db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('locked_until', '>', now);
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds.length ? [...agencyIds] : ['']);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function countUsers(db: DbOrTx, agencyIds: readonly string[] | 'all'): Promise<number> {
  let q = db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active');
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds.length ? [...agencyIds] : ['']);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Active accounts of an agency that hold a role (e.g. its office heads, who get every reminder). */
export async function activeUsersWithRole(db: DbOrTx, agencyId: string, role: Role): Promise<UserRecord[]> {
  const rows = await baseQuery(db)
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .where('u.agency_id', '=', agencyId)
    .where('u.status', '=', 'active')
    .where('r.role', '=', role)
    .orderBy('u.username')
    .execute();
  return withRoles(db, rows);
}
