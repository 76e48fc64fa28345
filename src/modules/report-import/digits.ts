/**
 * Reading a row whose printed cells ran together ("640020470" for seven cells): every way of
 * cutting the digit runs into the row's cells. A piece never starts with 0 unless it is 0
 * (nobody prints 「05」). The arithmetic rules then pick among the readings (solve.ts).
 */
import type { NumberToken } from './tokens.ts';

/** A cell of a row as read: a number token or a blank cell. */
export type RowCell = { kind: 'num'; token: NumberToken } | { kind: 'blank' };

/** One full reading of a row: a value (or null for a blank) per cell. */
export type Reading = Array<number | null>;

/** More readings than this and the row is not worth enumerating: it is ambiguous anyway. */
export const MAX_READINGS = 20_000;

/**
 * Steps of the search before giving up: dead branches (a cut that leaves too few digits for
 * the next cell) produce no reading, so the reading count alone does not bound the work.
 */
const MAX_STEPS = 2_000_000;

/** Shared step counter of one row's search. */
interface Budget {
  steps: number;
}

/** Ways to cut `token` into exactly `k` numbers. */
function cuts(token: NumberToken, k: number, budget: Budget): number[][] {
  if (k === 1) return [[token.value]];
  if (token.grouped || token.int.length < k) return [];
  const out: number[][] = [];
  const digits = token.int;
  const rec = (from: number, left: number, acc: string[]) => {
    if (out.length > MAX_READINGS || ++budget.steps > MAX_STEPS) return;
    if (left === 1) {
      const piece = digits.slice(from);
      if (piece.length > 1 && piece.startsWith('0')) return;
      const pieces = [...acc, piece];
      out.push(
        pieces.map((p, i) => Number(`${i === 0 ? token.sign : ''}${p}${i === pieces.length - 1 ? token.frac : ''}`)),
      );
      return;
    }
    for (let end = from + 1; end <= digits.length - (left - 1); end++) {
      const piece = digits.slice(from, end);
      if (piece.length > 1 && piece.startsWith('0')) break;
      rec(end, left - 1, [...acc, piece]);
    }
  };
  rec(0, k, []);
  return out;
}

/**
 * Every reading of `cells` as exactly `n` values, or null when there are more than
 * MAX_READINGS. Blank cells stay one null cell each; number tokens may be cut apart.
 */
export function rowReadings(cells: RowCell[], n: number): Reading[] | null {
  const out: Reading[] = [];
  const budget: Budget = { steps: 0 };
  let overflow = false;
  const rec = (i: number, left: number, acc: Reading) => {
    if (overflow) return;
    if (++budget.steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    if (i === cells.length) {
      if (left === 0) out.push(acc);
      return;
    }
    const cell = cells[i]!;
    const remaining = cells.length - i - 1;
    if (cell.kind === 'blank') {
      rec(i + 1, left - 1, [...acc, null]);
      return;
    }
    for (let k = 1; k <= left - remaining; k++) {
      for (const pieces of cuts(cell.token, k, budget)) {
        rec(i + 1, left - k, [...acc, ...pieces]);
        if (out.length > MAX_READINGS) {
          overflow = true;
          return;
        }
      }
    }
  };
  rec(0, n, []);
  return overflow || budget.steps > MAX_STEPS ? null : out;
}

/** How the row was printed, for messages: 「640020470」, 「500000 5」. */
export function printed(cells: RowCell[]): string {
  return cells.map((c) => (c.kind === 'blank' ? '（空）' : c.token.raw)).join(' ');
}
