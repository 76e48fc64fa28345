import type { Command } from 'commander';

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
      // In a source checkout a console older than its sources is rebuilt first; a release
      // package ships it built.
      const { canBuild, runBuildTool } = await import('../build-tool.ts');
      if (canBuild()) await runBuildTool(['--console', '--if-stale']);
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
