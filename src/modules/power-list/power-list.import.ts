/**
 * Import of 第二十条 figures from XLSX or CSV. Columns (first row, Chinese headers):
 * 年份 · 事项类别 (行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制 / 行政事业性收费) ·
 * 年末项目数 · 新增 · 取消 · 处理决定数 · 数据来源. Every row is checked first; rows with errors
 * are listed with the reason, and nothing is saved unless `apply` is set — then the valid rows
 * are saved and the invalid ones reported.
 */
import type { Db } from '../../db/database.ts';
import { POWER_LIST_KINDS, POWER_LIST_LABELS, type PowerListKind } from '../../domain/catalog/index.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { readTable } from '../catalog/table-file.ts';
import { figureProblems, saveFigure, type FigureInput } from './power-list.service.ts';

export const FIGURE_COLUMNS = {
  year: '年份',
  kind: '事项类别',
  itemCount: '年末项目数',
  added: '新增',
  removed: '取消',
  decisions: '处理决定数',
  source: '数据来源',
} as const;

export interface FigureImportResult {
  rows: number;
  saved: number;
  errors: Array<{ row: number; messages: string[] }>;
}

const KIND_BY_LABEL = new Map<string, PowerListKind>(POWER_LIST_KINDS.map((k) => [POWER_LIST_LABELS[k], k]));

function int(v: string | undefined): number | null {
  const t = (v ?? '').trim();
  if (t === '') return null;
  return /^-?\d+$/.test(t) ? Number(t) : NaN;
}

/** Checks (and with `apply`, saves) the figures in a file. */
export async function importFigures(
  db: Db,
  actor: Actor,
  agencyId: string,
  file: { fileName: string; content: Buffer; apply: boolean; defaultSource?: string },
  clock: Clock,
): Promise<FigureImportResult> {
  authorize(actor, 'catalog.figures', { agencyId });
  const table = await readTable(file.fileName, file.content, Object.values(FIGURE_COLUMNS));
  const errors: FigureImportResult['errors'] = [...table.errors];
  const valid: FigureInput[] = [];
  for (const r of table.rows) {
    const kind =
      KIND_BY_LABEL.get((r.values[FIGURE_COLUMNS.kind] ?? '').trim()) ?? (r.values[FIGURE_COLUMNS.kind] ?? '').trim();
    const f: FigureInput = {
      year: int(r.values[FIGURE_COLUMNS.year]) ?? NaN,
      kind: kind as PowerListKind,
      itemCount: int(r.values[FIGURE_COLUMNS.itemCount]),
      added: int(r.values[FIGURE_COLUMNS.added]),
      removed: int(r.values[FIGURE_COLUMNS.removed]),
      decisions: int(r.values[FIGURE_COLUMNS.decisions]),
      source:
        (r.values[FIGURE_COLUMNS.source] ?? '').trim() ||
        (file.defaultSource ?? '').trim() ||
        `导入文件 ${file.fileName}`,
    };
    const problems = figureProblems(f, null);
    const labels: Record<string, string> = FIGURE_COLUMNS;
    if (Object.keys(problems).length)
      errors.push({ row: r.row, messages: Object.entries(problems).map(([k, m]) => `${labels[k] ?? k}：${m}`) });
    else valid.push(f);
  }
  let saved = 0;
  if (file.apply) {
    // Earlier years first, so that each year's check against the previous one can run.
    for (const f of valid.sort((a, b) => a.year - b.year)) {
      await saveFigure(db, actor, agencyId, f, clock);
      saved++;
    }
  }
  return { rows: table.rows.length, saved, errors: errors.sort((a, b) => a.row - b.row) };
}
