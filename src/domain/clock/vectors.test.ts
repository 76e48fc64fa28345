import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { computeClock } from './compute.ts';
import type { ClockEvent, ClockResult } from './types.ts';
import fixture from './fixtures/clock-vectors.json' with { type: 'json' };

interface Vector {
  name: string;
  events: ClockEvent[];
  expect: Record<string, unknown>;
  note: string;
}

/** The shared spec copy when the checkout has it (../shared/spec), else null. */
async function loadSharedVectors(): Promise<unknown> {
  const url = new URL('../../../../shared/spec/clock-vectors.json', import.meta.url);
  try {
    return (await import(/* @vite-ignore */ url.href, { with: { type: 'json' } })).default as unknown;
  } catch {
    return null;
  }
}

const shared = await loadSharedVectors();
const source = (shared ?? fixture) as { vectors: Vector[] };
const calendar = Calendar.fromYears(loadBundledYears());

/** The result field a vector's expectation names (partyDeadline is the first consultation's). */
function actual(result: ClockResult, key: string): unknown {
  if (key === 'partyDeadline') return result.consultations[0]?.partyDeadline;
  return (result as unknown as Record<string, unknown>)[key];
}

describe('clock-vectors.json', () => {
  it('the fixture copy equals the shared spec (when the shared folder is present)', () => {
    if (shared === null) {
      expect(fixture.vectors.length).toBeGreaterThan(0);
      return;
    }
    expect(fixture).toEqual(shared);
  });

  // The `counting` example belongs to the report (issue: annual report counting), not to the clock.
  for (const vector of source.vectors) {
    it(`${vector.name} (${vector.note})`, () => {
      const result = computeClock({ events: vector.events, today: '2026-12-31', calendar });
      const got: Record<string, unknown> = {};
      for (const key of Object.keys(vector.expect)) got[key] = actual(result, key);
      expect(got).toEqual(vector.expect);
    });
  }
});
