/**
 * Zero figures: what an agency with no records for a year reports, and the identity for
 * summing figures over a subtree.
 */
import type {
  ApplicationFigures,
  CaseFigures,
  CatalogFigures,
  DocumentFigures,
  PowerItemFigures,
  ReportFigures,
} from './figures.ts';
import { APPLICANT_KINDS, OUTCOME_KEYS, type OutcomeKey } from './table3-rows.ts';

const zeros = (): number[] => APPLICANT_KINDS.map(() => 0);
const doc = (): DocumentFigures => ({ made: 0, published: 0, publishedTotal: 0, repealed: 0, inForce: 0 });
const items = (): PowerItemFigures => ({ itemsPrevious: 0, itemsNow: 0, decisions: 0 });

/** Catalog figures with every count 0 and no category. */
export function emptyCatalogFigures(): CatalogFigures {
  return {
    documents: { rules: doc(), normative_docs: doc() },
    powerList: {
      licensing: items(),
      other_services: items(),
      penalty: items(),
      enforcement: items(),
      fees: { itemsPrevious: 0, itemsNow: 0, collectedWanYuan: 0 },
      procurement: { projects: 0, amountYuan: 0 },
    },
    published: { total: 0, categories: [] },
  };
}

/** Application figures with every count 0. */
export function emptyApplicationFigures(): ApplicationFigures {
  const closed = Object.fromEntries(OUTCOME_KEYS.map((k) => [k, zeros()])) as Record<OutcomeKey, number[]>;
  return { received: zeros(), carriedIn: zeros(), closed, carriedOut: zeros(), feesCollectedYuan: null };
}

/** Case figures with every count 0. */
export function emptyCaseFigures(): CaseFigures {
  const g = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, carriedIn: 0 });
  return { reconsideration: g(), litigation_direct: g(), litigation_after_reconsideration: g() };
}

/** All three sources empty. */
export function emptyFigures(): ReportFigures {
  return { catalog: emptyCatalogFigures(), applications: emptyApplicationFigures(), cases: emptyCaseFigures() };
}
