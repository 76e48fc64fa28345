/**
 * No 500 from input (issue 15): every request's body, query and route parameters are searched
 * for control characters before the route's schema or handler sees them, and refused with a
 * Chinese 400 naming the fields (src/domain/text.ts says which characters and why). PostgreSQL
 * cannot store NUL at all, so without this a NUL in any text field failed the insert with a 500
 * there while SQLite stored it.
 *
 * A route that answers such input better itself (the portal's application form re-renders the
 * form with the message beside the field, keeping what was typed) sets `config.textChecked`.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../domain/errors.ts';
import { forbiddenCharacterFields } from '../domain/text.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks its text fields for control characters itself (see src/server/input-guard.ts). */
    textChecked?: boolean;
  }
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = {
      ...forbiddenCharacterFields(request.params),
      ...forbiddenCharacterFields(request.query),
      ...(request.routeOptions.config?.textChecked ? {} : forbiddenCharacterFields(request.body)),
    };
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  });
}
