/**
 * `gongkai import-report FILE|DIR... [--json]`: reads published annual reports (HTML, DOCX,
 * PDF, text) and checks them (年报体检). Exit 0 when every file was read, findings or not;
 * 3 when some file could not be read as a report; 2 for a usage error.
 */
import type { Command } from 'commander';
import { importFiles, type ImportEntry } from '../../modules/report-import/import-batch.ts';
import { summarizeBatch, summarizeEntry } from '../../modules/report-import/summary.ts';
import { CliExit, ExitCode } from '../exit.ts';

interface Options {
  json?: boolean;
}

/** The JSON object printed per file: exactly these four keys. */
function jsonLine(e: ImportEntry): string {
  return `${JSON.stringify({ file: e.file, report: e.report, findings: e.findings, error: e.error })}\n`;
}

/** A progress indicator on stderr, only for a person watching a terminal. */
function progress(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    if (total < 2) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r正在读取 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  };
}

export function register(program: Command): void {
  program
    .command('import-report')
    .description('读取已发布的政府信息公开工作年度报告（HTML、DOCX、PDF、文本）并检查表格（年报体检）')
    .argument('[paths...]', '年报文件或目录（目录中的文件逐个读取）')
    .option('--json', '每个文件输出一行 JSON：{"file","report","findings","error"}')
    .action(async (paths: string[], options: Options) => {
      if (paths.length === 0) throw new CliExit(ExitCode.Usage, '请指定要读取的年报文件或目录，例如：gongkai import-report 2020年报.pdf');
      const onProgress = progress();
      const entries = await importFiles(paths, onProgress ? { onProgress } : {});
      if (entries.length === 0) throw new CliExit(ExitCode.Usage, '指定的目录中没有文件。');
      for (const e of entries) process.stdout.write(options.json ? jsonLine(e) : summarizeEntry(e));
      if (!options.json && entries.length > 1) process.stdout.write(summarizeBatch(entries));
      if (entries.some((e) => e.error !== null)) throw new CliExit(ExitCode.Data);
    });
}
