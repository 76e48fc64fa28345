import { describe, expect, it } from 'vitest';
import { validateReport } from '../report/validate.ts';
import { emptyReport } from '../report/annual-report.ts';
import { REPORT_FORMATS } from '../report/formats.ts';
import { countTable3, v2019Other, type CountableApplication } from './counting.ts';
import fixture from '../clock/fixtures/clock-vectors.json' with { type: 'json' };

interface CountingExample {
  applications: Array<{ id: string; received: string | null; closed: string | null; outcome: string | null }>;
  expect: Record<string, number>;
}

/** The shared spec's copy when the checkout has it (../shared/spec), else the fixture beside the clock. */
async function loadCounting(): Promise<CountingExample> {
  const url = new URL('../../../../shared/spec/clock-vectors.json', import.meta.url);
  try {
    return (
      (await import(/* @vite-ignore */ url.href, { with: { type: 'json' } })).default as { counting: CountingExample }
    ).counting;
  } catch {
    return (fixture as unknown as { counting: CountingExample }).counting;
  }
}
const example = await loadCounting();

describe('counting for report year Y (lifecycle.md, clock-vectors.json "counting")', () => {
  const apps: CountableApplication[] = example.applications.map((a) => ({
    receivedDate: a.received,
    closedDate: a.closed,
    outcome: a.outcome as CountableApplication['outcome'],
    applicantKind: 'natural_person',
  }));
  const table = countTable3(apps, 2025);

  it('matches every expected figure in the natural-person column and the total', () => {
    for (const [key, value] of Object.entries(example.expect)) {
      const row = key === 'v2019_other' ? v2019Other(table) : table[key as keyof typeof table];
      expect(row, key).toBeDefined();
      expect([key, row![0], row![6]]).toEqual([key, value, value]);
    }
  });

  it('an application never confirmed (第三十一条) is counted nowhere', () => {
    const only = countTable3(
      [{ receivedDate: null, closedDate: null, outcome: null, applicantKind: 'commercial' }],
      2025,
    );
    expect(Object.values(only).every((row) => row.every((n) => n === 0))).toBe(true);
  });

  it('columns follow the applicant kind, and received + carried_in = total + carried_out (R3) in each', () => {
    const mixed = countTable3(
      [
        { receivedDate: '2024-12-30', closedDate: '2025-01-05', outcome: 'granted', applicantKind: 'legal_services' },
        { receivedDate: '2025-02-01', closedDate: null, outcome: null, applicantKind: 'research' },
        { receivedDate: '2025-02-01', closedDate: '2025-12-31', outcome: 'other_other', applicantKind: 'other_org' },
      ],
      2025,
    );
    expect(mixed.carried_in).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(mixed.carried_out).toEqual([0, 0, 1, 0, 0, 0, 1]);
    for (let c = 0; c < 7; c++)
      expect(mixed.received[c]! + mixed.carried_in[c]!).toBe(mixed.total[c]! + mixed.carried_out[c]!);
    const report = emptyReport(REPORT_FORMATS.V2021, { name: '测试机关' }, 2025);
    Object.assign(report.table3, mixed);
    expect(validateReport(report).filter((f) => ['R1', 'R2', 'R3', 'R4'].includes(f.rule))).toEqual([]);
  });

  it('a closed application without an outcome is a programming error, not a silent miscount', () => {
    expect(() =>
      countTable3(
        [{ receivedDate: '2025-01-02', closedDate: '2025-01-03', outcome: null, applicantKind: 'natural_person' }],
        2025,
      ),
    ).toThrow();
  });
});
