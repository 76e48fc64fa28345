/**
 * The dashboard warning for the system administrator (系统管理员): the doctor's findings about
 * the database's upkeep (database-health.service.ts). Diagnosing counts rows on SQLite, so a
 * result is reused for ten minutes per database handle.
 */
import type { Db } from '../../db/database.ts';
import type { DashboardWarning, WarningSource } from '../dashboard/dashboard.service.ts';
import { diagnoseDatabase } from './database-health.service.ts';

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<Db, { at: number; warnings: DashboardWarning[] }>();

export const databaseWarnings: WarningSource = async (db, actor, clock) => {
  if (!actor.roles.includes('system_admin')) return [];
  const now = clock.now().getTime();
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.warnings;
  const warnings = (await diagnoseDatabase(db)).map((f) => ({
    code: `DATABASE_${f.code}`,
    message: `${f.message}处理：${f.fix}（详见 gongkai doctor）`,
  }));
  cache.set(db, { at: now, warnings });
  return warnings;
};
