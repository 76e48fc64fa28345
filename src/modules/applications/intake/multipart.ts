/**
 * multipart/form-data for the forms that carry files (the online application works without
 * JavaScript, so its attachments come as a plain form post). Parsed with the platform's own
 * WHATWG `Request.formData()` (Node 20 ships it), so no extra dependency: the body is buffered
 * up to a limit first.
 */
import type { FastifyInstance } from 'fastify';
import type { Upload } from './files.ts';

/** A parsed form: text fields (first value of each name) and files by field name. */
export interface ParsedForm {
  fields: Record<string, string>;
  files: Record<string, Upload[]>;
}

/** Registers the parser on an (encapsulated) plugin instance. */
export function registerMultipart(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit },
    async (request: { headers: Record<string, unknown> }, body: Buffer) => {
      const contentType = String(request.headers['content-type'] ?? '');
      const form = await new Request('http://localhost/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(body),
      })
        .formData()
        .catch(() => {
          throw Object.assign(new Error('bad multipart'), { statusCode: 400 });
        });
      const parsed: ParsedForm = { fields: {}, files: {} };
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') {
          parsed.fields[name] ??= value;
        } else if (value.size > 0) {
          (parsed.files[name] ??= []).push({ filename: value.name, content: Buffer.from(await value.arrayBuffer()) });
        }
      }
      parsedForms.add(parsed);
      return parsed;
    },
  );
}

/** Whether a body is a parsed multipart form. */
/**
 * Forms this parser made. A JSON body can have the same shape (`{"fields": …, "files": …}`), so
 * the shape alone proves nothing: only an object the multipart parser returned is a ParsedForm.
 */
const parsedForms = new WeakSet<object>();

export function isParsedForm(body: unknown): body is ParsedForm {
  return typeof body === 'object' && body !== null && parsedForms.has(body);
}
