/**
 * `gongkai scorecard --agency NAME_OR_CODE --year YYYY [--format json|xlsx] [--out FILE]`: the
 * 政务公开考核 scorecard of the agency's subtree for the year, by the indicator set in force. The
 * JSON carries the indicator set used and, per agency, the total, the rank and each indicator's
 * points, maximum and evidence count. Exit 0 on success, 2 for a usage error, 3 when the agency
 * does not exist.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

interface Options {
  agency?: string;
  year?: string;
  format: string;
  out?: string;
}

const FORMATS = ['json', 'xlsx'];

export function register(program: Command): void {
  program
    .command('scorecard')
    .description('按考核指标体系计算本机关及下级机关的政务公开考核得分（由业务记录计算）')
    .option('--agency <nameOrCode>', '考核范围的上级机关全称或代码，例如 泉州市洛江区人民政府')
    .option('--year <year>', '考核年度，例如 2025')
    .option('--format <format>', `输出格式：${FORMATS.join('、')}`, 'json')
    .option('--out <file>', '写入文件（不指定时输出到标准输出）')
    .action(async (options: Options) => {
      if (!options.agency) throw new CliExit(ExitCode.Usage, '请用 --agency 指定机关全称或代码');
      const year = Number(options.year);
      if (!options.year || !Number.isInteger(year))
        throw new CliExit(ExitCode.Usage, '请用 --year 指定考核年度，例如 --year 2025');
      if (!FORMATS.includes(options.format))
        throw new CliExit(ExitCode.Usage, `--format 应为 ${FORMATS.join('、')} 之一`);
      if (options.format === 'xlsx' && !options.out && process.stdout.isTTY)
        throw new CliExit(ExitCode.Usage, 'xlsx 是二进制格式，请用 --out 指定输出文件');
      const { cliScorecard } = await import('../../modules/supervision/supervision.cli.ts');
      const { withRuntime } = await import('../runtime.ts');
      const data = await withRuntime((rt) =>
        cliScorecard(rt.db, rt.clock, { agency: options.agency!, year, format: options.format as 'json' }),
      );
      if (options.out) {
        writeFileSync(options.out, data);
        process.stderr.write(`已写入 ${options.out}\n`);
      } else process.stdout.write(data);
    });
}
