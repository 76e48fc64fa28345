/**
 * The figures of 第二十条（五）（六）（八）（九） that come from outside systems (权责清单, 处理决定,
 * 政府集中采购, fees collected): entered in the console or imported from XLSX/CSV, each with its
 * source recorded (DESIGN.md non-negotiable 2), audited.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/database.ts';
import { POWER_LIST_KINDS, POWER_LIST_LABELS, type PowerListKind } from '../../domain/catalog/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './power-list.repository.ts';

export type { PowerListFigure, YearAmount } from './power-list.repository.ts';

export interface FigureInput {
  year: number;
  kind: PowerListKind;
  itemCount: number | null;
  added?: number | null;
  removed?: number | null;
  decisions: number | null;
  /** Where the figure comes from, e.g. 「区审改办权责清单（2020年12月31日版）」. */
  source: string;
}

export interface AmountInput {
  year: number;
  procurementProjects: number | null;
  /** Decimal in 元. */
  procurementAmountYuan: string | null;
  /** Decimal in 万元. */
  feesCollectedWan: string | null;
  source: string;
}

const count = (v: number | null | undefined) =>
  v === null || v === undefined || (Number.isInteger(v) && v >= 0 && v <= 10_000_000);
const DECIMAL = /^\d{1,13}(\.\d{1,6})?$/;

/** Field problems of one figure ({} when it is valid): shared by the console and the import. */
export function figureProblems(f: FigureInput, previousCount: number | null): Record<string, string> {
  const e: Record<string, string> = {};
  if (!Number.isInteger(f.year) || f.year < 2008 || f.year > 2100) e.year = '年份无效';
  if (!(POWER_LIST_KINDS as readonly string[]).includes(f.kind)) e.kind = '事项类别无效';
  for (const k of ['itemCount', 'added', 'removed', 'decisions'] as const) if (!count(f[k])) e[k] = '须为非负整数';
  if (!f.source.trim()) e.source = '请填写数据来源';
  // 上一年项目数量 + 新增 − 取消 = 本年项目数量, when all are known.
  if (
    !e.itemCount &&
    previousCount !== null &&
    f.itemCount !== null &&
    f.added != null &&
    f.removed != null &&
    previousCount + f.added - f.removed !== f.itemCount
  ) {
    e.itemCount = `上一年${previousCount}项，新增${f.added}项、取消${f.removed}项，本年应为${previousCount + f.added - f.removed}项`;
  }
  return e;
}

/** Figures of an agency for some years. */
export async function figuresOf(
  db: DbOrTx,
  actor: Actor,
  agencyId: string,
  years: number[],
): Promise<{ figures: repo.PowerListFigure[]; amounts: repo.YearAmount[] }> {
  authorize(actor, 'catalog.read', { agencyId });
  const figures = await repo.findFigures(db, [agencyId], years);
  const amounts = (await Promise.all(years.map((y) => repo.findAmounts(db, [agencyId], y)))).flat();
  return { figures, amounts };
}

/** Saves one figure (replacing the same kind and year), audited. */
export async function saveFigure(
  db: Db,
  actor: Actor,
  agencyId: string,
  f: FigureInput,
  clock: Clock,
): Promise<repo.PowerListFigure> {
  authorize(actor, 'catalog.figures', { agencyId });
  const prev = (await repo.findFigures(db, [agencyId], [f.year - 1])).find((p) => p.kind === f.kind)?.itemCount ?? null;
  const problems = figureProblems(f, prev);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  const figure: repo.PowerListFigure = {
    id: randomUUID(),
    agencyId,
    year: f.year,
    kind: f.kind,
    itemCount: f.itemCount,
    added: f.added ?? null,
    removed: f.removed ?? null,
    decisions: f.decisions,
    source: f.source.trim(),
    updatedBy: actor.name,
    updatedAt: clock.now().toISOString(),
  };
  return db.transaction().execute(async (tx) => {
    const before = (await repo.findFigures(tx, [agencyId], [f.year])).find((p) => p.kind === f.kind);
    await repo.upsertFigure(tx, figure);
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'power_list.save',
        subjectType: 'power_list_figure',
        subjectId: `${f.year}:${f.kind}`,
        summary: `登记${f.year}年${POWER_LIST_LABELS[f.kind]}数据（来源：${figure.source}）`,
        before,
        after: figure,
      },
      clock,
    );
    return figure;
  });
}

/** Field problems of a year's amounts. */
export function amountProblems(a: AmountInput): Record<string, string> {
  const e: Record<string, string> = {};
  if (!Number.isInteger(a.year) || a.year < 2008 || a.year > 2100) e.year = '年份无效';
  if (!count(a.procurementProjects)) e.procurementProjects = '须为非负整数';
  if (a.procurementAmountYuan !== null && !DECIMAL.test(a.procurementAmountYuan))
    e.procurementAmountYuan = '金额须为非负数，最多6位小数（单位：元）';
  if (a.feesCollectedWan !== null && !DECIMAL.test(a.feesCollectedWan))
    e.feesCollectedWan = '金额须为非负数，最多6位小数（单位：万元）';
  if (!a.source.trim()) e.source = '请填写数据来源';
  return e;
}

/** Saves 政府集中采购 and fees collected for a year, audited. */
export async function saveAmounts(
  db: Db,
  actor: Actor,
  agencyId: string,
  a: AmountInput,
  clock: Clock,
): Promise<repo.YearAmount> {
  authorize(actor, 'catalog.figures', { agencyId });
  const problems = amountProblems(a);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  const amount: repo.YearAmount = {
    agencyId,
    year: a.year,
    procurementProjects: a.procurementProjects,
    procurementAmountYuan: a.procurementAmountYuan,
    feesCollectedWan: a.feesCollectedWan,
    source: a.source.trim(),
    updatedBy: actor.name,
    updatedAt: clock.now().toISOString(),
  };
  return db.transaction().execute(async (tx) => {
    await repo.upsertAmount(tx, amount);
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'power_list.amounts',
        subjectType: 'year_amount',
        subjectId: String(a.year),
        summary: `登记${a.year}年政府集中采购和收费金额（来源：${amount.source}）`,
        after: amount,
      },
      clock,
    );
    return amount;
  });
}
