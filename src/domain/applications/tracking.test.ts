import { describe, expect, it } from 'vitest';
import {
  checkTrackingPattern,
  displayQueryCode,
  formatTrackingNumber,
  isWellFormedQueryCode,
  normalizeQueryCode,
  normalizeTrackingNumber,
  queryCodeFromBytes,
  QUERY_CODE_ALPHABET,
} from './tracking.ts';

describe('tracking numbers in the agency pattern', () => {
  it('formats 洛工信依申〔2025〕12号 and zero-padded variants', () => {
    expect(formatTrackingNumber('洛工信依申〔{year}〕{seq}号', 2025, 12)).toBe('洛工信依申〔2025〕12号');
    expect(formatTrackingNumber('LJ-{year}-{seq:4}', 2025, 7)).toBe('LJ-2025-0007');
  });
  it('refuses a pattern that cannot tell applications apart', () => {
    expect(checkTrackingPattern('依申〔2025〕号')).toMatch(/\{year\}/);
    expect(checkTrackingPattern('{seq}{seq}{year}')).toMatch(/各只能出现一次/);
    expect(() => formatTrackingNumber('{year}', 2025, 1)).toThrow();
  });
  it('folds the bracket variants people type', () => {
    expect(normalizeTrackingNumber(' 洛工信依申[2025]12号 ')).toBe('洛工信依申〔2025〕12号');
    expect(normalizeTrackingNumber('洛工信依申（2025）12号')).toBe('洛工信依申〔2025〕12号');
  });
});

describe('query codes', () => {
  it('are 8 characters from an alphabet without look-alikes', () => {
    const code = queryCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5, 250, 6, 7]));
    expect(code).toBe('23456789');
    expect(queryCodeFromBytes(Uint8Array.from([30, 30, 30, 30, 30, 30, 30, 30]))).toBe('ZZZZZZZZ');
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });
  it('are typed loosely and checked strictly', () => {
    expect(normalizeQueryCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(isWellFormedQueryCode('ABCDEFGH')).toBe(true);
    expect(isWellFormedQueryCode('ABCDEFG0')).toBe(false);
    expect(displayQueryCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });
});
