import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('迁移数据库；非生产模式下空库时载入演示数据；启动服务（npm start 即此命令）')
    .option('--port <port>', '监听端口（默认取 GONGKAI_PORT 或 3000）')
    .action(async (opts: { port?: string }) => {
      // Imported here so that `gongkai --help` and light commands start fast.
      const { loadConfig } = await import('../../config/config.ts');
      const config = loadConfig(opts.port ? { ...process.env, GONGKAI_PORT: opts.port } : process.env);
      // A busy port is said before anything is loaded, migrated or printed (the demo passwords).
      const { assertCanListen, listenProblem } = await import('../operator-errors.ts');
      const portProblem =
        (await assertCanListen(config.host, config.port)) ??
        (config.metrics.port ? await assertCanListen('127.0.0.1', config.metrics.port, 'GONGKAI_METRICS_PORT') : null);
      if (portProblem) throw new CliExit(ExitCode.Failure, `错误：${portProblem}`);
      const { formatDemoCredentials, openRuntime, prepareDatabase } = await import('../../server/runtime.ts');
      const { serve } = await import('../../server/server.ts');
      // In a source checkout a console older than its sources is rebuilt first; a release
      // package ships it built.
      const { canBuild, runBuildTool } = await import('../build-tool.ts');
      if (canBuild()) await runBuildTool(['--console', '--if-stale']);
      const rt = await openRuntime(config);
      const { demo } = await prepareDatabase(rt);
      if (demo) process.stdout.write(formatDemoCredentials(demo) + '\n');
      let served: Awaited<ReturnType<typeof serve>>;
      try {
        served = await serve(rt);
      } catch (err) {
        await rt.close();
        const problem = listenProblem(err, config.host, config.port);
        if (problem) throw new CliExit(ExitCode.Failure, `错误：${problem}`);
        throw err;
      }
      const { url, metricsUrl, stop } = served;
      const shown = url.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
      process.stdout.write(`Gongkai 已启动：门户 ${shown}/  控制台 ${shown}/admin/  API 文档 ${shown}/api/docs\n`);
      if (metricsUrl) process.stdout.write(`监控指标（仅本机）：${metricsUrl}\n`);
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
