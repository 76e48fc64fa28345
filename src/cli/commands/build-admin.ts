/**
 * `gongkai build-admin [--if-missing]`: builds the admin console (src/web/admin) into
 * dist/admin. `npm run build` builds it together with the compiled server.
 */
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

/** Registers the build-admin command. */
export function register(program: Command): void {
  program
    .command('build-admin')
    .description('构建管理后台（src/web/admin → dist/admin），服务器在 /admin/ 提供')
    .option('--if-missing', '已有且与全部源文件一致的构建时跳过')
    .action(async (options: { ifMissing?: boolean }) => {
      const { canBuild, runBuildTool } = await import('../build-tool.ts');
      if (!canBuild())
        throw new CliExit(ExitCode.Failure, '这是发布包，管理后台已构建好，无需也无法重新构建（源代码不在此处）');
      await runBuildTool(['--console', ...(options.ifMissing ? ['--if-stale'] : [])]);
    });
}
