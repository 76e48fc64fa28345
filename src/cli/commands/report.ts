/**
 * `gongkai report --agency NAME_OR_CODE --year YYYY [--format json|docx|xlsx|pdf|html] [--out FILE] [--published]`:
 * the annual report of an agency computed from its records (or, with --published, its latest
 * published version). With --aggregate, the aggregate of the agency and every agency below it
 * (tables 二/三/四; json|docx|xlsx|pdf; the JSON lists the agencies it covers). With --format json and no --out, stdout carries only the report
 * (gongkai.annual-report/1). Exit 0 on success, 2 for a usage error, 3 when the agency or the
 * published version does not exist.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

interface Options {
  agency?: string;
  year?: string;
  format: string;
  out?: string;
  published?: boolean;
  aggregate?: boolean;
}

const FORMATS = ['json', 'docx', 'xlsx', 'pdf', 'html'];

export function register(program: Command): void {
  program
    .command('report')
    .description('生成机关的政府信息公开工作年度报告（由业务记录计算，格式按年度确定）')
    .option('--agency <nameOrCode>', '机关全称或代码，例如 泉州市洛江区工业和信息化局')
    .option('--year <year>', '报告年度，例如 2020')
    .option('--format <format>', `输出格式：${FORMATS.join('、')}`, 'json')
    .option('--out <file>', '写入文件（不指定时输出到标准输出）')
    .option('--published', '输出已发布的最新版本，而不是按当前记录重新计算')
    .option('--aggregate', '输出本机关及全部下级机关的汇总表（表二、表三、表四）')
    .action(async (options: Options) => {
      if (!options.agency) throw new CliExit(ExitCode.Usage, '请用 --agency 指定机关全称或代码');
      const year = Number(options.year);
      if (!options.year || !Number.isInteger(year))
        throw new CliExit(ExitCode.Usage, '请用 --year 指定报告年度，例如 --year 2020');
      if (!FORMATS.includes(options.format))
        throw new CliExit(ExitCode.Usage, `--format 应为 ${FORMATS.join('、')} 之一`);
      const binary = options.format !== 'json' && options.format !== 'html';
      if (binary && !options.out && process.stdout.isTTY)
        throw new CliExit(ExitCode.Usage, `${options.format} 是二进制格式，请用 --out 指定输出文件`);
      if (options.aggregate && options.published)
        throw new CliExit(ExitCode.Usage, '--aggregate 与 --published 不能同时使用');
      if (options.aggregate && options.format === 'html')
        throw new CliExit(ExitCode.Usage, '汇总表的 --format 应为 json、docx、xlsx、pdf 之一');
      if (options.aggregate) {
        const { cliAggregate } = await import('../../modules/supervision/supervision.cli.ts');
        const { withRuntime } = await import('../runtime.ts');
        const file = await withRuntime((rt) =>
          cliAggregate(rt.db, rt.clock, { agency: options.agency!, year, format: options.format as 'json' }),
        );
        if (options.out) {
          writeFileSync(options.out, file.data);
          process.stderr.write(`已写入 ${options.out}\n`);
        } else process.stdout.write(file.data);
        return;
      }
      const { cliReport } = await import('../../modules/reports/reports.cli.ts');
      const { withRuntime } = await import('../runtime.ts');
      const file = await withRuntime((rt) =>
        cliReport(rt.db, rt.clock, {
          agency: options.agency!,
          year,
          format: options.format as 'json',
          published: options.published === true,
        }),
      );
      if (options.out) {
        writeFileSync(options.out, file.data);
        process.stderr.write(`已写入 ${options.out}\n`);
      } else {
        process.stdout.write(file.data);
      }
    });
}
