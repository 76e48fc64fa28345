/**
 * What the dashboard shows about applications (a WarningSource, src/modules/dashboard): over the
 * dashboard's scope (for a supervisor, every agency of its subtree, however deep), how many are
 * overdue and due within 5 days, named by agency; for the actor's own agency, the reminders the
 * sweep recorded in the last 7 days, and who could not be mailed them for want of an e-mail address.
 */
import type { Db } from '../../db/database.ts';
import { parseDate } from '../../domain/calendar/calendar.ts';
import { formatIsoDate } from '../../domain/calendar/dates.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { can } from '../../policies/can.ts';
import type { DashboardScope, DashboardWarning } from '../dashboard/dashboard.service.ts';
import { remindersSince } from './applications.events.repository.ts';
import { dueCountsByAgency } from './applications.repository.ts';
import { findByIds } from '../agencies/agencies.repository.ts';
import { reminderText } from './sweep/sweep.service.ts';
import { recipientsStillWithoutEmail } from './sweep/reminders.repository.ts';
import { DUE_SOON_DAYS } from './applications.service.ts';

export async function applicationWarnings(
  db: Db,
  actor: Actor,
  clock: Clock,
  scope?: DashboardScope,
): Promise<DashboardWarning[]> {
  const agencyId = actor.agencyId;
  const out: DashboardWarning[] = [];
  const today = shanghaiDate(clock.now());
  const ids = (scope?.agencyIds ?? (agencyId ? [agencyId] : [])).filter((id) =>
    can(actor, 'applications.read', { agencyId: id }),
  );
  const rows = await dueCountsByAgency(db, ids, formatIsoDate(parseDate(today) + DUE_SOON_DAYS), today);
  const several = ids.length > 1;
  const names = several
    ? new Map(
        (
          await findByIds(
            db,
            rows.map((r) => r.agencyId),
          )
        ).map((a) => [a.id, a.shortName || a.name]),
      )
    : new Map<string, string>();
  const byAgency = (key: 'overdue' | 'dueSoon') =>
    several
      ? `：${rows
          .filter((r) => r[key] > 0)
          .sort((a, b) => b[key] - a[key])
          .map((r) => `${names.get(r.agencyId) ?? r.agencyId}${r[key]}件`)
          .join('、')}`
      : '';
  const overdue = rows.reduce((n, r) => n + r.overdue, 0);
  const dueSoon = rows.reduce((n, r) => n + r.dueSoon, 0);
  if (overdue > 0)
    out.push({
      code: 'APPLICATIONS_OVERDUE',
      message: `${overdue}件政府信息公开申请已超过答复期限（第三十三条）${byAgency('overdue')}`,
    });
  if (dueSoon > 0)
    out.push({
      code: 'APPLICATIONS_DUE_SOON',
      message: `${dueSoon}件政府信息公开申请将在${DUE_SOON_DAYS}日内到期${byAgency('dueSoon')}`,
    });
  if (!agencyId || !can(actor, 'applications.read', { agencyId })) return out;
  const since = new Date(clock.now().getTime() - 7 * 86_400_000).toISOString();
  for (const r of (await remindersSince(db, [agencyId], since)).slice(0, 10))
    out.push({ code: 'APPLICATION_REMINDER', message: reminderText(r.trackingNumber, r.key) });
  const unmailed = await recipientsStillWithoutEmail(db, [agencyId], since);
  if (unmailed.length > 0) {
    const names = unmailed.map((u) => `${u.displayName}（${u.skipped}条）`).join('、');
    out.push({
      code: 'REMINDER_EMAIL_MISSING',
      message: `期限提醒邮件未能发出：${names}未设置邮箱。请本人在“我的账号”或由管理员在“用户与角色”中填写`,
    });
  }
  return out;
}
