/**
 * Rich text of catalog items is sanitized on the way in (sanitize-html with an allow-list), so
 * that what the portal renders can never carry script: no event handlers, no javascript: or
 * data: links, no style but text alignment, no iframes. The console's rich-text editor
 * (src/web/admin/src/pages/catalog/richText.ts) writes only what this list keeps. Titles and
 * other fields are plain text and are escaped when rendered.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'a',
    'sub',
    'sup',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'type'],
    p: ['style'],
    h2: ['style'],
    h3: ['style'],
    h4: ['style'],
  },
  // Alignment is the only style kept (标题居中, 落款右对齐, as the console's editor writes it); any
  // other declaration, and any value but these four words, is dropped.
  allowedStyles: Object.fromEntries(
    ['p', 'h2', 'h3', 'h4'].map((tag) => [tag, { 'text-align': [/^(left|right|center|justify)$/] }]),
  ),
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  // Keep text of removed tags (e.g. <font>), but never the content of script/style.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
};

/** The body as safe HTML. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** Plain text of sanitized HTML, for search and snippets. */
export function plainText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h\d|li|tr|blockquote)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return text
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** A plain-text field: control characters removed, whitespace collapsed. */
export function cleanText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are removed on purpose
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
