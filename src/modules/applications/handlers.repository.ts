/** Who may be assigned as handler: an active account of the agency holding the handler or office-head role. */
import type { DbOrTx } from '../../db/database.ts';
import { ValidationError } from '../../domain/errors.ts';

export async function assertHandler(db: DbOrTx, agencyId: string, userId: string | undefined): Promise<void> {
  if (!userId) throw new ValidationError({ handlerId: '请选择承办人' });
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('u.id', '=', userId)
    .where('u.agency_id', '=', agencyId)
    .where('u.status', '=', 'active')
    .where('r.role', 'in', ['handler', 'office_head'])
    .executeTakeFirst();
  if (!row) throw new ValidationError({ handlerId: '承办人须为本机关在用的承办人或负责人账号' });
}

/** The accounts that may be assigned, for the console's select. */
export async function listHandlers(db: DbOrTx, agencyId: string): Promise<Array<{ id: string; displayName: string }>> {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name as displayName'])
    .where('u.agency_id', '=', agencyId)
    .where('u.status', '=', 'active')
    .where('r.role', 'in', ['handler', 'office_head'])
    .distinct()
    .orderBy('u.display_name')
    .execute();
}
