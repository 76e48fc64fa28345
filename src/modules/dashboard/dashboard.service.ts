/**
 * The console's landing figures for one agency (and, for a supervisor, its subtree). Feature
 * issues add their cards and warnings here (applications due, late publications, reports).
 */
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { countLockedUsers, countUsers } from '../accounts/users.repository.ts';
import { countRemindersSince, outcomeCountsSince } from '../applications/sweep/reminders.repository.ts';
import { countEventsSince } from '../audit/audit.repository.ts';

export interface DashboardCard {
  key: string;
  label: string;
  value: number | string;
  hint?: string;
}

export interface DashboardWarning {
  code: string;
  message: string;
}

/**
 * What the dashboard looks at: the chosen agency and the agencies its figures cover — for a
 * supervisor on its own agency, the whole reach it supervises (第四十六条); otherwise the chosen
 * agency's subtree, as far as the actor may see it.
 */
export interface DashboardScope {
  agencyId: string;
  agencyIds: readonly string[];
}

/** Extra warnings contributed by features (e.g. the calendar's "next year not loaded"). */
export type WarningSource = (db: Db, actor: Actor, clock: Clock, scope?: DashboardScope) => Promise<DashboardWarning[]>;

export async function dashboard(
  db: Db,
  actor: Actor,
  agencyId: string | undefined,
  clock: Clock,
  warningSources: WarningSource[] = [],
) {
  const id = agencyId ?? actor.agencyId;
  if (!id) throw new DomainError('BAD_REQUEST', '请选择机构');
  authorize(actor, 'dashboard.read', { agencyId: id });
  const agency = await agencies.findById(db, id);
  if (!agency) throw new DomainError('NOT_FOUND', '机构不存在');
  const subtree = await agencies.subtreeIds(db, [id]);
  const visibleSubtree =
    actor.visibleAgencies === 'all'
      ? subtree
      : subtree.filter((x) => (actor.visibleAgencies as ReadonlySet<string>).has(x));
  // A supervisor sits in the government's office (区政府办) but supervises the government's whole
  // subtree: on its own agency the warnings cover every agency it can see, not the office alone.
  const scopeIds =
    id === actor.agencyId && actor.roles.includes('supervisor') && actor.visibleAgencies !== 'all'
      ? [...actor.visibleAgencies]
      : visibleSubtree;
  const scope: DashboardScope = { agencyId: id, agencyIds: scopeIds };
  // Midnight Asia/Shanghai today, as an instant.
  const todayStart = new Date(`${shanghaiDate(clock.now())}T00:00:00+08:00`).toISOString();
  const cards: DashboardCard[] = [
    {
      key: 'agencies',
      label: '本级及下级机构',
      value: visibleSubtree.length,
      hint: visibleSubtree.length > 1 ? '含本机构' : undefined,
    },
    { key: 'users', label: '在用账号', value: await countUsers(db, visibleSubtree) },
    {
      key: 'locked',
      label: '被锁定账号',
      value: await countLockedUsers(db, visibleSubtree, clock.now().toISOString()),
    },
    { key: 'auditToday', label: '今日操作记录', value: await countEventsSince(db, id, todayStart) },
  ];
  if (can(actor, 'applications.read', { agencyId: id })) cards.push(await reminderCard(db, id, clock));
  const warnings = (await Promise.all(warningSources.map((source) => source(db, actor, clock, scope)))).flat();
  return { agency, cards, warnings };
}

/** 近7日期限提醒: the reminders the sweep recorded for the agency, and what became of their e-mails. */
async function reminderCard(db: Db, agencyId: string, clock: Clock): Promise<DashboardCard> {
  const since = new Date(clock.now().getTime() - 7 * 86_400_000).toISOString();
  const mails = await outcomeCountsSince(db, [agencyId], since);
  const hint = [
    `已发邮件 ${mails.queued} 封`,
    mails.no_email ? `未设置邮箱 ${mails.no_email} 人次` : '',
    mails.opted_out ? `已关闭提醒 ${mails.opted_out} 人次` : '',
  ]
    .filter(Boolean)
    .join('，');
  return { key: 'reminders', label: '近7日期限提醒', value: await countRemindersSince(db, [agencyId], since), hint };
}
