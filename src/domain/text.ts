/**
 * Text the product accepts. Control characters have no place in anything a person types: NUL
 * cannot be stored in a PostgreSQL text column at all (the insert fails), and the others are
 * invisible, break exports (XLSX, DOCX refuse them) and can hide content from a reviewer. Tab,
 * line feed, carriage return and form feed are kept: pasted letters and report text carry them.
 * Lone UTF-16 surrogates are refused too, since they cannot be encoded and would be silently
 * replaced on the way to the database.
 */

// C0 controls except \t \n \f \r, DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_CHARACTER_MESSAGE = '含有不可见的控制字符（如 NUL），请删除后重新提交';

/** Whether `value` holds a character that no text field accepts. */
export function hasForbiddenCharacters(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

/**
 * The fields of a parsed request part (body, query, route parameters) that hold forbidden
 * characters, as `field → Chinese message`; nested fields are named with dots (`items.0.title`).
 * Binary content (uploaded files) is not text and is not looked at; a field *name* holding such
 * characters is reported under `_`.
 */
export function forbiddenCharacterFields(value: unknown, prefix = ''): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (v: unknown, path: string, depth: number) => {
    if (depth > 32 || Object.keys(found).length >= 20) return;
    if (typeof v === 'string') {
      if (hasForbiddenCharacters(v)) found[path || '_'] = CONTROL_CHARACTER_MESSAGE;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i), depth + 1));
    } else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (hasForbiddenCharacters(k)) found._ = CONTROL_CHARACTER_MESSAGE;
        else visit(item, path ? `${path}.${k}` : k, depth + 1);
      }
    }
  };
  visit(value, prefix, 0);
  return found;
}
