/** Letters (告知书 and notices): default templates per outcome and notice, placeholders, the documents an application produces. Pure. */
export * from './notices.ts';
export * from './placeholders.ts';
export * from './provisional.ts';
export * from './templates.ts';
export * from './remedy.ts';
export * from './citation.ts';
