/**
 * The calendar years bundled with Gongkai (2007–2026), generated from `chinese-days` by
 * tools/calendar/generate.ts and committed under ./data. The database may override or
 * extend them (src/modules/calendar: imported years win over bundled ones).
 */
import { bundledYearData } from './data/index.ts';
import type { CalendarYear } from './types.ts';

/** The bundled years, ascending. */
export function loadBundledYears(): readonly CalendarYear[] {
  return bundledYearData;
}
