/** Chinese labels of the 投诉、举报 register, from the module's own rules (complaints.rules.ts). */
export {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_RESULT_LABELS,
  COMPLAINT_STATUS_LABELS,
} from '../../../../../domain/complaints/rules.ts';

/** Tag colours of the statuses. */
export const STATUS_COLOURS: Record<string, string> = { received: 'blue', handling: 'orange', concluded: 'green' };

/** The usual handling steps (docs/cases.md); any other wording may be typed. */
export const STEP_SUGGESTIONS = ['转办', '调查核实', '约谈', '督促整改', '通报批评', '答复投诉人'];
