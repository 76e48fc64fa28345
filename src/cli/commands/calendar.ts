/**
 * `gongkai calendar import FILE` and `gongkai calendar list`: the official days off and make-up
 * working days per year. Bundled years 2007–2026 ship with Gongkai; an imported year replaces
 * the bundled one or adds a new year (docs/calendar.md).
 */
import type { Command } from 'commander';
import type { Calendar } from '../../domain/calendar/calendar.ts';
import type { Db } from '../../db/database.ts';
import { CliExit, ExitCode } from '../exit.ts';

/**
 * Runs `fn` with the configured database, migrated, and always closes it. With `optional`,
 * and no database configured (no GONGKAI_DATABASE_URL and no default SQLite file yet),
 * runs `fn(null)` instead of creating a database as a side effect of a read-only command.
 */
export async function withCalendarDatabase<T>(
  fn: (db: Db | null) => Promise<T>,
  options: { optional: boolean },
): Promise<T> {
  const { existsSync } = await import('node:fs');
  const { loadConfig } = await import('../../config/config.ts');
  const config = loadConfig();
  const explicit = (process.env.GONGKAI_DATABASE_URL ?? '') !== '';
  const present = explicit || (config.database.kind === 'sqlite' && existsSync(config.database.file));
  if (!present && options.optional) return fn(null);
  const { openDatabase } = await import('../../db/connect.ts');
  const { migrateToLatest } = await import('../../db/migrate.ts');
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** The calendar in force for a CLI command: the database's when one is configured, else the bundled years. */
export async function cliCalendar(): Promise<Calendar> {
  return withCalendarDatabase(
    async (db) => {
      if (db === null) {
        const [{ Calendar }, { loadBundledYears }] = await Promise.all([
          import('../../domain/calendar/calendar.ts'),
          import('../../domain/calendar/bundled.ts'),
        ]);
        return Calendar.fromYears(loadBundledYears());
      }
      const { loadCalendar } = await import('../../modules/calendar/calendar.service.ts');
      return loadCalendar(db);
    },
    { optional: true },
  );
}

interface ImportOptions {
  year?: string;
  notice?: string;
  documentNo?: string;
  noticeDate?: string;
  dryRun?: boolean;
  confirmMissingHolidays?: boolean;
}

function parseYearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new CliExit(ExitCode.Usage, `--year 应为四位年份，如 2027，收到：${value}`);
  return Number(value);
}

async function importAction(file: string, options: ImportOptions): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { basename } = await import('node:path');
  let source: Buffer;
  try {
    // Bytes: a CSV saved by Excel or WPS on Chinese Windows is GB18030 (decoded in parseCalendarFile).
    source = readFileSync(file);
  } catch {
    throw new CliExit(ExitCode.Usage, `无法读取文件：${file}`);
  }
  const { parseCalendarFile } = await import('../../domain/calendar/parse.ts');
  const year = parseCalendarFile(basename(file), source, {
    ...(options.year !== undefined ? { year: parseYearOption(options.year) as number } : {}),
    ...(options.notice !== undefined ? { noticeTitle: options.notice } : {}),
    ...(options.documentNo !== undefined ? { documentNo: options.documentNo } : {}),
    ...(options.noticeDate !== undefined ? { noticeDate: options.noticeDate } : {}),
  });
  const off = year.days.filter((d) => d.kind === 'off').length;
  const summary = `${year.year}年节假日安排（${year.notice.title}${year.notice.documentNo ? `，${year.notice.documentNo}` : ''}）：放假${off}天，调休上班${year.days.length - off}天`;
  const [{ importCalendarYear, checkStatutoryHolidays }, { formatChineseDate }] = await Promise.all([
    import('../../modules/calendar/calendar.service.ts'),
    import('../../domain/time.ts'),
  ]);
  const missing = checkStatutoryHolidays(year, true);
  const missingText = missing.map((m) => `${m.name}（${formatChineseDate(m.date)}）`).join('、');
  if (options.dryRun) {
    process.stdout.write(`文件有效，未导入：${summary}\n`);
    if (missing.length)
      process.stdout.write(`注意：文件缺少法定节假日${missingText}；导入时须加 --confirm-missing-holidays\n`);
    return;
  }
  const [{ systemActor }, { systemClock }, { recomputeAfterCalendarImport }] = await Promise.all([
    import('../../policies/actor.ts'),
    import('../../config/clock.ts'),
    import('../../modules/applications/documents/provisional.ts'),
  ]);
  const result = await withCalendarDatabase(
    (db) =>
      importCalendarYear(db as Db, systemActor('命令行'), year, systemClock, {
        confirmMissingHolidays: options.confirmMissingHolidays === true,
        afterImport: (tx, calendar) => recomputeAfterCalendarImport(tx, systemClock, calendar, [year.year]),
      }),
    { optional: false },
  );
  const replaced = result.replacedImport
    ? '（替换了此前导入的同年日历）'
    : result.overridesBundled
      ? '（替换了内置的同年日历）'
      : '';
  process.stdout.write(`已导入${summary}${replaced}\n`);
  if (missing.length) process.stdout.write(`经确认，文件缺少法定节假日${missingText}\n`);
  const after = result.after;
  if (after)
    process.stdout.write(
      `已重新计算${after.recomputed}件申请的期限（${after.changed}件有变化），核定暂定文书${after.noticesSettled}份，出具期限调整告知书${after.followUps}份\n`,
    );
}

async function listAction(): Promise<void> {
  const { listCalendarYears } = await import('../../modules/calendar/calendar.service.ts');
  const rows = await withCalendarDatabase(
    async (db) => {
      if (db !== null) return listCalendarYears(db);
      const { loadBundledYears } = await import('../../domain/calendar/bundled.ts');
      return loadBundledYears().map((y) => ({
        year: y.year,
        source: 'bundled' as const,
        notice: y.notice,
        days: y.days.length,
      }));
    },
    { optional: true },
  );
  for (const r of rows) {
    const source = r.source === 'bundled' ? '内置' : '导入';
    const meta = [r.notice.documentNo ?? '文号不详', r.notice.date ?? '成文日期不详'].join('，');
    process.stdout.write(`${r.year}\t${source}\t${r.days}天\t${r.notice.title}（${meta}）\n`);
  }
}

/** Registers `calendar import` and `calendar list`. */
export function register(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('节假日安排（国务院办公厅关于××××年部分节假日安排的通知）：导入与查看');
  calendar
    .command('import')
    .description(
      '导入一年的放假和调休上班日期（JSON、CSV 或 .ics），校验后写入数据库并记入审计日志；导入的年份替换内置数据',
    )
    .argument('<file>', '日历文件：.json、.csv 或 .ics（格式见 docs/calendar.md）')
    .option('--year <year>', '年份（文件中没有写明时必须指定）')
    .option('--notice <title>', '通知标题，如：国务院办公厅关于2027年部分节假日安排的通知')
    .option('--document-no <no>', '发文字号，如：国办发明电〔2026〕7号')
    .option('--notice-date <date>', '成文日期 YYYY-MM-DD')
    .option('--dry-run', '只校验文件，不写入数据库')
    .option('--confirm-missing-holidays', '文件缺少《全国年节及纪念日放假办法》规定的法定节假日时仍导入（须确属有意）')
    .action(importAction);
  calendar.command('list').description('列出已载入的年份：内置的和导入的，以及各年的通知').action(listAction);
}
