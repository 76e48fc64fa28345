/**
 * Folding V2021 outcomes into V2019 rows: V2021 split （六）其他处理 into three leaf rows
 * (逾期不补正 / 逾期不缴费 / 其他); V2019 has the single row `other`. Comparing or summing
 * reports across the 2020/2021 boundary goes through this.
 */
import type { AnnualReport, Cell } from './annual-report.ts';
import type { Table3Key } from './format-types.ts';

const OTHER_PARTS: Table3Key[] = ['other_no_correction', 'other_no_fee', 'other_other'];

/**
 * Table 三 in V2019 rows: `other` = other_no_correction + other_no_fee + other_other, cell by
 * cell (null if any part is null: an unknown part makes the sum unknown). A V2019 table is
 * returned as a copy.
 */
export function foldV2021OutcomesToV2019(table3: AnnualReport['table3']): AnnualReport['table3'] {
  const out: AnnualReport['table3'] = {};
  const hasParts = OTHER_PARTS.some((k) => table3[k] !== undefined);
  for (const [key, cells] of Object.entries(table3) as Array<[Table3Key, Cell[]]>) {
    if (OTHER_PARTS.includes(key)) continue;
    if (key === 'total' && hasParts) out.other = foldOther(table3);
    out[key] = [...cells];
  }
  if (hasParts && !out.other) out.other = foldOther(table3);
  return reorder(out);
}

function foldOther(table3: AnnualReport['table3']): Cell[] {
  return Array.from({ length: 7 }, (_, c) => {
    let s = 0;
    for (const k of OTHER_PARTS) {
      const v = table3[k]?.[c];
      if (v === null) return null;
      s += v ?? 0;
    }
    return s;
  });
}

const ORDER: Table3Key[] = [
  'received',
  'carried_in',
  'granted',
  'partial',
  'withheld_state_secret',
  'withheld_prohibited',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal',
  'withheld_process',
  'withheld_enforcement_file',
  'withheld_query',
  'unavailable_not_held',
  'unavailable_needs_creation',
  'unavailable_unclear',
  'rejected_petition',
  'rejected_repeat',
  'rejected_publication',
  'rejected_excessive',
  'rejected_confirm',
  'other',
  'total',
  'carried_out',
];

/** Keys in report order, so the JSON reads like the table. */
function reorder(t: AnnualReport['table3']): AnnualReport['table3'] {
  const out: AnnualReport['table3'] = {};
  for (const k of ORDER) if (t[k]) out[k] = t[k];
  return out;
}
