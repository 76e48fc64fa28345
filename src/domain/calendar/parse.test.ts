import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { detectCalendarFormat, parseCalendarFile } from './parse.ts';
import { holidayNameOfSummary } from './parse-ics.ts';
import type { CalendarIssue } from './validate.ts';

const NOTICE = '国务院办公厅关于2027年部分节假日安排的通知';

function issuesOf(fn: () => unknown): CalendarIssue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'DATA_INVALID') return err.details.errors as CalendarIssue[];
    throw err;
  }
  throw new Error('expected DATA_INVALID');
}

describe('calendar files: JSON', () => {
  it('reads the data-file shape', () => {
    const year = parseCalendarFile(
      '2027.json',
      JSON.stringify({
        year: 2027,
        notice: { title: NOTICE, documentNo: '国办发明电〔2026〕9号', date: '2026-11-05' },
        days: [
          { date: '2027-01-01', kind: 'off', name: '元旦' },
          { date: '2026-12-27', kind: 'work', name: '元旦' },
        ],
      }),
    );
    expect(year).toEqual({
      year: 2027,
      notice: { title: NOTICE, documentNo: '国办发明电〔2026〕9号', date: '2026-11-05' },
      days: [
        { date: '2026-12-27', kind: 'work', name: '元旦' },
        { date: '2027-01-01', kind: 'off', name: '元旦' },
      ],
    });
  });

  it('reads a bare list with the year and notice from the caller', () => {
    const year = parseCalendarFile('days.json', '[{"date":"2027-02-08","kind":"休","name":"春节"}]', {
      year: 2027,
      noticeTitle: NOTICE,
    });
    expect(year.days).toEqual([{ date: '2027-02-08', kind: 'off', name: '春节' }]);
    expect(year.notice).toEqual({ title: NOTICE, documentNo: null, date: null });
  });

  it('requires the year', () => {
    expect(
      issuesOf(() =>
        parseCalendarFile('days.json', '[{"date":"2027-02-08","kind":"off","name":"春节"}]', { noticeTitle: NOTICE }),
      ),
    ).toEqual([{ where: null, date: null, message: '缺少年份（请在文件中写明 year，或用 --year 指定）' }]);
  });

  it('refuses text that is not JSON, and a year that contradicts the caller', () => {
    expect(issuesOf(() => parseCalendarFile('x.json', '{ nope'))[0]?.message).toMatch(/^不是有效的 JSON 文件/);
    const file = JSON.stringify({
      year: 2027,
      notice: { title: NOTICE },
      days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }],
    });
    expect(issuesOf(() => parseCalendarFile('x.json', file, { year: 2028 }))[0]?.message).toBe(
      '文件中的年份「2027」与指定的「2028」不一致',
    );
  });
});

describe('calendar files: CSV', () => {
  it('reads rows with 休/班 and the year and notice from # lines', () => {
    const csv = [
      '\uFEFF# year: 2027',
      `# notice: ${NOTICE}`,
      '# 文号: 国办发明电〔2026〕9号',
      '# noticeDate: 2026-11-05',
      'date,kind,name',
      '2027-02-06,休,春节',
      '2027-02-14,班,春节',
      '"2027-10-01",off,"国庆节"',
      '',
    ].join('\r\n');
    const year = parseCalendarFile('2027.csv', csv);
    expect(year.year).toBe(2027);
    expect(year.notice).toEqual({ title: NOTICE, documentNo: '国办发明电〔2026〕9号', date: '2026-11-05' });
    expect(year.days).toEqual([
      { date: '2027-02-06', kind: 'off', name: '春节' },
      { date: '2027-02-14', kind: 'work', name: '春节' },
      { date: '2027-10-01', kind: 'off', name: '国庆节' },
    ]);
  });

  it('names the line of each problem, all at once', () => {
    const csv = [
      '日期,类型,名称',
      '2027-02-06,休,春节',
      '2027-02-30,休,春节',
      '2027-02-10,班,春节',
      '2027-02-06,休,春节',
      '2027-03-07,休,',
      '2028-03-01,休,x',
      '2027-04-05,放,清明节',
    ].join('\n');
    expect(issuesOf(() => parseCalendarFile('x.csv', csv, { year: 2027, noticeTitle: NOTICE }))).toEqual([
      {
        where: '第3行',
        date: '2027-02-30',
        message: '日期格式不正确：「2027-02-30」（应为YYYY-MM-DD，且须为真实存在的日期）',
      },
      {
        where: '第4行',
        date: '2027-02-10',
        message: '2027年2月10日是星期三，本来就是工作日，不能列为调休上班日（调休上班日只能是星期六或星期日）',
      },
      { where: '第5行', date: '2027-02-06', message: '2027年2月6日重复出现（已见于第2行）' },
      {
        where: '第6行',
        date: '2027-03-07',
        message: '2027年3月7日是星期日，本来就休息；只有列为某个节日放假期间的一天时才可列出，请写明节日名称',
      },
      { where: '第7行', date: '2028-03-01', message: '2028年3月1日不在2027年及其前一年12月、后一年1月的范围内' },
      { where: '第8行', date: '2027-04-05', message: '2027年4月5日的类型「放」无法识别（应为 off/休 或 work/班）' },
    ]);
  });

  it('requires a header row', () => {
    expect(
      issuesOf(() => parseCalendarFile('x.csv', '2027-02-06,休,春节', { year: 2027, noticeTitle: NOTICE }))[0]?.message,
    ).toMatch(/表头/);
  });

  it('accepts the adjacent December and January, and requires the notice title', () => {
    const csv = 'date,kind,name\n2026-12-31,off,元旦\n2028-01-02,work,元旦\n';
    expect(parseCalendarFile('x.csv', csv, { year: 2027, noticeTitle: NOTICE }).days).toHaveLength(2);
    expect(issuesOf(() => parseCalendarFile('x.csv', csv, { year: 2027 }))[0]?.message).toMatch(
      /^缺少节假日安排通知的标题/,
    );
  });
});

describe('calendar files: iCalendar', () => {
  const ics = (events: string[], header: string[] = []): string =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', ...header, ...events, 'END:VCALENDAR', ''].join('\r\n');

  it('reads holiday-cn style events (DTEND exclusive; 上班(补…假期) is a working day)', () => {
    const file = ics(
      [
        'BEGIN:VEVENT',
        'SUMMARY:上班(补元旦假期)',
        'DTSTART;VALUE=DATE:20181229',
        'DTEND;VALUE=DATE:20181230',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'SUMMARY:元旦假期',
        'DTSTART;VALUE=DATE:20181230',
        'DTEND;VALUE=DATE:20190102',
        'END:VEVENT',
      ],
      [
        'X-GONGKAI-YEAR:2019',
        'X-GONGKAI-NOTICE:国务院办公厅关于2019年部分节假日安排的通知',
        'X-GONGKAI-DOCUMENT-NO:国办发明电〔2018〕15号',
      ],
    );
    const year = parseCalendarFile('2019.ics', file);
    expect(year.year).toBe(2019);
    expect(year.notice.documentNo).toBe('国办发明电〔2018〕15号');
    expect(year.days).toEqual([
      { date: '2018-12-29', kind: 'work', name: '元旦' },
      { date: '2018-12-30', kind: 'off', name: '元旦' },
      { date: '2018-12-31', kind: 'off', name: '元旦' },
      { date: '2019-01-01', kind: 'off', name: '元旦' },
    ]);
  });

  it('reads chinese-days style summaries, folded lines, UTC times and X-GONGKAI-KIND', () => {
    const file = ics([
      'BEGIN:VEVENT',
      'SUMMARY:春节(',
      ' 休)',
      'DTSTART:20270205T160000Z',
      'DTEND:20270206T160000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:调整',
      'X-GONGKAI-KIND:班',
      'DTSTART;VALUE=DATE:20270214',
      'END:VEVENT',
    ]);
    const year = parseCalendarFile('x.ics', file, { year: 2027, noticeTitle: NOTICE });
    expect(year.days).toEqual([
      { date: '2027-02-06', kind: 'off', name: '春节' },
      { date: '2027-02-14', kind: 'work', name: '调整' },
    ]);
  });

  it('names the event whose kind cannot be told', () => {
    const file = ics(['BEGIN:VEVENT', 'SUMMARY:春节', 'DTSTART;VALUE=DATE:20270206', 'END:VEVENT']);
    expect(issuesOf(() => parseCalendarFile('x.ics', file, { year: 2027, noticeTitle: NOTICE }))).toEqual([
      {
        where: '第1个VEVENT（第3行）',
        date: '2027-02-06',
        message: '无法从「春节」判断是放假还是调休上班（标题应含“休”或“班”，或加 X-GONGKAI-KIND）',
      },
    ]);
  });

  it('extracts holiday names from summaries', () => {
    expect(holidayNameOfSummary('上班(补元旦假期)')).toBe('元旦');
    expect(holidayNameOfSummary('国庆节、中秋节假期')).toBe('国庆节、中秋节');
    expect(holidayNameOfSummary('春节（班）')).toBe('春节');
    expect(holidayNameOfSummary('休')).toBeNull();
  });
});

describe('calendar files: format detection', () => {
  it('uses the extension, else the content', () => {
    expect(detectCalendarFormat('a.ICS', '')).toBe('ics');
    expect(detectCalendarFormat('upload', '  [{"date":1}]')).toBe('json');
    expect(detectCalendarFormat('upload', 'BEGIN:VCALENDAR')).toBe('ics');
    expect(detectCalendarFormat('upload', 'date,kind')).toBe('csv');
  });
});
