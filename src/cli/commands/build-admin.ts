/**
 * `gongkai build-admin [--if-missing]`: builds the admin console (src/web/admin) into dist/admin.
 * `npm ci` runs it with --if-missing through the package's `prepare` script.
 */
import type { Command } from 'commander';
import { adminPaths, buildAdmin, isAdminBuildFresh } from '../../web/admin/build.ts';

/** Registers the build-admin command. */
export function register(program: Command): void {
  program
    .command('build-admin')
    .description('构建管理后台（src/web/admin → dist/admin），服务器在 /admin/ 提供')
    .option('--if-missing', '已有且比全部源文件新的构建时跳过')
    .action(async (options: { ifMissing?: boolean }) => {
      if (options.ifMissing && (await isAdminBuildFresh())) {
        console.log(`管理后台已是最新构建：${adminPaths.outDir}`);
        return;
      }
      await buildAdmin();
      console.log(`管理后台已构建：${adminPaths.outDir}`);
    });
}
