/** Letters (告知书 and notices): default templates per outcome and notice, placeholders. Pure. */
export * from './placeholders.ts';
export * from './templates.ts';
