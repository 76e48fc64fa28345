/**
 * What the body editor of a catalog item can produce (TipTap): paragraphs, headings 二级–四级 (the
 * page's title is the h1), bold, italic, underline, bullet and numbered lists, quotations, rules,
 * line breaks, links (http, https, mailto only), tables without column resizing, and left /
 * centred / right / justified alignment of paragraphs and headings — the forms of a government
 * document (标题居中, 落款右对齐). Nothing else (code, strike-through, colours, fonts, images)
 * is offered, so everything the editor writes is inside the server's allow-list
 * (src/modules/catalog/sanitize.ts); richText.test.ts proves the round trip. This module has no
 * React in it, so the test runs it under Node.
 */
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';

/** Link targets the editor accepts; the sanitizer accepts the same schemes. */
export const LINK_SCHEMES = /^(https?:\/\/|mailto:)/i;

/** The editor's extensions, configured as described above. */
export function richTextExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // No target="_blank" (the portal opens links in place); rel is set again by the sanitizer.
        HTMLAttributes: { target: null, rel: 'noopener noreferrer' },
        isAllowedUri: (url) => LINK_SCHEMES.test(url.trim()),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    TextAlign.configure({ types: ['heading', 'paragraph'], alignments: ['left', 'center', 'right', 'justify'] }),
  ];
}
