/** 主动公开: categories, 索引号, the publishing workflow, validity, 第二十六条 timeliness and the table 二 figures (pure). */
export * from './categories.ts';
export * from './validity.ts';
export * from './workflow.ts';
export * from './index-number.ts';
export * from './timeliness.ts';
export * from './figures.ts';
export * from './interpretation.ts';
