/**
 * Choosing among the readings of run-together rows with the hard arithmetic rules: a row is
 * read when exactly one of its readings is consistent (first with its own row rule, then with
 * the rules between rows); otherwise it stays unread and is reported as ambiguous. Soft rules
 * (R5–R7) are never used to choose: they fail in correct reports too.
 */
import { printed, rowReadings, type Reading, type RowCell } from './digits.ts';

export type RowResult =
  | { status: 'read'; values: Reading }
  /** Cut apart, and only one reading fits the arithmetic: `printed` says how it was printed. */
  | { status: 'resolved'; values: Reading; printed: string; readings: number }
  | { status: 'ambiguous'; printed: string; reason: string; candidates: Reading[] }
  | { status: 'missing' };

/** More combinations than this across rows and the table is left to the row rules alone. */
const MAX_COMBINATIONS = 200_000;

/** Drops blank cells beyond the row's width: merged label columns and trailing tabs. */
export function trimBlanks(cells: RowCell[], n: number): RowCell[] {
  const out = [...cells];
  while (out.length > n && out[0]?.kind === 'blank') out.shift();
  while (out.length > n && out[out.length - 1]?.kind === 'blank') out.pop();
  return out;
}

/** Reads one row of `n` cells; `rowRule` is its own arithmetic rule (R1, R4), if any. */
export function readRow(raw: RowCell[], n: number, rowRule?: (r: Reading) => boolean): RowResult {
  if (raw.length === 0) return { status: 'missing' };
  const cells = trimBlanks(raw, n);
  const shown = printed(cells);
  if (cells.length === n)
    return { status: 'read', values: cells.map((c) => (c.kind === 'num' ? c.token.value : null)) };
  if (cells.length > n)
    return { status: 'ambiguous', printed: shown, reason: `比表格的${n}格多出${cells.length - n}个数`, candidates: [] };
  const readings = rowReadings(cells, n);
  if (readings === null)
    return { status: 'ambiguous', printed: shown, reason: '数字连写，可能的读法过多', candidates: [] };
  if (readings.length === 0) return { status: 'ambiguous', printed: shown, reason: `数字不足${n}格`, candidates: [] };
  if (readings.length === 1) return { status: 'read', values: readings[0]! };
  const consistent = rowRule ? readings.filter(rowRule) : readings;
  if (consistent.length === 1)
    return { status: 'resolved', values: consistent[0]!, printed: shown, readings: readings.length };
  const reason =
    consistent.length === 0
      ? '数字连写，且没有一种读法符合本行的合计关系'
      : `数字连写，有${consistent.length}种读法都说得通`;
  return { status: 'ambiguous', printed: shown, reason, candidates: consistent };
}

/**
 * Uses the rules between rows (`tableRule`, given every row's values, undefined for an unread
 * row) to settle rows that their own rule left ambiguous with a few candidates each.
 */
export function resolveAcrossRows<K extends string>(
  rows: Map<K, RowResult>,
  tableRule: (values: Map<K, Reading>) => boolean,
): void {
  const pending = [...rows].filter(
    (e): e is [K, Extract<RowResult, { status: 'ambiguous' }>] =>
      e[1].status === 'ambiguous' && e[1].candidates.length > 1,
  );
  if (pending.length === 0) return;
  const combinations = pending.reduce((p, [, r]) => p * r.candidates.length, 1);
  if (combinations > MAX_COMBINATIONS) return;
  const fixed = new Map<K, Reading>();
  for (const [k, r] of rows) if (r.status === 'read' || r.status === 'resolved') fixed.set(k, r.values);
  const seen = pending.map(() => new Set<number>());
  const choice = new Array<number>(pending.length).fill(0);
  let found = 0;
  for (let i = 0; i < combinations; i++) {
    let rest = i;
    const values = new Map(fixed);
    pending.forEach(([k, r], j) => {
      choice[j] = rest % r.candidates.length;
      rest = Math.floor(rest / r.candidates.length);
      values.set(k, r.candidates[choice[j]!]!);
    });
    if (!tableRule(values)) continue;
    found++;
    choice.forEach((c, j) => seen[j]!.add(c));
  }
  if (found === 0) return;
  pending.forEach(([k, r], j) => {
    const s = seen[j]!;
    if (s.size !== 1) return;
    const values = r.candidates[[...s][0]!]!;
    rows.set(k, { status: 'resolved', values, printed: r.printed, readings: r.candidates.length });
  });
}
