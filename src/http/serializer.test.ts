import { expect, it } from 'vitest';
import { buildSerializer, referencedSchemas } from './serializer.ts';

const shared = {
  Case: { $id: 'Case', type: 'object', properties: { party: { $ref: 'Party#' } }, additionalProperties: false },
  Party: { $id: 'Party', type: 'object', properties: { name: { type: 'string' } } },
  Unrelated: { $id: 'Unrelated', type: 'object', properties: { x: { type: 'string' } } },
};

it('passes a response only the shared schemas it refers to, followed transitively; local and unknown refs are left alone', () => {
  const schema = {
    type: 'object',
    properties: { items: { type: 'array', items: { $ref: 'Case#' } }, self: { $ref: '#/properties/items' } },
  };
  expect(Object.keys(referencedSchemas(schema, shared)).sort()).toEqual(['Case', 'Party']);
  expect(referencedSchemas({ $ref: 'Nowhere#' }, shared)).toEqual({});
});

it('serializes as fast-json-stringify does: through the refs, undeclared properties dropped', () => {
  const serialize = buildSerializer(shared, {})({ schema: { $ref: 'Case#' } });
  expect(JSON.parse(serialize({ party: { name: '甲' }, secret: 'x' }))).toEqual({ party: { name: '甲' } });
});
