/**
 * The OpenAPI document promised to integrators (docs/api.md), built from the route schemas by
 * @fastify/swagger. Two things are automatic, so a new route gets them without a line of its own:
 *
 * - every operation has an `operationId`, derived from its method and path (`GET
 *   /api/v1/cases/:id` → `getCasesById`) unless the route states one; stable (it changes only
 *   when the route does) and unique (Fastify refuses two routes with the same method and path);
 * - every schema with a TypeBox `$id` (`Type.Object({…}, { $id: 'Case' })`) becomes
 *   `#/components/schemas/Case`, referenced from each operation that uses it.
 *
 * Pages and assets outside `/api/` and the health checks are HTML or files for people, not part
 * of the JSON API: they are left out of the document. src/server/openapi.test.ts fails when an
 * operation has no 2xx response schema, or one that is Any, Unknown or an open object.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';

/** The operationId a route gets when it states none: `GET /api/v1/cases/:id` → `getCasesById`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+\//, '/')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) =>
      segment.startsWith(':') ? ['by', ...segment.slice(1).split(/[^A-Za-z0-9]+/)] : segment.split(/[^A-Za-z0-9]+/),
    )
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/** Whether a route belongs to the JSON API document. */
function documented(url: string): boolean {
  return url.startsWith('/api/v') || url === '/healthz' || url === '/readyz';
}

/**
 * Adds the operationId (and hides the pages) as each route is registered. Must be called before
 * the routes are registered; the schema object is copied, never changed in place, because
 * routes may share one.
 */
export function nameOperations(app: FastifyInstance): void {
  const shared = new SharedSchemas(app);
  app.addHook('onRoute', (route: RouteOptions) => {
    // Fastify adds a HEAD route beside every GET; @fastify/swagger leaves it out of the document.
    if (route.method === 'HEAD') return;
    if (!documented(route.url)) {
      route.schema = { ...route.schema, hide: true };
      return;
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const operationId = (route.schema?.operationId as string | undefined) ?? operationIdOf(methods[0]!, route.url);
    const schema: Record<string, unknown> = { ...route.schema, operationId };
    for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
      if (schema[part] !== undefined) schema[part] = shared.refNested(schema[part], route.url);
    }
    if (route.schema?.response) {
      const response: Record<string, unknown> = {};
      for (const [status, body] of Object.entries(route.schema.response as Record<string, unknown>)) {
        if (!isJsonSchema(body)) response[status] = body;
        // An anonymous success body (e.g. `{ items, total }`) is named after its operation.
        else if (/^2/.test(status) && typeof body.$id !== 'string')
          response[status] = shared.ref({ ...body, $id: responseName(operationId, status) }, route.url);
        else response[status] = shared.ref(body, route.url);
      }
      schema.response = response;
    }
    route.schema = schema;
  });
}

/** `getCasesById`, 200 → `GetCasesByIdResponse`; other 2xx statuses get theirs appended. */
function responseName(operationId: string, status: string): string {
  const base = operationId[0]!.toUpperCase() + operationId.slice(1) + 'Response';
  return status === '200' || status === '201' ? base : `${base}${status}`;
}

type JsonSchema = Record<string, unknown>;

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null;
const hasId = (value: unknown): value is JsonSchema & { $id: string } =>
  isObject(value) && typeof value.$id === 'string' && !value.$id.startsWith('#');

/** A JSON body's schema: not a `{ content: … }` map (files), not `null` (204), not a `$ref`. */
function isJsonSchema(schema: unknown): schema is JsonSchema {
  return isObject(schema) && !('content' in schema) && !('$ref' in schema) && schema.type !== 'null';
}

/**
 * The named schemas, each added to the app once: Fastify hands them to every plugin instance
 * (validation and serialization resolve `{ $ref: 'Case#' }`) and @fastify/swagger emits them
 * under `components`. A named schema nested in another is replaced by a reference to it, since
 * Ajv refuses to meet one `$id` twice. Two different schemas with one name are a bug.
 */
class SharedSchemas {
  private readonly byId = new Map<string, JsonSchema>();
  constructor(private readonly app: FastifyInstance) {}

  /** `{ $ref: 'Case#' }` for a schema with an `$id`, adding it (and its named parts) first. */
  ref(schema: JsonSchema & { $id?: unknown }, url: string): JsonSchema {
    if (!hasId(schema)) return this.refNested(schema, url) as JsonSchema;
    const known = this.byId.get(schema.$id);
    if (known === undefined) {
      this.byId.set(schema.$id, schema);
      const body = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, this.refNested(v, url)]));
      this.app.addSchema(body);
    } else if (known !== schema && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`两个不同的 schema 都叫 ${schema.$id}（${url}）：请给其中一个另起 $id`);
    }
    return { $ref: `${schema.$id}#` };
  }

  /** A copy of a schema in which every nested named schema is a reference. */
  refNested(value: unknown, url: string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.refNested(v, url));
    if (!isObject(value)) return value;
    if (hasId(value)) return this.ref(value, url);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.refNested(v, url)]));
  }
}

/** @fastify/swagger's options: the document's header and components named by `$id`. */
export const swaggerOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Gongkai 公开 API',
      version: '1',
      description: '政府信息公开平台 JSON API。错误以 application/problem+json 返回，含稳定的 code 和中文 detail。',
    },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'gk_session',
          description: '控制台会话；非 GET 请求须带 x-csrf-token',
        },
        token: { type: 'http', scheme: 'bearer', description: 'API 令牌（gk_…）' },
      },
    },
    security: [{ session: [] }, { token: [] }],
  },
  // A schema with an `$id` is emitted once under that name (the default would be `def-N`).
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
  },
};
