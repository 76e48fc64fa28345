import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

/**
 * Builds the console (when older than its sources) in a child process: Vite and Rollup leave some
 * 600 MB of heap behind, which would otherwise stay in the server's resident memory for its whole
 * life (docs/benchmarks.md, 依申请公开).
 */
async function buildAdminInChild(): Promise<void> {
  const { isAdminBuildFresh } = await import('../../web/admin/build.ts');
  if (await isAdminBuildFresh()) return;
  const bin = fileURLToPath(new URL('../../../bin/gongkai.mjs', import.meta.url));
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build-admin', '--if-missing'], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new CliExit(ExitCode.Failure, `管理后台构建失败（退出码 ${code}）`);
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('迁移数据库；非生产模式下空库时载入演示数据；启动服务（npm start 即此命令）')
    .option('--port <port>', '监听端口（默认取 GONGKAI_PORT 或 3000）')
    .action(async (opts: { port?: string }) => {
      // Imported here so that `gongkai --help` and light commands start fast.
      const { loadConfig } = await import('../../config/config.ts');
      const { formatDemoCredentials, openRuntime, prepareDatabase } = await import('../../server/runtime.ts');
      const { serve } = await import('../../server/server.ts');
      const config = loadConfig(opts.port ? { ...process.env, GONGKAI_PORT: opts.port } : process.env);
      await buildAdminInChild();
      const rt = await openRuntime(config);
      const { demo } = await prepareDatabase(rt);
      if (demo) process.stdout.write(formatDemoCredentials(demo) + '\n');
      const { url, stop } = await serve(rt);
      const shown = url.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
      process.stdout.write(`Gongkai 已启动：门户 ${shown}/  控制台 ${shown}/admin/  API 文档 ${shown}/api/docs\n`);
      await new Promise<void>((resolve) => {
        const onSignal = () => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          void stop().then(resolve);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
    });
}
