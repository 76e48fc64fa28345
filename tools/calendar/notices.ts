/**
 * The State Council notices behind each bundled calendar year. Every 发文字号 and 成文日期
 * below was confirmed against a stored copy of the notice (see docs/calendar.md for the
 * copies consulted); where no copy could be found the field is null. Never fill one in
 * from memory.
 */

export interface NoticeMeta {
  title: string;
  documentNo: string | null;
  date: string | null;
}

const title = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

/** The yearly notice, by the year it arranges. */
export const NOTICES: Record<number, NoticeMeta> = {
  2007: { title: title(2007), documentNo: '国办发明电〔2006〕49号', date: '2006-12-14' },
  2008: { title: title(2008), documentNo: null, date: null },
  2009: { title: title(2009), documentNo: '国办发明电〔2008〕42号', date: null },
  2010: { title: title(2010), documentNo: '国办发明电〔2009〕27号', date: '2009-12-07' },
  2011: { title: title(2011), documentNo: '国办发明电〔2010〕40号', date: '2010-12-09' },
  2012: { title: title(2012), documentNo: '国办发明电〔2011〕45号', date: '2011-12-05' },
  2013: { title: title(2013), documentNo: '国办发明电〔2012〕33号', date: '2012-12-08' },
  2014: { title: title(2014), documentNo: '国办发明电〔2013〕28号', date: '2013-12-11' },
  2015: { title: title(2015), documentNo: '国办发明电〔2014〕28号', date: '2014-12-16' },
  2016: { title: title(2016), documentNo: '国办发明电〔2015〕18号', date: '2015-12-10' },
  2017: { title: title(2017), documentNo: '国办发明电〔2016〕17号', date: '2016-12-01' },
  2018: { title: title(2018), documentNo: '国办发明电〔2017〕12号', date: '2017-11-30' },
  2019: { title: title(2019), documentNo: '国办发明电〔2018〕15号', date: '2018-12-04' },
  2020: { title: title(2020), documentNo: '国办发明电〔2019〕16号', date: '2019-11-21' },
  2021: { title: title(2021), documentNo: '国办发明电〔2020〕27号', date: '2020-11-25' },
  2022: { title: title(2022), documentNo: '国办发明电〔2021〕11号', date: '2021-10-25' },
  2023: { title: title(2023), documentNo: '国办发明电〔2022〕16号', date: '2022-12-08' },
  2024: { title: title(2024), documentNo: '国办发明电〔2023〕7号', date: '2023-10-25' },
  2025: { title: title(2025), documentNo: '国办发明电〔2024〕12号', date: '2024-11-12' },
  2026: { title: title(2026), documentNo: '国办发明电〔2025〕7号', date: '2025-11-04' },
};

/** Notices that changed a year after its yearly notice. */
export const SUPPLEMENTS: Record<number, NoticeMeta[]> = {
  2015: [
    {
      title: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知',
      documentNo: '国发明电〔2015〕1号',
      date: '2015-05-13',
    },
  ],
  2019: [
    {
      title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
      documentNo: '国办发明电〔2019〕3号',
      date: '2019-03-22',
    },
  ],
  2020: [
    { title: '国务院办公厅关于延长2020年春节假期的通知', documentNo: '国办发明电〔2020〕1号', date: '2020-01-26' },
  ],
};
