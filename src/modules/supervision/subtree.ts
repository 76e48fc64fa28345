/**
 * Which agencies a supervision request covers: the root the user asked for (or, by default,
 * the top of the user's reach), checked against what the user may see, and every agency below
 * it that the user may see. Shared by the statistics, the aggregate report and the scorecard.
 */
import type { DbOrTx } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, canSeeAgency } from '../../policies/can.ts';
import type { Permission } from '../../policies/permissions.ts';
import * as agencies from '../agencies/agencies.repository.ts';

export interface Subtree {
  root: agencies.Agency;
  /** The root first, then every visible agency below it (tree order: parents before children). */
  agencies: agencies.Agency[];
  /** null when the subtree is every agency on the platform (queries then need no agency condition). */
  queryIds: readonly string[] | null;
}

/** The top of the actor's reach: a visible agency whose parent is not visible (own agency otherwise). */
async function defaultRoot(db: DbOrTx, actor: Actor): Promise<string> {
  if (actor.visibleAgencies === 'all') {
    if (actor.agencyId) return actor.agencyId;
    const roots = await agencies.findRoots(db);
    if (!roots[0]) throw new DomainError('NOT_FOUND', '平台上还没有机构');
    return roots[0].id;
  }
  const visible = actor.visibleAgencies;
  const list = await agencies.findByIds(db, [...visible]);
  const top = list.find((a) => !a.parentId || (!visible.has(a.parentId) && a.id !== actor.agencyId));
  return top?.id ?? actor.agencyId ?? list[0]!.id;
}

/**
 * Resolves and authorizes the subtree: `permission` on the root (supervisors of the subtree;
 * auditors read only). An agency outside the user's reach is refused naming the field.
 */
export async function resolveSubtree(
  db: DbOrTx,
  actor: Actor,
  rootId: string | undefined,
  permission: Permission,
): Promise<Subtree> {
  authorize(actor, permission);
  const id = rootId || (await defaultRoot(db, actor));
  if (!canSeeAgency(actor, id))
    throw new DomainError('OUTSIDE_SUBTREE', '所选机构（agencyId）不在您监督的范围内', { field: 'agencyId' });
  authorize(actor, permission, { agencyId: id });
  const root = await agencies.findById(db, id);
  if (!root) throw new DomainError('NOT_FOUND', '机构（agencyId）不存在', { field: 'agencyId' });
  const { ids, everyAgency } = await agencies.subtreeOf(db, [id]);
  const visible = actor.visibleAgencies === 'all' ? ids : ids.filter((x) => canSeeAgency(actor, x));
  // The whole platform: read the agency table as it is rather than through a list of every id.
  const list =
    everyAgency && visible.length === ids.length ? await agencies.findAll(db) : await agencies.findByIds(db, visible);
  return {
    root,
    agencies: treeOrder(root.id, list),
    queryIds: everyAgency && visible.length === ids.length ? null : visible,
  };
}

const byName = new Intl.Collator('zh');

/** Parents before children, siblings by name: the order a tree table reads. */
function treeOrder(rootId: string, list: agencies.Agency[]): agencies.Agency[] {
  const children = new Map<string, agencies.Agency[]>();
  const byId = new Map(list.map((a) => [a.id, a]));
  for (const a of list) {
    if (a.id === rootId || !a.parentId) continue;
    const key = byId.has(a.parentId) ? a.parentId : rootId;
    const l = children.get(key) ?? [];
    l.push(a);
    children.set(key, l);
  }
  const out: agencies.Agency[] = [];
  const root = byId.get(rootId);
  if (!root) return list;
  const stack = [root];
  while (stack.length) {
    const a = stack.pop()!;
    out.push(a);
    const kids = (children.get(a.id) ?? []).sort((x, y) => byName.compare(y.name, x.name));
    stack.push(...kids);
  }
  return out;
}
