/** Chinese labels of the case register, from the domain's own tables (src/domain/cases). */
export { CASE_KIND_LABELS, CASE_RESULT_LABELS } from '../../../../../domain/cases/cases.ts';

/** The party's and the deciding body's label for each kind (申请人 / 复议机关, 原告 / 法院). */
export const PARTY_LABELS: Record<string, { party: string; organ: string }> = {
  reconsideration: { party: '复议申请人', organ: '复议机关' },
  litigation_direct: { party: '原告', organ: '受理法院' },
  litigation_after_reconsideration: { party: '原告', organ: '受理法院' },
};

/** Tag colours of the results. */
export const RESULT_COLOURS: Record<string, string> = {
  upheld: 'green',
  corrected: 'orange',
  other: 'default',
  pending: 'blue',
};
