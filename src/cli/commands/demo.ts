import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('demo')
    .description('向没有任何机构的数据库载入演示数据（已有机构时拒绝），并打印一次演示账号密码')
    .action(async () => {
      const { loadDemo } = await import('../../modules/demo/demo.service.ts');
      const { formatDemoCredentials } = await import('../../server/runtime.ts');
      const { withRuntime } = await import('../runtime.ts');
      await withRuntime(async (rt) => {
        if (rt.config.env === 'production') throw new Error('生产模式下不能载入演示数据');
        const creds = await loadDemo(rt.db, rt.clock, {
          passwordMinLength: rt.config.security.passwordMinLength,
          keys: { secret: rt.secret, encryptionKey: rt.encryptionKey },
        });
        process.stdout.write(formatDemoCredentials(creds) + '\n');
      });
    });
}
