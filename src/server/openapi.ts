import { z } from 'zod';
import { ErrorBodySchema } from '@/domain/contract';
import { ALL_ROUTES } from '@/domain/routes';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: 'query',
    required: s.required?.includes(name) ?? false,
    schema: prop,
  }));
}

/** OpenAPI 3.1, generated from the same zod contract the server validates with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = {
    description: 'Error',
    content: { 'application/json': { schema: jsonSchema(ErrorBodySchema, 'output') } },
  };
  for (const route of ALL_ROUTES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[route.path] = {
      ...paths[route.path],
      [route.method]: {
        operationId: route.operationId,
        summary: route.summary,
        parameters: [
          ...params,
          ...queryParameters(route.query),
          ...(route.ifMatch ? [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }] : []),
        ],
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
              },
            }
          : {}),
        security: route.access === 'public' ? [] : [{ session: [] }],
        'x-access': route.access,
        responses: {
          ...(route.redirects
            ? { 302: { description: 'Redirect', headers: { Location: { schema: { type: 'string' } } } } }
            : {
                200: {
                  description: 'OK',
                  content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
                },
              }),
          ...(route.query ? { 422: error } : {}),
          ...(params.length ? { 404: error } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'サイバーセキュリティ戦略 実施状況トラッカー API / Cybersecurity Strategy tracker API',
      version: '0.1.0',
    },
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sid',
          description: 'Session cookie from POST /api/session; writes also send X-CSRF-Token',
        },
      },
    },
  };
}
