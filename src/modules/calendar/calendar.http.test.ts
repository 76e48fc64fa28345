import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';

const CSV_2027 = [
  'date,kind,name',
  '2027-01-01,off,元旦',
  '2027-02-06,off,春节',
  '2027-02-07,off,春节',
  '2027-02-08,off,春节',
  '2027-02-09,off,春节',
  '2027-02-10,off,春节',
  '2027-02-11,off,春节',
  '2027-02-12,off,春节',
  '2027-02-13,off,春节',
  '2027-02-14,work,春节',
].join('\n');

/** A whole (made-up) 2027 notice as Excel or WPS on Chinese Windows saves a CSV: GB18030, CRLF, Chinese headers. */
const GB18030_2027 = readFileSync(new URL('../../../test/fixtures/calendar/2027-gb18030.csv', import.meta.url));

/** Only the calendar's warnings (other features add their own to the dashboard). */
const calendarWarningsOf = (body: { warnings: Array<{ code: string }> }) =>
  body.warnings.filter((w) => w.code.startsWith('CALENDAR_'));

describeEachDialect('the calendar over HTTP', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('from 1 November the dashboard warns that next year is missing, until it is imported', async () => {
    t.clock.set('2026-10-31T08:00:00Z');
    const clerk = await t.login('gxj.clerk');
    const before = await t.app.inject({ url: '/api/v1/dashboard', headers: { cookie: clerk.cookie } });
    expect(calendarWarningsOf(before.json())).toEqual([]);

    t.clock.set('2026-11-01T01:00:00Z');
    const clerk2 = await t.login('gxj.clerk');
    const warned = await t.app.inject({ url: '/api/v1/dashboard', headers: { cookie: clerk2.cookie } });
    expect(calendarWarningsOf(warned.json())).toEqual([
      { code: 'CALENDAR_NEXT_YEAR_MISSING', message: expect.stringContaining('2027年节假日安排') },
    ]);

    const sys = await t.login('sys.admin');
    const headers = { cookie: sys.cookie, 'x-csrf-token': sys.csrf };
    const payload = {
      fileName: '2027.csv',
      content: CSV_2027,
      year: 2027,
      noticeTitle: '国务院办公厅关于2027年部分节假日安排的通知',
    };
    const dry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/import',
      headers,
      payload: { ...payload, dryRun: true },
    });
    expect(dry.json()).toMatchObject({ year: 2027, days: 10, dryRun: true });
    // The dry run names the statutory holidays the file lacks (除夕, 清明, 劳动节…); the import refuses them unconfirmed.
    expect(dry.json().missingHolidays.map((m: { name: string }) => m.name)).toEqual([
      '春节',
      '清明节',
      '劳动节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
      '国庆节',
      '国庆节',
    ]);
    expect(
      calendarWarningsOf((await t.app.inject({ url: '/api/v1/dashboard', headers: { cookie: clerk2.cookie } })).json()),
    ).toHaveLength(1);
    const partial = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/import', headers, payload });
    expect(partial.statusCode).toBe(422);
    expect(partial.json()).toMatchObject({ code: 'CALENDAR_HOLIDAYS_MISSING' });
    expect(partial.json().detail).toContain(
      '2027年的日历文件缺少《全国年节及纪念日放假办法》规定的法定节假日：春节（2027年2月5日）',
    );

    // The whole year, saved by Excel as GB18030, goes in through the one CSV reader.
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/import',
      headers,
      payload: { fileName: '2027.csv', contentBase64: GB18030_2027.toString('base64') },
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ year: 2027, days: 33, dryRun: false, missingHolidays: [] });
    expect(
      calendarWarningsOf((await t.app.inject({ url: '/api/v1/dashboard', headers: { cookie: clerk2.cookie } })).json()),
    ).toEqual([]);
    const years = (await t.app.inject({ url: '/api/v1/calendar/years', headers: { cookie: clerk2.cookie } })).json()
      .items;
    expect(years.at(-1)).toMatchObject({
      year: 2027,
      source: 'import',
      days: 33,
      notice: { title: '国务院办公厅关于2027年部分节假日安排的通知（测试用，非正式通知）' },
    });
    expect(years[0]).toMatchObject({ year: 2007, source: 'bundled' });
  });

  it('refuses a bad file listing each problem in Chinese, and refuses non-administrators', async () => {
    const sys = await t.login('sys.admin');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/import',
      headers: { cookie: sys.cookie, 'x-csrf-token': sys.csrf },
      payload: {
        fileName: '2028.csv',
        content: 'date,kind,name\n2028-01-05,work,元旦\n2028-01-05,off,元旦',
        year: 2028,
        noticeTitle: '通知',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('DATA_INVALID');
    expect(bad.json().issues.length).toBeGreaterThanOrEqual(2);
    expect(bad.json().detail).toContain('2028');
    const clerk = await t.login('gxj.clerk');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/import',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: { fileName: 'x.csv', content: CSV_2027, year: 2027, noticeTitle: 'x' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
