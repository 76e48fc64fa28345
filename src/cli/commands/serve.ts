import type { Command } from 'commander';
import type { Cluster, Worker } from 'node:cluster';
import type { Config } from '../../config/config.ts';
import { CliExit, ExitCode } from '../exit.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('迁移数据库；非生产模式下空库时载入演示数据；启动服务（npm start 即此命令）')
    .option('--port <port>', '监听端口（默认取 GONGKAI_PORT 或 3000）')
    .option('--workers <n>', '工作进程数（默认取 GONGKAI_WORKERS；生产模式为 CPU 核数，否则为 1）')
    .action(async (opts: { port?: string; workers?: string }) => {
      // Imported here so that `gongkai --help` and light commands start fast.
      const { loadConfig } = await import('../../config/config.ts');
      const config = loadConfig(opts.port ? { ...process.env, GONGKAI_PORT: opts.port } : process.env);
      const cluster = (await import('node:cluster')).default;
      if (cluster.isWorker) return serveWorker(config);
      const { defaultWorkers } = await import('../../server/cluster.ts');
      const workersRaw = opts.workers ?? process.env.GONGKAI_WORKERS;
      const workers = workersRaw === undefined || workersRaw === '' ? defaultWorkers(config.env) : Number(workersRaw);
      if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
        throw new CliExit(
          ExitCode.Failure,
          `错误：工作进程数（--workers 或 GONGKAI_WORKERS）应为 1 到 256 的整数，实际为“${workersRaw}”`,
        );
      }
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
      const shownUrl = (u: string) => u.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
      if (workers > 1) {
        // The primary migrated the database; the workers open their own connections and serve.
        await rt.close();
        const { runPrimary } = await import('../../server/cluster.ts');
        const log = (line: string) => process.stdout.write(line + '\n');
        const running = runPrimary({ workers, metricsPort: config.metrics.port, log });
        const started = await Promise.race([
          running.then(
            () => false,
            () => false,
          ),
          waitListening(cluster, workers),
        ]);
        if (started) {
          const shown = shownUrl(
            `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
          );
          log(
            `Gongkai 已启动（${workers} 个工作进程）：门户 ${shown}/  控制台 ${shown}/admin/  API 文档 ${shown}/api/docs`,
          );
          if (config.metrics.port) log(`监控指标（仅本机）：http://127.0.0.1:${config.metrics.port}/metrics`);
        }
        await running.catch((err: unknown) => {
          throw new CliExit(ExitCode.Failure, `错误：${err instanceof Error ? err.message : String(err)}`);
        });
        return;
      }
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
      const shown = shownUrl(url);
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

/** Resolves once `count` workers listen (the primary's start line comes after them). */
function waitListening(cluster: Cluster, count: number): Promise<true> {
  return new Promise((resolve) => {
    const seen = new Set<number>();
    const onListening = (worker: Worker) => {
      seen.add(worker.id);
      if (seen.size >= count) {
        cluster.off('listening', onListening);
        resolve(true);
      }
    };
    cluster.on('listening', onListening);
  });
}

/** A worker of `serve --workers N`: the primary has migrated; this process serves until told to stop. */
async function serveWorker(config: Config): Promise<void> {
  const { openRuntime } = await import('../../server/runtime.ts');
  const { serve } = await import('../../server/server.ts');
  const rt = await openRuntime(config);
  const { stop } = await serve(rt, {}, { clusterWorker: true });
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      // Later signals (Ctrl+C reaches the whole process group, then the primary asks again)
      // must not cut the graceful stop short: the listener stays, doing nothing more.
      void stop().then(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  // Leaving the IPC channel lets the process end once the logs are flushed; a stray handle
  // does not keep it past a few seconds.
  setTimeout(() => process.exit(0), 5000).unref();
  process.disconnect?.();
}
