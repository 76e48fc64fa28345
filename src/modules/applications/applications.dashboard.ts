/**
 * What the dashboard shows about applications (a WarningSource, src/modules/dashboard): for the
 * actor's agency, how many are overdue and due within 5 days, the reminders the sweep
 * recorded in the last 7 days, and who could not be mailed them for want of an e-mail address.
 */
import type { Db } from '../../db/database.ts';
import { parseDate } from '../../domain/calendar/calendar.ts';
import { formatIsoDate } from '../../domain/calendar/dates.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { can } from '../../policies/can.ts';
import type { DashboardWarning } from '../dashboard/dashboard.service.ts';
import { remindersSince } from './applications.events.repository.ts';
import { dueCounts } from './applications.repository.ts';
import { reminderText } from './sweep/sweep.service.ts';
import { recipientsStillWithoutEmail } from './sweep/reminders.repository.ts';
import { DUE_SOON_DAYS } from './applications.service.ts';

export async function applicationWarnings(db: Db, actor: Actor, clock: Clock): Promise<DashboardWarning[]> {
  const agencyId = actor.agencyId;
  if (!agencyId || !can(actor, 'applications.read', { agencyId })) return [];
  const today = shanghaiDate(clock.now());
  const counts = await dueCounts(db, [agencyId], formatIsoDate(parseDate(today) + DUE_SOON_DAYS), today);
  const out: DashboardWarning[] = [];
  if (counts.overdue > 0)
    out.push({
      code: 'APPLICATIONS_OVERDUE',
      message: `${counts.overdue}件政府信息公开申请已超过答复期限（第三十三条）`,
    });
  if (counts.dueSoon > 0)
    out.push({
      code: 'APPLICATIONS_DUE_SOON',
      message: `${counts.dueSoon}件政府信息公开申请将在${DUE_SOON_DAYS}日内到期`,
    });
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
