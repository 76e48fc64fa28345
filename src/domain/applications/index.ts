/** Applications (依申请公开): applicants, identity checks, workflow, fees, tracking, counting. Pure. */
export * from './applicant.ts';
export * from './counting.ts';
export * from './decision.ts';
export * from './due-rule.ts';
export * from './fees.ts';
export * from './kinds.ts';
export * from './legacy.ts';
export * from './reminders.ts';
export * from './similarity.ts';
export * from './tracking.ts';
export * from './validate.ts';
export * from './workflow.ts';
