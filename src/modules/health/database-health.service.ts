/**
 * Statistics the product keeps itself, and the settings it warns about (issue 19).
 *
 * - SQLite: the planner knows nothing of a table's size until ANALYZE writes sqlite_stat1; a
 *   database grown by daily publishing never got it (the search plan then read every published
 *   item: 1.1 s instead of 7 ms). `keepStatistics` runs `PRAGMA optimize` at start and from an
 *   hourly job, and re-analyzes any table whose rows doubled or halved since its statistics.
 * - PostgreSQL relies on autovacuum; `diagnoseDatabase` (the `gongkai doctor` command and a
 *   warning on the system administrator's dashboard) says when it is off, when shared_buffers
 *   is far below the tables every public page reads, and which tables lack statistics.
 */
import { dialectOf } from '../../db/connect.ts';
import type { Db, DbOrTx } from '../../db/database.ts';
import type { Job } from '../jobs/scheduler.ts';
import {
  analyzePostgres,
  HOT_TABLES,
  postgresSettings,
  postgresStatistics,
  sqliteOptimize,
  sqliteStatistics,
  type PostgresSettings,
  type TableStatistics,
} from './database-health.repository.ts';

export interface DatabaseFinding {
  code: 'AUTOVACUUM_OFF' | 'SHARED_BUFFERS_SMALL' | 'STATISTICS_MISSING' | 'STATISTICS_STALE';
  /** What is wrong, in Chinese, with the figures. */
  message: string;
  /** What the operator does about it. */
  fix: string;
}

/** Tables smaller than this plan well without statistics. */
const SMALL_TABLE = 1_000;
/** shared_buffers below working set ÷ this is "far below". */
const BUFFERS_FACTOR = 4;

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** SQLite's rule for "enough change": the rows doubled or halved since the statistics (and the table is not small). */
export function staleTables(stats: readonly TableStatistics[]): string[] {
  return stats
    .filter(
      (s) =>
        s.analyzedRows !== null &&
        Math.max(s.rows, s.analyzedRows) >= SMALL_TABLE &&
        (s.rows >= 2 * s.analyzedRows || s.analyzedRows >= 2 * s.rows),
    )
    .map((s) => s.table);
}

/** Tables of some size whose statistics were never gathered. */
export function missingStatistics(stats: readonly TableStatistics[]): string[] {
  return stats.filter((s) => s.analyzedRows === null && s.rows >= SMALL_TABLE).map((s) => s.table);
}

/** PostgreSQL: more than a fifth of the rows changed since the statistics (autovacuum's default is a tenth). */
function isStalePg(s: TableStatistics): boolean {
  return s.rows >= SMALL_TABLE && (s.changedSince ?? 0) > 0.2 * s.rows + 1_000;
}

/** PostgreSQL's findings from its settings and statistics (pure: the thresholds are tested without a server). */
export function postgresFindings(settings: PostgresSettings, stats: readonly TableStatistics[]): DatabaseFinding[] {
  const out: DatabaseFinding[] = [];
  if (!settings.autovacuum || !settings.trackCounts)
    out.push({
      code: 'AUTOVACUUM_OFF',
      message: `PostgreSQL 的自动清理（autovacuum）已关闭${settings.trackCounts ? '' : '（track_counts = off）'}：统计信息和可见性映射不再更新，检索和列表会越来越慢。`,
      fix: '在 postgresql.conf 中设置 autovacuum = on、track_counts = on 并重新加载配置；恢复前可手动执行 VACUUM (ANALYZE)。',
    });
  if (settings.sharedBuffersBytes * BUFFERS_FACTOR < settings.workingSetBytes)
    out.push({
      code: 'SHARED_BUFFERS_SMALL',
      message: `PostgreSQL 的 shared_buffers 为 ${mb(settings.sharedBuffersBytes)}，远小于公开页面常用的数据（${HOT_TABLES.join('、')} 及其索引共 ${mb(settings.workingSetBytes)}）：检索的每个候选都要从操作系统读取数据页。`,
      fix: `把 shared_buffers 设为内存的 25% 左右（不少于 ${mb(settings.workingSetBytes / BUFFERS_FACTOR)}；内存允许时可达 ${mb(settings.workingSetBytes)}），重启 PostgreSQL。`,
    });
  const missing = missingStatistics(stats);
  if (missing.length)
    out.push({
      code: 'STATISTICS_MISSING',
      message: `以下数据表没有统计信息，查询计划可能读取整张表：${missing.join('、')}。`,
      fix: `执行 ANALYZE ${missing.join(', ')}；并确认 autovacuum 已开启。`,
    });
  const stale = stats.filter((s) => s.analyzedRows !== null && isStalePg(s)).map((s) => s.table);
  if (stale.length)
    out.push({
      code: 'STATISTICS_STALE',
      message: `以下数据表自上次统计后变化超过两成，统计信息已过时：${stale.join('、')}。`,
      fix: `执行 ANALYZE ${stale.join(', ')}；并确认 autovacuum 已开启。`,
    });
  return out;
}

/** SQLite's findings: statistics missing or stale (the hourly job fixes both; the doctor says so). */
export function sqliteFindings(stats: readonly TableStatistics[]): DatabaseFinding[] {
  const out: DatabaseFinding[] = [];
  const missing = missingStatistics(stats);
  if (missing.length)
    out.push({
      code: 'STATISTICS_MISSING',
      message: `以下数据表没有统计信息（sqlite_stat1），查询计划可能读取整张表：${missing.join('、')}。`,
      fix: '运行中的服务每小时自动补齐；也可停机后执行 gongkai doctor --fix。',
    });
  const stale = staleTables(stats);
  if (stale.length)
    out.push({
      code: 'STATISTICS_STALE',
      message: `以下数据表的行数自上次统计后翻倍或减半，统计信息已过时：${stale.join('、')}。`,
      fix: '运行中的服务每小时自动更新；也可执行 gongkai doctor --fix。',
    });
  return out;
}

/** Everything the doctor finds wrong with the database's upkeep (empty: all well). */
export async function diagnoseDatabase(db: DbOrTx): Promise<DatabaseFinding[]> {
  if (dialectOf(db) === 'postgres') return postgresFindings(await postgresSettings(db), await postgresStatistics(db));
  return sqliteFindings(await sqliteStatistics(db));
}

/**
 * Keeps the planner's statistics current. SQLite: `PRAGMA optimize` and ANALYZE of the tables
 * that changed enough. PostgreSQL: autovacuum's work, nothing here (the doctor warns when it is
 * off). Returns the tables analyzed by the product's own rule.
 */
export async function keepStatistics(db: DbOrTx): Promise<string[]> {
  if (dialectOf(db) === 'postgres') return [];
  const stale = staleTables(await sqliteStatistics(db));
  await sqliteOptimize(db, stale);
  return stale;
}

/**
 * `gongkai doctor --fix`: SQLite as keepStatistics; PostgreSQL ANALYZE of the tables whose
 * statistics are missing or stale (what autovacuum would have done). Returns the tables analyzed.
 */
export async function fixStatistics(db: DbOrTx): Promise<string[]> {
  if (dialectOf(db) !== 'postgres') {
    const before = await sqliteStatistics(db);
    await sqliteOptimize(db, staleTables(before));
    return [...missingStatistics(before), ...staleTables(before)];
  }
  const stats = await postgresStatistics(db);
  const tables = [
    ...missingStatistics(stats),
    ...stats.filter((s) => s.analyzedRows !== null && isStalePg(s)).map((s) => s.table),
  ];
  await analyzePostgres(db, tables);
  return tables;
}

/** The hourly job (the lock keeps it to one process; idempotent). */
export function statisticsJob(db: Db): Job {
  return { name: 'db-statistics', everyMs: 60 * 60_000, run: async () => void (await keepStatistics(db)) };
}
