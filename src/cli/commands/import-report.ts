/**
 * `gongkai import-report FILE|DIR... [--json] [--save] [--year Y] [--agency NAME]`: reads published annual reports
 * (HTML, DOCX, PDF, text) and checks them (年报体检). It only reads, unless --save stores the
 * reports for the checking pages and for cross-year checks. Exit 0 when every file was read,
 * findings or not; 3 when some file could not be read as a report; 2 for a usage error.
 */
import type { Command } from 'commander';
import type { ImportEntry } from '../../modules/report-import/import-batch.ts';
import type { SaveOutcome } from '../../modules/report-import/report-import.service.ts';
import { CliExit, ExitCode } from '../exit.ts';

interface Options {
  json?: boolean;
  save?: boolean;
  year?: string;
  agency?: string;
}

/** --year and --agency, checked: a four-digit year the formats can apply to, a non-empty name. */
function statedFacts(options: Options): { year?: number; agency?: string } {
  const stated: { year?: number; agency?: string } = {};
  if (options.year !== undefined) {
    const year = Number(options.year);
    if (!/^\d{4}$/.test(options.year.trim()) || year < 2008 || year > 2099)
      throw new CliExit(ExitCode.Usage, `--year 应为报告所属的四位年度，例如 --year 2019（收到“${options.year}”）。`);
    stated.year = year;
  }
  if (options.agency !== undefined) {
    if (options.agency.trim() === '') throw new CliExit(ExitCode.Usage, '--agency 应为发布机关的全称，不能为空。');
    stated.agency = options.agency.trim();
  }
  return stated;
}

function describeSaved(outcomes: SaveOutcome[]): string {
  const inserted = outcomes.filter((o) => o.status === 'inserted').length;
  const duplicate = outcomes.filter((o) => o.status === 'duplicate').length;
  return `已保存到数据库：新增 ${inserted} 份${duplicate ? `，${duplicate} 份此前已导入（同一文件）` : ''}。\n`;
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

async function saveEntries(entries: ImportEntry[]): Promise<SaveOutcome[]> {
  const [{ withRuntime }, { systemActor }, { saveImportedReports }] = await Promise.all([
    import('../runtime.ts'),
    import('../../policies/actor.ts'),
    import('../../modules/report-import/report-import.service.ts'),
  ]);
  const { readFile } = await import('node:fs/promises');
  // The original file is kept with the report (issue 16); one that has gone since is not.
  const original = (e: ImportEntry) => readFile(e.file).catch(() => null);
  return withRuntime((rt) => saveImportedReports(rt.db, systemActor('命令行'), entries, rt.clock, original));
}

export function register(program: Command): void {
  program
    .command('import-report')
    .description('读取已发布的政府信息公开工作年度报告（HTML、DOCX、PDF、文本）并检查表格（年报体检）')
    .argument('[paths...]', '年报文件或目录（目录中的文件逐个读取）')
    .option('--json', '每个文件输出一行 JSON：{"file","report","findings","error"}')
    .option('--save', '把读取的报告和检查结果保存到数据库（供年报体检页面和跨年度检查使用）')
    .option('--year <年度>', '报告所属年度，用于文件本身没有写明年度的情况（与文件所写不符时给出提示）')
    .option('--agency <机关>', '发布机关全称，用于文件本身没有写明机关的情况')
    .action(async (paths: string[], options: Options) => {
      if (paths.length === 0)
        throw new CliExit(ExitCode.Usage, '请指定要读取的年报文件或目录，例如：gongkai import-report 2020年报.pdf');
      const [{ importFiles }, { summarizeBatch, summarizeEntry }] = await Promise.all([
        import('../../modules/report-import/import-batch.ts'),
        import('../../modules/report-import/summary.ts'),
      ]);
      const stated = statedFacts(options);
      const onProgress = progress();
      const entries = await importFiles(paths, {
        ...(onProgress ? { onProgress } : {}),
        ...(stated.year !== undefined || stated.agency !== undefined ? { stated } : {}),
      });
      if (entries.length === 0) throw new CliExit(ExitCode.Usage, '指定的目录中没有文件。');
      // Saving first: it adds the checks against years stored earlier to the findings printed.
      const saved = options.save ? await saveEntries(entries) : null;
      for (const e of entries) process.stdout.write(options.json ? jsonLine(e) : summarizeEntry(e));
      if (!options.json && entries.length > 1) process.stdout.write(summarizeBatch(entries));
      // With --json, stdout carries only the JSON objects.
      if (saved) (options.json ? process.stderr : process.stdout).write(describeSaved(saved));
      if (entries.some((e) => e.error !== null)) throw new CliExit(ExitCode.Data);
    });
}
