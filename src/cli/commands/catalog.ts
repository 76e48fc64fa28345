/**
 * `gongkai catalog import FILE --agency CODE`: imports an existing 主动公开目录 from CSV or XLSX
 * (columns: docs/catalog.md), attachments from a folder, with a progress bar, a dry run, a
 * per-row error report, and resumption after an interruption (run the same command again).
 * `gongkai catalog reindex` rebuilds the full-text index from the published items.
 */
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

interface ImportFlags {
  agency: string;
  attachments?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

function progressBar(done: number, total: number, startedAt: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const rate = done / Math.max((Date.now() - startedAt) / 1000, 0.001);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} 条  ${Math.round(rate)} 条/秒`;
}

export function register(program: Command): void {
  const catalog = program.command('catalog').description('主动公开目录');
  catalog
    .command('import')
    .description(
      '从 CSV/XLSX 导入既有的主动公开目录（先检查全部行；有错误时只列出，不导入，除非 --skip-invalid；中断后重新运行同一命令即从断点继续）',
    )
    .argument('<file>', 'CSV（UTF-8 或 GB18030）或 XLSX 文件，表头见 docs/catalog.md')
    .requiredOption('--agency <code>', '机构代码或名称')
    .option('--attachments <dir>', '附件所在文件夹（“附件”列中的文件名，以分号分隔）')
    .option('--dry-run', '只检查，不导入')
    .option('--skip-invalid', '有错误的行列出后跳过，导入其余各行')
    .action(async (file: string, flags: ImportFlags) => {
      const { readFile } = await import('node:fs/promises');
      const { basename, join, resolve, sep } = await import('node:path');
      const { withRuntime } = await import('../runtime.ts');
      const { systemActor } = await import('../../policies/actor.ts');
      const { findAgencyByKey } = await import('../../modules/agencies/agencies.service.ts');
      const { importCatalog } = await import('../../modules/catalog/import.service.ts');
      const content = await readFile(file).catch(() => {
        throw new CliExit(ExitCode.Usage, `无法读取文件：${file}`);
      });
      const dir = flags.attachments ? resolve(flags.attachments) : null;
      const readAttachment = dir
        ? async (name: string) => {
            const path = resolve(join(dir, name));
            if (!path.startsWith(dir + sep)) return null; // names may not leave the folder
            return readFile(path).catch(() => null);
          }
        : undefined;
      const report = await withRuntime(async (rt) => {
        const agency = await findAgencyByKey(rt.db, flags.agency);
        const startedAt = Date.now();
        const tty = process.stderr.isTTY;
        const r = await importCatalog(
          rt.db,
          systemActor('目录导入'),
          {
            agencyId: agency.id,
            fileName: basename(file),
            content,
            readAttachment,
            dryRun: flags.dryRun === true,
            skipInvalid: flags.skipInvalid === true,
            onProgress: (done, total) =>
              process.stderr.write(tty ? progressBar(done, total, startedAt) : `${done}/${total}\n`),
          },
          rt.clock,
        );
        if (tty && r.imported) process.stderr.write('\n');
        return r;
      });
      const out = process.stdout;
      out.write(
        `共 ${report.rows} 行，${report.valid} 行无误，${report.errors.length} 行有误${report.resumedAfterRow ? `；上次已导入至第 ${report.resumedAfterRow} 行，从其后继续` : ''}\n`,
      );
      for (const e of report.errors) out.write(`第 ${e.row} 行：${e.messages.join('；')}\n`);
      if (flags.dryRun) out.write('检查完成（--dry-run，未导入）\n');
      else if (report.errors.length && !flags.skipInvalid)
        out.write('有错误，未导入任何行。改正后重新运行，或加 --skip-invalid 导入其余各行\n');
      else out.write(`已导入 ${report.imported} 条\n`);
      if (report.errors.length && (flags.dryRun || !flags.skipInvalid)) throw new CliExit(ExitCode.Data);
    });
  catalog
    .command('reindex')
    .description(
      '重建全文检索索引：按目录中的已公开信息重新分词、重写检索索引（如恢复了不含索引的数据库之后）；结果顺序不变',
    )
    .action(async () => {
      const { withRuntime } = await import('../runtime.ts');
      const { reindexAll } = await import('../../modules/search/reindex.service.ts');
      const tty = process.stderr.isTTY;
      const count = await withRuntime((rt) =>
        reindexAll(rt.db, (done) => process.stderr.write(tty ? `\r已重建 ${done} 条` : `${done}\n`)),
      );
      if (tty) process.stderr.write('\n');
      process.stdout.write(`检索索引已重建：${count} 条已公开信息\n`);
    });
}
