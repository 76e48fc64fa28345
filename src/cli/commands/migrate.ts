import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('创建或升级数据库结构和基础数据（不载入演示数据）；失败时以非零状态退出')
    .action(async () => {
      const { migrateToLatest } = await import('../../db/migrate.ts');
      const { withRuntime } = await import('../runtime.ts');
      await withRuntime(
        async (rt) => {
          const applied = await migrateToLatest(rt.db);
          process.stdout.write(applied.length ? `已执行迁移：${applied.join('、')}\n` : '数据库已是最新结构\n');
          // The data steps that need the key (a migration has none), e.g. sealing plaintext e-mails.
          const { prepareKeyedData } = await import('../../modules/privacy/key-fingerprint.ts');
          const { emailsSealed } = await prepareKeyedData(
            rt.db,
            { encryptionKey: rt.encryptionKey, cryptoSuite: rt.config.cryptoSuite },
            rt.clock,
          );
          if (emailsSealed) process.stdout.write(`已加密 ${emailsSealed} 个以明文保存的申请人电子邮箱\n`);
        },
        { migrate: false },
      );
    });
}
