/**
 * `gongkai workdays add YYYY-MM-DD N` prints only the date N working days after the date;
 * `gongkai workdays is YYYY-MM-DD` prints only `workday` or `offday`. Working days follow the
 * official calendar, including 调休 make-up days; the day itself is not counted (民法典
 * 第二百零一条). A date in a year not loaded ends with exit code 3 and the year named on stderr.
 */
import type { Command } from 'commander';
import { tryParseIsoDate } from '../../domain/calendar/dates.ts';
import { CliExit, ExitCode } from '../exit.ts';
import { cliCalendar } from './calendar.ts';

/** Upper bound for N: about forty years of working days, far beyond any statutory period. */
const MAX_WORKING_DAYS = 10_000;

function checkDate(value: string): string {
  if (tryParseIsoDate(value) === undefined)
    throw new CliExit(ExitCode.Usage, `日期应为 YYYY-MM-DD 格式，如 2024-09-27，收到：${value}`);
  return value;
}

function checkCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > MAX_WORKING_DAYS) {
    throw new CliExit(ExitCode.Usage, `工作日数应为 0 到 ${MAX_WORKING_DAYS} 之间的整数，收到：${value}`);
  }
  return Number(value);
}

interface CountFlags {
  startDayCounted?: boolean;
  provisional?: boolean;
}

/** A provisional result goes to stdout as usual, with the reason on stderr. */
function warnProvisional(missingYears: readonly number[]): void {
  if (missingYears.length === 0) return;
  process.stderr.write(
    `注意：未载入${missingYears.map((y) => `${y}年`).join('、')}的节假日安排，该年按周末和法定节假日计算，结果为暂定\n`,
  );
}

/** Registers `workdays add` and `workdays is`. */
export function register(program: Command): void {
  const workdays = program.command('workdays').description('按法定工作日（含调休上班日）计算日期');
  workdays
    .command('add')
    .description('输出 DATE 之后第 N 个工作日（起算当日不计入，民法典第二百零一条），只输出日期 YYYY-MM-DD')
    .argument('<date>', '起算日期 YYYY-MM-DD（中国标准时间的日历日期）')
    .argument('<n>', '工作日数')
    .option('--start-day-counted', '起算当日是工作日时计入（默认不计入）')
    .option('--provisional', '未载入的年份按周末和法定节假日计算并在标准错误输出中提示，而不是以状态 3 退出')
    .action(async (date: string, n: string, flags: CountFlags) => {
      const count = checkCount(n);
      const calendar = await cliCalendar();
      const startDayCounted = flags.startDayCounted === true;
      if (flags.provisional) {
        const result = calendar.addWorkingDays(checkDate(date), count, { startDayCounted, provisional: true });
        process.stdout.write(`${result.value}\n`);
        warnProvisional(result.missingYears);
        return;
      }
      process.stdout.write(`${calendar.addWorkingDays(checkDate(date), count, { startDayCounted })}\n`);
    });
  workdays
    .command('is')
    .description('判断 DATE 是否为工作日，只输出 workday 或 offday')
    .argument('<date>', '日期 YYYY-MM-DD')
    .option('--provisional', '未载入的年份按周末和法定节假日判断并在标准错误输出中提示，而不是以状态 3 退出')
    .action(async (date: string, flags: CountFlags) => {
      const calendar = await cliCalendar();
      if (flags.provisional) {
        const result = calendar.isWorkingDay(checkDate(date), { provisional: true });
        process.stdout.write(`${result.value ? 'workday' : 'offday'}\n`);
        warnProvisional(result.missingYears);
        return;
      }
      process.stdout.write(`${calendar.isWorkingDay(checkDate(date)) ? 'workday' : 'offday'}\n`);
    });
}
