import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  assignKeys,
  facetText,
  facetToken,
  keyBase,
  lastKeyAt,
  sameSecond,
  SLOT_BITS,
  yearKeyRange,
} from './index-keys.ts';

it('keys sort like publication instants, with a slot for each item of the same second', () => {
  const keys = assignKeys(
    ['2025-03-01T01:00:00.000Z', '2025-03-01T01:00:00.900Z', '2024-12-31T16:00:00.000Z', '2025-03-01T01:00:01.000Z'],
    new Map(),
  );
  expect(keys[1]).toBe(keys[0]! + 1); // same second: next slot
  expect(keys[2]).toBeLessThan(keys[0]!);
  expect(keys[3]).toBe(keyBase('2025-03-01T01:00:01Z'));
  // Slots already used in the index are skipped.
  const base = keyBase('2025-03-01T01:00:00Z');
  expect(assignKeys(['2025-03-01T01:00:00Z'], new Map([[base, base + 6]]))).toEqual([base + 7]);
  expect(keyBase('2025-03-01T01:00:00Z') % 2 ** SLOT_BITS).toBe(0);
  expect(sameSecond(keys[0]!, keys[1]!)).toBe(true);
  expect(sameSecond(keys[0]!, keys[3]!)).toBe(false);
});

it('"published by now" and a publication year (Asia/Shanghai) are key ranges', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      (a, b) => {
        const [key] = assignKeys([a.toISOString()], new Map());
        expect(key! <= lastKeyAt(b.toISOString())).toBe(
          Math.floor(a.getTime() / 1000) <= Math.floor(b.getTime() / 1000),
        );
        expect(Number.isSafeInteger(key)).toBe(true);
      },
    ),
  );
  const y2025 = yearKeyRange(2025);
  expect(keyBase('2024-12-31T16:00:00Z')).toBe(y2025.from); // 2025-01-01 00:00 in Shanghai
  expect(lastKeyAt('2025-12-31T15:59:59Z')).toBe(y2025.to);
  expect(keyBase('2025-12-31T16:00:00Z')).toBe(y2025.to + 1);
});

it('facet tokens are letters and digits only, one per agency on the path plus the item facets', () => {
  expect(facetToken('ag', 'a1-b2')).toBe('zag61312d6232');
  expect(facetToken('si', 'a20.01')).toMatch(/^[a-z0-9]+$/);
  expect(facetToken('ct', '公开')).toMatch(/^zct[0-9a-f]+$/);
  const text = facetText({
    agencyPath: ['x', 'parent', 'root'],
    statutoryItem: 'a20.1',
    categoryId: null,
    docType: 'notice',
  });
  expect(text.split(' ')).toEqual([
    facetToken('ag', 'x'),
    facetToken('ag', 'parent'),
    facetToken('ag', 'root'),
    facetToken('ao', 'x'),
    facetToken('si', 'a20.1'),
    facetToken('dt', 'notice'),
  ]);
  expect(() => keyBase('not a date')).toThrow('不是有效的时间');
});
