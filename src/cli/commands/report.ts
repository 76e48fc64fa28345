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
  const report = program
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
  registerBatch(report);
}

interface BatchCliOptions {
  under?: string;
  year?: string;
  format: string;
  out?: string;
  published?: boolean;
  concurrency: string;
  shard?: string;
}

/**
 * `gongkai report batch --under NAME_OR_CODE --year YYYY --out DIR [--format pdf,docx] [--published]
 * [--concurrency N] [--shard I/N]`: every report of the subtree into DIR (reports.batch.ts).
 * Progress on stderr, the summary on stdout and in DIR/summary.json. Exit 0 when every agency
 * was written or skipped, 1 when any failed (the others are still written), 2 for a usage error,
 * 3 when the agency does not exist.
 */
function registerBatch(report: Command): void {
  report
    .command('batch')
    .description('批量生成某机关及其全部下级机关的年度报告（逐个机关写入目录，出错的机关列入汇总，不中断）')
    .option('--under <nameOrCode>', '上级机关全称或代码（含本机关）')
    .option('--year <year>', '报告年度，例如 2025')
    .option('--format <formats>', `输出格式，逗号分隔：${FORMATS.join('、')}`, 'pdf')
    .option('--out <dir>', '输出目录')
    .option('--published', '输出各机关已发布的最新版本（未发布的跳过）')
    .option('--concurrency <n>', '本进程同时处理的机关数（1–32）', '4')
    .option('--shard <i/n>', '只处理第 i 份（共 n 份，按机构树顺序轮流分配），用于多个进程并行')
    .action(async (options: BatchCliOptions) => {
      if (!options.under) throw new CliExit(ExitCode.Usage, '请用 --under 指定上级机关全称或代码');
      const year = Number(options.year);
      if (!options.year || !Number.isInteger(year))
        throw new CliExit(ExitCode.Usage, '请用 --year 指定报告年度，例如 --year 2025');
      if (!options.out) throw new CliExit(ExitCode.Usage, '请用 --out 指定输出目录');
      const formats = [...new Set(options.format.split(',').map((f) => f.trim()))];
      if (formats.length === 0 || formats.some((f) => !FORMATS.includes(f)))
        throw new CliExit(ExitCode.Usage, `--format 应为 ${FORMATS.join('、')} 中的一个或多个（逗号分隔）`);
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32)
        throw new CliExit(ExitCode.Usage, '--concurrency 应为 1 到 32 之间的整数');
      let shard: { index: number; count: number } | undefined;
      if (options.shard !== undefined) {
        const m = /^(\d+)\/(\d+)$/.exec(options.shard.trim());
        const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
        if (!m || n < 1 || i < 1 || i > n)
          throw new CliExit(ExitCode.Usage, '--shard 应写作 i/n，例如 1/4（1 ≤ i ≤ n）');
        shard = { index: i - 1, count: n };
      }
      const { batchReports } = await import('../../modules/reports/reports.batch.ts');
      const { withRuntime } = await import('../runtime.ts');
      const step = { last: 0 };
      const summary = await withRuntime((rt) =>
        batchReports(rt.db, rt.clock, {
          under: options.under!,
          year,
          formats: formats as Array<'pdf'>,
          published: options.published === true,
          outDir: options.out!,
          concurrency,
          shard,
          onProgress(p) {
            // A line per failure, and the count every 1 % (5,000 agencies: 50 lines, not 5,000).
            if (p.outcome === 'failed')
              process.stderr.write(`失败：${p.agency.name}（${p.agency.code}）：${p.message}\n`);
            if (p.done === p.total || p.done - step.last >= Math.max(1, Math.floor(p.total / 100))) {
              step.last = p.done;
              process.stderr.write(`已处理 ${p.done}/${p.total}\n`);
            }
          },
        }),
      );
      const { results, ...totals } = summary;
      process.stdout.write(
        `${JSON.stringify({ ...totals, failures: results.filter((r) => r.outcome === 'failed') }, null, 2)}\n`,
      );
      process.stderr.write(
        `${summary.under.name}及下级机关 ${summary.year} 年度报告：${summary.agencies} 个机关，生成 ${summary.written} 个（${summary.files} 个文件），跳过 ${summary.skipped} 个，失败 ${summary.failed} 个，用时 ${summary.seconds} 秒；汇总见 ${options.out}\n`,
      );
      if (summary.failed > 0) throw new CliExit(ExitCode.Failure);
    });
}
