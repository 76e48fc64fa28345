/**
 * `gongkai doctor`: checks the database's upkeep — PostgreSQL's autovacuum, shared_buffers against
 * the tables every public page reads, planner statistics missing or stale (both databases) — and
 * says what to change (src/modules/health/database-health.service.ts). `--fix` gathers the
 * statistics that are missing or stale; settings stay the operator's. Exit 3 while something is
 * wrong, so a deployment check can fail on it.
 */
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

export function register(program: Command): void {
  program
    .command('doctor')
    .description('数据库体检：自动清理、shared_buffers、统计信息（有问题时退出码为 3）')
    .option('--json', '以 JSON 输出')
    .option('--fix', '补齐缺失或过时的统计信息（SQLite：PRAGMA optimize 与 ANALYZE；PostgreSQL：ANALYZE）')
    .action(async (flags: { json?: boolean; fix?: boolean }) => {
      const { withRuntime } = await import('../runtime.ts');
      const { diagnoseDatabase, fixStatistics } = await import('../../modules/health/database-health.service.ts');
      const findings = await withRuntime(async (rt) => {
        if (flags.fix) {
          const analyzed = await fixStatistics(rt.db);
          if (!flags.json) process.stdout.write(analyzed.length ? `已更新统计信息：${analyzed.join('、')}\n` : '');
        }
        return diagnoseDatabase(rt.db);
      });
      if (flags.json) process.stdout.write(`${JSON.stringify({ ok: findings.length === 0, findings }, null, 2)}\n`);
      else if (findings.length === 0) process.stdout.write('数据库体检：未发现问题。\n');
      else
        process.stdout.write(
          `数据库体检发现 ${findings.length} 个问题：\n${findings.map((f, i) => `\n${i + 1}. [${f.code}] ${f.message}\n   处理：${f.fix}\n`).join('')}`,
        );
      if (findings.length) throw new CliExit(ExitCode.Data);
    });
}
