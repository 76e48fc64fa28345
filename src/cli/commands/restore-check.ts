import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

/**
 * `gongkai restore-check`: the restore test of docs/operations.md, run against a restored
 * database (GONGKAI_DATABASE_URL / GONGKAI_DATA_DIR pointing at the copy) with the production key.
 * Reads only: it neither migrates nor records the key's fingerprint.
 */
export function register(program: Command): void {
  program
    .command('restore-check')
    .description(
      '检验恢复的备份：用当前密钥解密其中全部加密的个人信息（证明密钥与备份相符），并校验审计日志与外部锚定；有问题时以状态 3 退出',
    )
    .action(async () => {
      const { checkSealedData } = await import('../../modules/privacy/restore-check.ts');
      const { createPersonalDataCipher } = await import('../../modules/privacy/personal-data.ts');
      const { verifyAudit } = await import('../../modules/audit/audit.service.ts');
      const { withRuntime } = await import('../runtime.ts');
      await withRuntime(
        async (rt) => {
          const cipher = createPersonalDataCipher(rt.encryptionKey, rt.config.cryptoSuite);
          const sealed = await checkSealedData(rt.db, rt.encryptionKey, cipher);
          const problems: string[] = [];
          if (sealed.fingerprint === 'mismatch')
            problems.push('GONGKAI_ENCRYPTION_KEY 与该备份加密个人信息所用的密钥不同（密钥指纹不符）');
          if (sealed.failedCount > 0)
            problems.push(
              `${sealed.failedCount} 份申请的个人信息无法用当前密钥解密（${sealed.failed.join('、')}${sealed.failedCount > sealed.failed.length ? ' 等' : ''}）`,
            );
          if (problems.length === 0)
            process.stdout.write(
              `✓ 个人信息：${sealed.applications} 份申请的 ${sealed.values} 项加密数据均已用当前密钥解密\n`,
            );
          const audit = await verifyAudit(rt.db, rt.config.auditAnchorDir);
          for (const c of audit.chains.filter((x) => !x.ok))
            problems.push(`审计日志链 ${c.chain} 第 ${c.firstBrokenSeq} 条事件（${c.reason}）`);
          if (audit.ok) process.stdout.write(`✓ 审计日志：${audit.chains.length} 条链完整，与外部锚定相符\n`);
          if (problems.length)
            throw new CliExit(ExitCode.Data, `恢复检验未通过：\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
          process.stdout.write('恢复检验通过\n');
        },
        { migrate: false },
      );
    });
}
