/**
 * 待办 (src/domain/applications/todo.ts): what waits for the signed-in person in one agency — the
 * kinds of work their permissions do, the handler's own ones by assignment — each with its count,
 * how many are overdue or due within 3 working days, and the most urgent few. The console's
 * dashboard shows it; each kind links to the inbox filtered on it (InboxFilters.waiting).
 */
import {
  dueSoonLimit,
  DUE_SOON_WORKING_DAYS,
  TODO_HINTS,
  TODO_KINDS,
  TODO_LABELS,
  TODO_OWNER,
  WAITING_KINDS,
  urgencyOf,
  type TodoKind,
  type Urgency,
} from '../../../domain/applications/todo.ts';
import { DomainError } from '../../../domain/errors.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize, can } from '../../../policies/can.ts';
import { calendarFor } from '../applications.calendar.ts';
import type { AppDeps } from '../applications.deps.ts';
import { todoOfKind, type InboxItem } from '../applications.repository.ts';

/** Applications listed under each kind on the dashboard (the inbox has them all). */
export const TODO_ITEMS_SHOWN = 5;

/** One kind of 待办. */
export interface TodoGroup {
  kind: TodoKind;
  label: string;
  hint: string;
  /** Waiting for the applicant or a consulted party, not for the office. */
  waiting: boolean;
  /** Only those assigned to the person themselves. */
  mine: boolean;
  count: number;
  overdue: number;
  dueSoon: number;
  items: Array<{ application: InboxItem; urgency: Urgency }>;
}

/** The person's 待办 in one agency (default: their own). */
export async function listTodo(
  deps: AppDeps,
  actor: Actor,
  agencyId?: string,
): Promise<{ agencyId: string; today: string; dueSoonLimit: string; dueSoonWorkingDays: number; groups: TodoGroup[] }> {
  const { db, clock } = deps;
  const id = agencyId ?? actor.agencyId;
  if (!id) throw new DomainError('BAD_REQUEST', '请选择机构');
  authorize(actor, 'applications.read', { agencyId: id });
  const today = shanghaiDate(clock.now());
  const soon = dueSoonLimit(today, await calendarFor(db));
  const kinds = TODO_KINDS.filter((k) => can(actor, TODO_OWNER[k].permission, { agencyId: id }));
  const groups = await Promise.all(
    kinds.map(async (kind): Promise<TodoGroup> => {
      const r = await todoOfKind(db, [id], kind, actor.id, today, soon, TODO_ITEMS_SHOWN);
      return {
        kind,
        label: TODO_LABELS[kind],
        hint: TODO_HINTS[kind],
        waiting: WAITING_KINDS.includes(kind),
        mine: TODO_OWNER[kind].mine,
        count: r.count,
        overdue: r.overdue,
        dueSoon: r.dueSoon,
        items: r.items.map((a) => ({ application: a, urgency: urgencyOf(a.replyDue, today, soon) })),
      };
    }),
  );
  return { agencyId: id, today, dueSoonLimit: soon, dueSoonWorkingDays: DUE_SOON_WORKING_DAYS, groups };
}
