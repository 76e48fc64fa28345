/**
 * The OpenAPI document is what integrators build against (docs/api.md) and what the console's
 * types come from: every operation must say what it returns. This test builds the app, reads
 * the document and names each route that does not, with what to do about it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { operationIdOf } from './openapi.ts';

type Schema = Record<string, unknown>;
interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const HOW = 'see docs/api.md "Adding a route"';

/** What is wrong with a schema as a description of a JSON body, or null. */
function weakness(schema: Schema, doc: Document, seen = new Set<string>()): string | null {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return null;
    const target = doc.components.schemas[name];
    if (!target) return `refers to ${schema.$ref}, which is not in components`;
    return weakness(target, doc, new Set([...seen, name]));
  }
  const keys = Object.keys(schema).filter((k) => !['description', 'title', 'examples', 'default'].includes(k));
  if (keys.length === 0) return 'is Any/Unknown (an empty schema)';
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const s of (schema[k] as Schema[] | undefined) ?? []) {
      const w = weakness(s, doc, seen);
      if (w) return w;
    }
  }
  if (schema.type === 'object') {
    const props = schema.properties as Record<string, Schema> | undefined;
    const typedRest = typeof schema.additionalProperties === 'object' || schema.patternProperties !== undefined;
    if ((!props || Object.keys(props).length === 0) && !typedRest && schema.additionalProperties !== false)
      return 'is an open object (no properties, additionalProperties not false)';
    for (const [name, s] of Object.entries(props ?? {})) {
      const w = weakness(s, doc, seen);
      if (w) return `property "${name}" ${w}`;
    }
  }
  if (schema.type === 'array' && schema.items) {
    const w = weakness(schema.items as Schema, doc, seen);
    if (w) return `items ${w}`;
  }
  return null;
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.ready();
    doc = t.app.swagger() as unknown as Document;
  });
  afterAll(() => t?.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, path, op })),
    );

  it('derives a stable operationId from the route', () => {
    expect(operationIdOf('GET', '/api/v1/cases/:id')).toBe('getCasesById');
    expect(operationIdOf('POST', '/api/v1/applications/:id/steps/:step')).toBe('postApplicationsByIdStepsByStep');
    expect(operationIdOf('PUT', '/api/v1/application-settings/:agencyId')).toBe('putApplicationSettingsByAgencyId');
    expect(operationIdOf('GET', '/healthz')).toBe('getHealthz');
  });

  it('documents the JSON API only (portal pages and assets are for people)', () => {
    const paths = Object.keys(doc.paths);
    expect(operations().length).toBeGreaterThan(90);
    expect(paths.filter((p) => !p.startsWith('/api/v1/') && p !== '/healthz' && p !== '/readyz')).toEqual([]);
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ route, op }) => op.operationId ?? `(none: ${route})`);
    expect(ids.filter((id) => id.startsWith('(none'))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('declares every path parameter', () => {
    const problems = operations().flatMap(({ route, path, op }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1]!)
        .filter((name) => !op.parameters?.some((p) => p.in === 'path' && p.name === name))
        .map((name) => `${route}: path parameter "${name}" has no schema — add \`params\` to the route's schema`),
    );
    expect(problems).toEqual([]);
  });

  it('gives every operation a named, closed 2xx response schema (files declare their content type)', () => {
    const problems: string[] = [];
    for (const { route, op } of operations()) {
      const ok = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
      if (ok.length === 0) {
        problems.push(`${route}: no 2xx response — add \`response: { 200: XSchema }\` to the route (${HOW})`);
        continue;
      }
      for (const [status, response] of ok) {
        if (status === '204') continue; // no body by definition
        const content = Object.entries(response.content ?? {});
        if (content.length === 0 || content.some(([, media]) => !media.schema)) {
          problems.push(
            `${route}: ${status} response has no schema — declare it in the feature's *.schemas.ts and list it ` +
              `under \`response: { ${status}: … }\`; a download uses fileResponse('application/pdf') (${HOW})`,
          );
          continue;
        }
        for (const [type, media] of content) {
          const schema = media.schema!;
          // A download (any content type, JSON included) is a binary body: fileResponse(...).
          if (schema.type === 'string' && schema.format === 'binary') {
            if (type === '*/*') problems.push(`${route}: ${status} download must name its content type (${HOW})`);
          } else if (/json/.test(type)) {
            if (typeof schema.$ref !== 'string' || !schema.$ref.startsWith('#/components/schemas/')) {
              problems.push(`${route}: ${status} ${type} schema is not named in components (${HOW})`);
              continue;
            }
            const target = doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
            if (target?.format === 'binary') {
              problems.push(
                `${route}: ${status} is a file but says ${type} — use fileResponse('<its content type>') (${HOW})`,
              );
              continue;
            }
            const w = weakness(schema, doc);
            if (w) problems.push(`${route}: ${status} response schema ${w} — describe its fields (${HOW})`);
          } else {
            problems.push(
              `${route}: ${status} ${type} is neither JSON nor a file — use fileResponse('${type}') (${HOW})`,
            );
          }
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
