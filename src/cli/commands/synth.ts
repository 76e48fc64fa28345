/**
 * `gongkai synth`: fills the configured database with a synthetic platform for benchmarks
 * (src/modules/synth): an agency tree and published catalog items. Refuses a database that
 * already has agencies unless --force. Later features add their own steps (e.g. applications).
 */
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

export function register(program: Command): void {
  program
    .command('synth')
    .description('生成合成数据（用于性能测试）：机构树和已发布的主动公开信息')
    .option('--agencies <n>', '机构数', '5000')
    .option('--items <n>', '主动公开信息条数', '1000000')
    .option('--seed <n>', '随机种子（同一种子生成同样的数据）', '1')
    .option('--only <steps>', '只运行这些步骤（逗号分隔，如 agencies,catalog）')
    .option('--force', '数据库中已有机构时仍然生成')
    .allowUnknownOption(false)
    .action(async (flags: { agencies: string; items: string; seed: string; only?: string; force?: boolean }) => {
      const { withRuntime } = await import('../runtime.ts');
      const { countAgencies } = await import('../../modules/agencies/agencies.repository.ts');
      const { loadCalendar } = await import('../../modules/calendar/calendar.service.ts');
      const { runSynth, rng } = await import('../../modules/synth/synth.service.ts');
      const { SYNTH_STEPS } = await import('../../modules/synth/synth.steps.ts');
      const counts = { agencies: Number(flags.agencies), items: Number(flags.items) };
      if (
        !Number.isInteger(counts.agencies) ||
        !Number.isInteger(counts.items) ||
        counts.agencies < 3 ||
        counts.items < 0
      )
        throw new CliExit(ExitCode.Usage, '--agencies 至少为3，--items 须为非负整数');
      await withRuntime(async (rt) => {
        if (!flags.force && (await countAgencies(rt.db)) > 0)
          throw new CliExit(ExitCode.Usage, '数据库中已有机构；如确需在其中生成合成数据，请加 --force');
        const started = Date.now();
        const tty = process.stderr.isTTY;
        await runSynth(
          {
            db: rt.db,
            clock: rt.clock,
            calendar: await loadCalendar(rt.db),
            random: rng(Number(flags.seed)),
            counts,
            progress: (step, done, total) => {
              const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
              process.stderr.write(`${tty ? '\r' : ''}${step}: ${done}/${total}（${rate} 条/秒）${tty ? '' : '\n'}`);
            },
          },
          SYNTH_STEPS,
          flags.only?.split(',').map((s) => s.trim()),
        );
        process.stderr.write(`\n完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒\n`);
      });
    });
}
