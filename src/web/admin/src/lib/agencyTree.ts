/**
 * The agency tree (省 → 市 → 区县 → 部门 / 乡镇), built from the flat list GET /api/v1/agencies
 * returns, in the shapes antd's Tree and TreeSelect take.
 */
import type { Agency, AgencyLevel } from '../api/types.ts';

/** Chinese names of the levels. */
export const LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县（区）级',
  department: '部门',
  township: '乡镇（街道）',
};

/** A node for antd Tree (`key`, `title`) and TreeSelect (`value`, `title`). */
export interface AgencyTreeNode {
  key: string;
  value: string;
  title: string;
  disabled?: boolean;
  children: AgencyTreeNode[];
}

/**
 * Builds the forest. An agency whose parent the user cannot see becomes a root, so a
 * supervisor's subtree shows with its top agency first. Siblings keep the server's order.
 * `disabledIds` marks nodes that may not be chosen (e.g. an agency and its own subtree as parent).
 */
export function buildAgencyTree(
  agencies: readonly Agency[],
  disabledIds: ReadonlySet<string> = new Set(),
): AgencyTreeNode[] {
  const nodes = new Map<string, AgencyTreeNode>();
  for (const a of agencies) {
    nodes.set(a.id, { key: a.id, value: a.id, title: a.name, disabled: disabledIds.has(a.id), children: [] });
  }
  const roots: AgencyTreeNode[] = [];
  for (const a of agencies) {
    const node = nodes.get(a.id) as AgencyTreeNode;
    const parent = a.parentId ? nodes.get(a.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The agency and every agency below it. */
export function subtreeIds(agencies: readonly Agency[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const a of agencies) {
    if (!a.parentId) continue;
    const list = children.get(a.parentId) ?? [];
    list.push(a.id);
    children.set(a.parentId, list);
  }
  const result = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/** The keys of every node that has children: to open the whole tree at once. */
export function expandableKeys(nodes: readonly AgencyTreeNode[]): string[] {
  return nodes.flatMap((n) => (n.children.length > 0 ? [n.key, ...expandableKeys(n.children)] : []));
}

/** The ids of the agencies above `id`, nearest first (those the user can see). */
export function ancestorIds(agencies: readonly Agency[], id: string): string[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const result: string[] = [];
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId && byId.has(parentId) && !result.includes(parentId)) {
    result.push(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return result;
}
