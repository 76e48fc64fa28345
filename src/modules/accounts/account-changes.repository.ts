/** Account changes awaiting the 安全保密管理员 (src/domain/accounts.ts grantNeedsApproval). */
import type { DbOrTx } from '../../db/database.ts';
import type { Role } from '../../domain/accounts.ts';

export interface AccountChange {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  kind: 'grant' | 'password_reset';
  roles: Role[] | null;
  reach: string[] | null;
  newAccount: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  requestedBy: string | null;
  requestedByName: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
}

function query(db: DbOrTx) {
  return db
    .selectFrom('account_change as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .selectAll('c')
    .select(['u.username', 'u.display_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function toChange(r: Row): AccountChange {
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    agencyId: r.agency_id,
    kind: r.kind,
    roles: r.roles ? (JSON.parse(r.roles) as Role[]) : null,
    reach: r.reach ? (JSON.parse(r.reach) as string[]) : null,
    newAccount: Number(r.new_account) === 1,
    status: r.status,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    note: r.note,
  };
}

export async function insertChange(
  db: DbOrTx,
  c: Pick<
    AccountChange,
    'id' | 'userId' | 'agencyId' | 'kind' | 'roles' | 'reach' | 'newAccount' | 'requestedBy' | 'requestedByName'
  >,
  now: string,
): Promise<void> {
  // A newer request of the same kind replaces a pending one.
  await db
    .updateTable('account_change')
    .set({ status: 'superseded', decided_at: now })
    .where('user_id', '=', c.userId)
    .where('kind', '=', c.kind)
    .where('status', '=', 'pending')
    .execute();
  await db
    .insertInto('account_change')
    .values({
      id: c.id,
      user_id: c.userId,
      agency_id: c.agencyId,
      kind: c.kind,
      roles: c.roles ? JSON.stringify(c.roles) : null,
      reach: c.reach ? JSON.stringify(c.reach) : null,
      new_account: c.newAccount ? 1 : 0,
      status: 'pending',
      requested_by: c.requestedBy,
      requested_by_name: c.requestedByName,
      requested_at: now,
    })
    .execute();
}

export async function findChange(db: DbOrTx, id: string): Promise<AccountChange | null> {
  const r = await query(db).where('c.id', '=', id).executeTakeFirst();
  return r ? toChange(r) : null;
}

export async function listChanges(
  db: DbOrTx,
  filter: { agencyIds: readonly string[] | 'all'; status?: string; userId?: string },
): Promise<AccountChange[]> {
  let q = query(db);
  if (filter.agencyIds !== 'all')
    q = q.where('c.agency_id', 'in', filter.agencyIds.length ? [...filter.agencyIds] : ['']);
  if (filter.status) q = q.where('c.status', '=', filter.status as AccountChange['status']);
  if (filter.userId) q = q.where('c.user_id', '=', filter.userId);
  return (await q.orderBy('c.requested_at', 'desc').limit(500).execute()).map(toChange);
}

export async function pendingFor(db: DbOrTx, userIds: readonly string[]): Promise<AccountChange[]> {
  if (userIds.length === 0) return [];
  const rows = await query(db)
    .where('c.status', '=', 'pending')
    .where('c.user_id', 'in', [...userIds])
    .execute();
  return rows.map(toChange);
}

/** Decides a pending change; false when it was no longer pending (decided by someone else meanwhile). */
export async function decideChange(
  db: DbOrTx,
  id: string,
  d: { status: 'approved' | 'rejected'; by: string | null; byName: string; at: string; note: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('account_change')
    .set({ status: d.status, decided_by: d.by, decided_by_name: d.byName, decided_at: d.at, note: d.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
