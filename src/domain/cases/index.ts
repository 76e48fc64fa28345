/** The 行政复议 / 行政诉讼 register's pure rules: kinds, results, validation and table 四 counting. */
export * from './cases.ts';
export * from './validate.ts';
