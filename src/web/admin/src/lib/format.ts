/**
 * Dates and times as Chinese readers expect them: 2021年1月6日 and 2021年1月6日 14:05
 * (DESIGN.md, non-negotiable 6). Times are shown in the browser's time zone.
 */
import dayjs from 'dayjs';

/** Placeholder for an empty value in tables and descriptions. */
export const EMPTY = '—';

/** 2021年1月6日; {@link EMPTY} for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY年M月D日') : iso;
}

/** 2021年1月6日 14:05; {@link EMPTY} for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY年M月D日 HH:mm') : iso;
}

/** True when the moment lies in the future (e.g. an account is still locked). */
export function isFuture(iso: string | null | undefined): boolean {
  return !!iso && dayjs(iso).isAfter(dayjs());
}
