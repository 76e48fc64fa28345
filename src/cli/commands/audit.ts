import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验每条哈希链与各节点的外部锚定；有断裂时以状态 3 退出，指出第一条被破坏的事件和缺失的范围')
    .action(async () => {
      const { verifyAudit } = await import('../../modules/audit/audit.service.ts');
      const { withRuntime } = await import('../runtime.ts');
      await withRuntime(async (rt) => {
        const result = await verifyAudit(rt.db, rt.config.auditAnchorDir);
        for (const c of result.chains) {
          process.stdout.write(
            c.ok
              ? `✓ 链 ${c.chain}：${c.events} 条事件，完整\n`
              : `✗ 链 ${c.chain}：第 ${c.firstBrokenSeq} 条事件被破坏（${c.reason}）\n`,
          );
        }
        if (!result.ok) {
          const first = result.chains.find((c) => !c.ok)!;
          throw new CliExit(
            ExitCode.Data,
            `审计日志校验失败：链 ${first.chain} 第 ${first.firstBrokenSeq} 条事件（${first.reason}）`,
          );
        }
        process.stdout.write('审计日志校验通过\n');
      });
    });
  audit
    .command('anchor')
    .description('把每条哈希链的当前链头写入外部锚定文件（服务运行时每次提交变更都会锚定）')
    .action(async () => {
      const { anchorAuditHeads } = await import('../../modules/audit/audit.service.ts');
      const { withRuntime } = await import('../runtime.ts');
      await withRuntime(async (rt) => {
        const anchored = await anchorAuditHeads(rt.db, rt.config.auditAnchorDir, rt.clock);
        process.stdout.write(`已锚定 ${anchored.length} 条链头（${rt.config.auditAnchorDir}）\n`);
      });
    });
}
