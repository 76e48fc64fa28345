/** The readable Chinese summary that `gongkai import-report` prints without --json. */
import { getFormat, ruleName, type Finding } from '../../domain/report/index.ts';
import type { ImportEntry } from './import-batch.ts';

const SEVERITY: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
/** Beyond this many findings of one rule in one report, the rest are counted, not listed. */
const PER_RULE = 5;

/** Summary of one file. */
export function summarizeEntry(e: ImportEntry): string {
  if (!e.report) return `✗ ${e.file}\n  无法读取：${e.error ?? '未知原因'}\n`;
  const r = e.report;
  const f = getFormat(r.format);
  const lines = [
    `✓ ${e.file}`,
    `  ${r.agency.name || '（机关名称未识别）'} ${r.year}年度报告，格式 ${r.format}（${f.notice}）${r.date ? `，落款日期 ${r.date}` : ''}`,
  ];
  if (r.source?.yearBasis)
    lines.push(
      `  年度：${r.year}，依据：${r.source.yearBasis}；格式：${r.format}，依据：${r.source.formatBasis ?? '表格栏目'}`,
    );
  const count = (s: Finding['severity']) => e.findings.filter((x) => x.severity === s).length;
  if (e.findings.length === 0) {
    lines.push('  未发现问题。');
  } else {
    lines.push(`  错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条：`);
    const shown = new Map<string, number>();
    for (const x of e.findings) {
      const n = (shown.get(x.rule) ?? 0) + 1;
      shown.set(x.rule, n);
      if (n <= PER_RULE) lines.push(`  [${SEVERITY[x.severity]}] ${ruleName(x.rule)}：${x.message}`);
    }
    for (const [rule, n] of shown) if (n > PER_RULE) lines.push(`  ……另有 ${n - PER_RULE} 条「${ruleName(rule)}」`);
  }
  return `${lines.join('\n')}\n`;
}

/** Closing line of a batch. */
export function summarizeBatch(entries: ImportEntry[]): string {
  const failed = entries.filter((e) => !e.report).length;
  return `共 ${entries.length} 个文件：读取 ${entries.length - failed} 个，无法读取 ${failed} 个。\n`;
}
