/**
 * Which paragraph of 第四十九条 each agency's report falls under, from the agency tree: a
 * department takes the kind of the nearest government above it (one under a township is a
 * township's office). Parents outside the given list are read as needed.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { AgencyLevel } from '../../domain/agency.ts';
import { reportDeadlineKind, type ReportDeadlineKind } from '../../domain/report/index.ts';
import * as agencies from '../agencies/agencies.repository.ts';

/** The deadline kind of every agency of `list`, by id. */
export async function deadlineKinds(
  db: DbOrTx,
  list: readonly agencies.Agency[],
): Promise<Map<string, ReportDeadlineKind>> {
  const known = new Map(list.map((a) => [a.id, a]));
  const parentOf = async (id: string | null): Promise<agencies.Agency | null> => {
    if (!id) return null;
    let a = known.get(id) ?? null;
    if (!a) {
      a = await agencies.findById(db, id);
      if (a) known.set(id, a);
    }
    return a;
  };
  const out = new Map<string, ReportDeadlineKind>();
  for (const a of list) {
    const above: AgencyLevel[] = [];
    if (a.level === 'department') {
      // Walk up to the nearest government (a tree is shallow; the guard stops a broken cycle).
      let p = await parentOf(a.parentId);
      while (p && above.length < 32) {
        above.push(p.level);
        if (p.level !== 'department') break;
        p = await parentOf(p.parentId);
      }
    }
    out.set(a.id, reportDeadlineKind(a.level, above));
  }
  return out;
}
