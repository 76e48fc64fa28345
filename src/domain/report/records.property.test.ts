/**
 * R1–R4 hold for every generated report, on randomized records: applications counted by the
 * applications' own counting (lifecycle.md) and cases by the case register's, assembled here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICANT_KINDS } from '../applications/applicant.ts';
import { countTable3, type CountableApplication } from '../applications/counting.ts';
import { CASE_KINDS, CASE_RESULTS, countCases, type CaseFacts } from '../cases/index.ts';
import { OUTCOME_KEYS } from '../clock/outcomes.ts';
import { applicationFiguresFromCounts, assembleReport, emptyFigures, validateReport } from './index.ts';

const DAY0 = Date.parse('2018-06-01T00:00:00Z');
const iso = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);

const application: fc.Arbitrary<CountableApplication> = fc
  .record({
    received: fc.option(fc.nat({ max: 3000 }), { freq: 8 }),
    lag: fc.option(fc.nat({ max: 500 }), { freq: 4 }),
    outcome: fc.constantFrom(...OUTCOME_KEYS),
    kind: fc.constantFrom(...APPLICANT_KINDS),
  })
  .map(({ received, lag, outcome, kind }) => {
    const closed = received === null || lag === null ? null : received + lag;
    return {
      receivedDate: received === null ? null : iso(received),
      closedDate: closed === null ? null : iso(closed),
      outcome: closed === null ? null : outcome,
      applicantKind: kind,
    };
  });

const legalCase: fc.Arbitrary<CaseFacts> = fc
  .record({
    kind: fc.constantFrom(...CASE_KINDS),
    filed: fc.nat({ max: 3000 }),
    lag: fc.option(fc.nat({ max: 800 })),
    result: fc.constantFrom(...CASE_RESULTS.filter((r) => r !== 'pending')),
  })
  .map(({ kind, filed, lag, result }) => ({
    kind,
    filedDate: iso(filed),
    concludedDate: lag === null ? null : iso(filed + lag),
    result: lag === null ? 'pending' : result,
  }));

const HARD = ['R1', 'R2', 'R3', 'R4'];

describe('R1–R4 on randomized records', () => {
  it("hold for every year 2019–2026 in the year's format", () => {
    fc.assert(
      fc.property(
        fc.array(application, { maxLength: 120 }),
        fc.array(legalCase, { maxLength: 30 }),
        fc.integer({ min: 2019, max: 2026 }),
        (apps, cases, year) => {
          const figures = {
            ...emptyFigures(),
            applications: applicationFiguresFromCounts(countTable3(apps, year)),
            cases: countCases(cases, year),
          };
          const report = assembleReport({ agency: { name: '某局' }, year, figures });
          expect(validateReport(report).filter((f) => HARD.includes(f.rule))).toEqual([]);
          // Every counted application appears once in 一 or 二, and once in （七） or 四.
          const inflow = (report.table3.received?.[6] ?? 0) + (report.table3.carried_in?.[6] ?? 0);
          expect(inflow).toBe((report.table3.total?.[6] ?? 0) + (report.table3.carried_out?.[6] ?? 0));
        },
      ),
      { numRuns: 200 },
    );
  });
});
