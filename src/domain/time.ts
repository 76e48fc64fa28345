/**
 * Time for rules. Statutory dates are Asia/Shanghai calendar dates ('YYYY-MM-DD'), never
 * instants (lifecycle.md "Dates"). Nothing in domain/ or a service reads the system clock
 * itself: a `Clock` is passed in (STYLE.md rule 5).
 */
export interface Clock {
  now(): Date;
}

const shanghaiFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date of an instant, as 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  return shanghaiFormatter.format(instant);
}

/** 2021-01-06 → 2021年1月6日 (DESIGN.md non-negotiable 6). */
export function formatChineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An instant as 2021年1月6日 14:05 in Asia/Shanghai. */
export function formatChineseDateTime(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${formatChineseDate(shanghaiDate(instant))} ${parts}`;
}
