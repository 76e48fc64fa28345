import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from './csv.ts';
import { parseCalendarFile } from './calendar/parse.ts';

// 日期,类型,名称 / 2027-01-01,休,元旦 as Excel saves it on Chinese Windows (GB18030, CRLF).
const GB18030 = Buffer.from('c8d5c6da2cc0e0d0cd2cc3fbb3c60d0a323032372d30312d30312cd0dd2cd4aab5a90d0a', 'hex');

describe('the one CSV reader', () => {
  it('decodes UTF-8 (BOM dropped), UTF-16 by its BOM, else GB18030', () => {
    expect(decodeText(Buffer.from('\uFEFF日期,类型', 'utf8'))).toBe('日期,类型');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('日期', 'utf16le')]))).toBe('日期');
    expect(decodeText(GB18030)).toBe('日期,类型,名称\r\n2027-01-01,休,元旦\r\n');
  });

  it('reads RFC 4180: quoted commas, doubled quotes, newlines inside quotes, CRLF', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"f\ng",h\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['f\ng', 'h'],
    ]);
  });

  it('a calendar CSV saved as GB18030 is read like its UTF-8 twin', () => {
    const defaults = { year: 2027, noticeTitle: '国务院办公厅关于2027年部分节假日安排的通知' };
    const utf8 = parseCalendarFile('2027.csv', '日期,类型,名称\n2027-01-01,休,元旦\n', defaults);
    expect(parseCalendarFile('2027.csv', GB18030, defaults)).toEqual(utf8);
    expect(utf8.days).toEqual([{ date: '2027-01-01', kind: 'off', name: '元旦' }]);
  });
});
