import { describe, expect, it } from 'vitest';
import { forbiddenCharacterFields, hasForbiddenCharacters } from './text.ts';

describe('forbidden characters in text', () => {
  it('refuses C0 controls but tab, LF, FF and CR; DEL; C1; lone surrogates', () => {
    for (const c of ['\u0000', '\u0001', '\u000b', '\u001f', '\u007f', '\u0080', '\u009f', '\ud800', '\udfff'])
      expect(hasForbiddenCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const c of ['\t', '\n', '\f', '\r', ' ', '中', '😀', '\u00a0'])
      expect(hasForbiddenCharacters(`a${c}b`), JSON.stringify(c)).toBe(false);
  });

  it('names nested fields and skips binary content', () => {
    expect(
      forbiddenCharacterFields({
        a: 'ok',
        b: { c: ['x', 'y\u0000'] },
        file: Buffer.from([0, 1, 2]),
        ['k\u0000']: 'v',
      }),
    ).toEqual({ 'b.c.1': expect.stringContaining('控制字符'), _: expect.stringContaining('控制字符') });
  });
});
