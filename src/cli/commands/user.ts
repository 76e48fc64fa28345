/**
 * `gongkai user reset-password <username>`: for an operator locked out of a system account
 * (三员). It needs access to the server's console and the database settings, is audited, applies
 * the password policy, lifts the lockout, ends the account's sessions and forces a change at next
 * login. Business accounts are reset in the console, never here.
 */
import type { Command } from 'commander';

export function register(program: Command): void {
  const user = program.command('user').description('系统账号（三员）的服务器端维护');
  user
    .command('reset-password')
    .description('重置系统账号（系统管理员、安全管理员、审计管理员）的密码；下次登录须修改。业务账号请在控制台重置')
    .argument('<username>', '系统账号的用户名')
    .option('--password-stdin', '从标准输入读取新密码（一行）')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const { loadConfig } = await import('../../config/config.ts');
      const { passwordProblem } = await import('../../domain/accounts.ts');
      const { resetSystemPassword } = await import('../../modules/setup/setup.service.ts');
      const { passwordsFromStdin, promptNewPassword } = await import('../passwords.ts');
      const { withRuntime } = await import('../runtime.ts');
      const config = loadConfig();
      const policy = { passwordMinLength: config.security.passwordMinLength };
      const name = username.trim().toLowerCase();
      const [password] = opts.passwordStdin
        ? await passwordsFromStdin(1, ['新密码'])
        : [
            await promptNewPassword(`账号 ${name} 新`, (p) =>
              passwordProblem(p, name, { minLength: policy.passwordMinLength }),
            ),
          ];
      await withRuntime(async (rt) => {
        await resetSystemPassword(rt.db, name, password!, policy, rt.clock);
        process.stdout.write(`已重置账号 ${name} 的密码，已解除锁定并结束其全部会话；下次登录须修改密码。\n`);
      });
    });
}
