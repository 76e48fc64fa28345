/**
 * Calendar data types. A `CalendarYear` is what one State Council notice
 * (国务院办公厅关于××××年部分节假日安排的通知) decides: the official days off and the
 * make-up working days (调休上班) of that year, plus any day of the adjacent December or
 * January that the notice moves (e.g. the 2019 notice made 2018-12-29 a working day).
 */

/** `off`: an official day off (放假); `work`: a make-up working day on a weekend (调休上班). */
export type DayKind = 'off' | 'work';

/** One day listed by a notice. Dates are Asia/Shanghai calendar dates, `YYYY-MM-DD`. */
export interface CalendarDay {
  readonly date: string;
  readonly kind: DayKind;
  /** The holiday the day belongs to, as the notice names it (元旦, 春节, 国庆节…). */
  readonly name: string | null;
}

/** The notice a year's arrangement comes from. Unknown fields are null, never guessed. */
export interface CalendarNotice {
  readonly title: string;
  /** 发文字号, e.g. 国办发明电〔2024〕12号. */
  readonly documentNo: string | null;
  /** 成文日期, `YYYY-MM-DD`. */
  readonly date: string | null;
}

/** One year's official arrangement. */
export interface CalendarYear {
  readonly year: number;
  readonly notice: CalendarNotice;
  /** Later notices that changed the year (2015 抗战胜利纪念日, 2019 劳动节, 2020 春节延长). */
  readonly supplements?: readonly CalendarNotice[];
  readonly days: readonly CalendarDay[];
}
