import { shanghaiDate } from '../../domain/time.ts';
import type { WarningSource } from '../dashboard/dashboard.service.ts';
import { loadCalendar } from './calendar.service.ts';

/**
 * From 1 November the console warns when next year's official calendar is not loaded yet:
 * every deadline that reaches into it would otherwise stop at CALENDAR_NOT_LOADED or be only
 * provisional. The State Council usually publishes the notice in late October or November.
 */
export const calendarWarnings: WarningSource = async (db, _actor, clock) => {
  const today = shanghaiDate(clock.now());
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (month < 11) return [];
  const calendar = await loadCalendar(db);
  if (calendar.hasYear(year + 1)) return [];
  return [
    {
      code: 'CALENDAR_NEXT_YEAR_MISSING',
      message: `尚未载入${year + 1}年节假日安排。国务院办公厅通知发布后，请系统管理员在“节假日安排”中导入，否则跨年的办理期限无法准确计算。`,
    },
  ];
};
