/** R1–R4 hold for every generated report: assembly over randomized, consistent figures. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assembleReport,
  checkNarrativeSections,
  draftNarrative,
  emptyFigures,
  sumFigures,
  validateReport,
  type ReportFigures,
} from './index.ts';
import { APPLICANT_KINDS, OUTCOME_KEYS } from './table3-rows.ts';

const counts = fc.array(fc.nat({ max: 40 }), { minLength: APPLICANT_KINDS.length, maxLength: APPLICANT_KINDS.length });

/** Closed outcomes and carry-out at random; carry-in a random part of the outflow, received the rest (lifecycle.md). */
const figures: fc.Arbitrary<ReportFigures> = fc
  .record({
    closed: fc.tuple(...OUTCOME_KEYS.map(() => counts)),
    carriedOut: counts,
    share: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    cases: fc.array(fc.nat({ max: 9 }), { minLength: 12, maxLength: 12 }),
    docs: fc.array(fc.nat({ max: 50 }), { minLength: 10, maxLength: 10 }),
    items: fc.array(fc.nat({ max: 500 }), { minLength: 15, maxLength: 15 }),
  })
  .map(({ closed, carriedOut, share, cases, docs, items }) => {
    const f = emptyFigures();
    OUTCOME_KEYS.forEach((k, i) => (f.applications.closed[k] = closed[i] ?? []));
    const outflow = APPLICANT_KINDS.map(
      (_, c) => OUTCOME_KEYS.reduce((s, _k, i) => s + (closed[i]?.[c] ?? 0), 0) + (carriedOut[c] ?? 0),
    );
    f.applications.carriedOut = carriedOut;
    f.applications.carriedIn = outflow.map((o, c) => Math.floor(o * (share[c] ?? 0)));
    f.applications.received = outflow.map((o, c) => o - (f.applications.carriedIn[c] ?? 0));
    const g = (i: number) => ({
      upheld: cases[i] ?? 0,
      corrected: cases[i + 1] ?? 0,
      other: cases[i + 2] ?? 0,
      pending: cases[i + 3] ?? 0,
    });
    f.cases = { reconsideration: g(0), litigation_direct: g(4), litigation_after_reconsideration: g(8) };
    const d = (i: number) => ({
      made: docs[i] ?? 0,
      published: docs[i + 1] ?? 0,
      publishedTotal: docs[i + 2] ?? 0,
      repealed: docs[i + 3] ?? 0,
      inForce: docs[i + 4] ?? 0,
    });
    f.catalog.documents = { rules: d(0), normative_docs: d(5) };
    const it = (i: number) => ({
      itemsPrevious: items[i] ?? 0,
      itemsNow: items[i + 1] ?? 0,
      decisions: items[i + 2] ?? 0,
    });
    f.catalog.powerList = {
      ...f.catalog.powerList,
      licensing: it(0),
      other_services: it(3),
      penalty: it(6),
      enforcement: it(9),
    };
    return f;
  });

const HARD = new Set(['R1', 'R2', 'R3', 'R4']);

describe('R1–R4 by construction', () => {
  it('hold for every year and format, single agency and aggregates', () => {
    fc.assert(
      fc.property(
        fc.array(figures, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 2019, max: 2026 }),
        (list, year) => {
          for (const f of [...list, sumFigures(list)]) {
            const r = assembleReport({
              agency: { name: '某局', level: 'department', makesRules: false },
              year,
              figures: f,
            });
            expect(validateReport(r).filter((x) => HARD.has(x.rule))).toEqual([]);
            // The generated draft never contradicts its own tables (R8).
            const draft = draftNarrative(r, { agency: { name: '某局' }, published: f.catalog.published });
            expect(checkNarrativeSections(r, draft, f.catalog.published)).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
