import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { formatDemoCredentials, openRuntime, prepareDatabase } from '../../server/runtime.ts';
import { serve } from '../../server/server.ts';
import { ensureAdminBuilt } from '../../web/admin/build.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('迁移数据库；非生产模式下空库时载入演示数据；启动服务（npm start 即此命令）')
    .option('--port <port>', '监听端口（默认取 GONGKAI_PORT 或 3000）')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig(opts.port ? { ...process.env, GONGKAI_PORT: opts.port } : process.env);
      await ensureAdminBuilt();
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
