/**
 * `gongkai init`: the first step of a production install after `gongkai migrate` — the root
 * agency and the three system administrators (三员分立). Interactive on a terminal; with
 * `--password-stdin` it reads the three passwords, one per line, in the order 系统管理员,
 * 安全保密管理员, 安全审计员. On a database that already has an agency or an account it refuses,
 * changes nothing and exits non-zero.
 */
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

interface InitOptions {
  agency?: string;
  shortName?: string;
  code: string;
  level: string;
  admin?: string;
  securityAdmin?: string;
  auditAdmin?: string;
  passwordStdin?: boolean;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('初始化生产库：创建顶级机构和三员账号（系统管理员、安全保密管理员、安全审计员）；已初始化时拒绝')
    .option('--agency <name>', '顶级机构全称，例如 福建省人民政府办公厅')
    .option('--short-name <name>', '机构简称（默认同全称）')
    .option('--code <code>', '机构代码（小写字母、数字、连字符，用于网址）', 'root')
    .option('--level <level>', '机构层级：province、city、county、township 或 department', 'province')
    .option('--admin <username>', '系统管理员用户名')
    .option('--security-admin <username>', '安全保密管理员用户名')
    .option('--audit-admin <username>', '安全审计员用户名')
    .option('--password-stdin', '从标准输入读取三个密码，每行一个，依次为系统管理员、安全保密管理员、安全审计员')
    .action(async (opts: InitOptions) => {
      const { loadConfig } = await import('../../config/config.ts');
      const { passwordProblem } = await import('../../domain/accounts.ts');
      const { INIT_ACCOUNTS, checkInitInput, initialise } = await import('../../modules/setup/setup.service.ts');
      const { passwordsFromStdin, promptLine, promptNewPassword } = await import('../passwords.ts');
      const config = loadConfig();
      const policy = { passwordMinLength: config.security.passwordMinLength };
      const interactive = !opts.passwordStdin;
      if (interactive && !process.stdin.isTTY) {
        throw new CliExit(ExitCode.Usage, '标准输入不是终端：请加 --password-stdin，并用选项给出机构和三个用户名');
      }
      const usernames: Record<string, string | undefined> = {
        admin: opts.admin,
        securityAdmin: opts.securityAdmin,
        auditAdmin: opts.auditAdmin,
      };
      let agency = opts.agency;
      if (interactive) {
        agency ||= await promptLine('顶级机构全称');
        for (const { key, label } of INIT_ACCOUNTS) usernames[key] ||= await promptLine(`${label}用户名`);
      } else {
        const missing = [
          !agency && '--agency',
          !usernames.admin && '--admin',
          !usernames.securityAdmin && '--security-admin',
          !usernames.auditAdmin && '--audit-admin',
        ].filter(Boolean);
        if (missing.length) throw new CliExit(ExitCode.Usage, `使用 --password-stdin 时须给出 ${missing.join('、')}`);
      }
      const labels = INIT_ACCOUNTS.map((a) => a.label);
      const passwords = interactive ? [] : await passwordsFromStdin(INIT_ACCOUNTS.length, labels);
      if (interactive) {
        for (const { key, label } of INIT_ACCOUNTS) {
          const username = usernames[key]!.trim().toLowerCase();
          passwords.push(
            await promptNewPassword(label, (p) =>
              passwordProblem(p, username, { minLength: policy.passwordMinLength }),
            ),
          );
        }
      }
      const input = {
        agency: { name: agency ?? '', shortName: opts.shortName, code: opts.code, level: opts.level },
        accounts: {
          admin: { username: usernames.admin!, password: passwords[0]! },
          securityAdmin: { username: usernames.securityAdmin!, password: passwords[1]! },
          auditAdmin: { username: usernames.auditAdmin!, password: passwords[2]! },
        },
      };
      // Bad input is refused before the database is opened, so nothing is touched.
      checkInitInput(input, policy);
      const { withRuntime } = await import('../runtime.ts');
      await withRuntime(async (rt) => {
        const result = await initialise(rt.db, input, policy, rt.clock);
        process.stdout.write(
          [
            `已初始化：顶级机构“${result.agencyName}”`,
            ...result.accounts.map((a) => `  ${a.label.padEnd(8, '　')} ${a.username}`),
            '三个账号首次登录时须修改密码。下一步：gongkai serve，然后以系统管理员登录控制台 /admin/。',
            '',
          ].join('\n'),
        );
      });
    });
}
