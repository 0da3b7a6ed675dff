import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { apiSchemas, apiVersion } from '@spreekkamer/shared';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';

type OpenApiDocument = Record<string, unknown> & { paths?: Record<string, Record<string, Operation>> };
interface Operation {
  tags?: string[];
  responses?: Record<string, Record<string, unknown>>;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The answers every endpoint can give besides its own; the error catalogue lists the codes. */
const problemResponses = {
  400: problem('The request is not valid; `fields` says which fields and why'),
  401: problem('Not logged in (or no client session)'),
  403: problem('Not allowed, or the CSRF token is missing'),
  404: problem('Does not exist, or not for you'),
};

const versionHeader = {
  'API-Version': { description: 'The full version of this API', schema: { type: 'string', example: apiVersion } },
};

const successDescriptions: Record<string, string> = { 200: 'OK', 204: 'No Content' };

/**
 * OpenAPI 3.0 allows null in a `nullable` enum only when the enum lists it; zod leaves it out, which
 * makes a `default: null` (as on `subtopic`) an invalid example.
 */
function allowNullInNullableEnums(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(allowNullInNullableEnums);
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as { nullable?: unknown; enum?: unknown[] };
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  Object.values(node).forEach(allowNullInNullableEnums);
}

/** Adds what every operation shares: the version header on successes and the documented problems. */
function withSharedResponses(document: OpenApiDocument): OpenApiDocument {
  allowNullInNullableEnums(document.components);
  const tags = new Set<string>();
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const tag of operation.tags ?? []) tags.add(tag);
      const responses = (operation.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[23]\d\d$/.test(status)) continue;
        response.headers = { ...(response.headers as object | undefined), ...versionHeader };
        if (typeof response.description !== 'string' || response.description === 'Default Response') response.description = successDescriptions[status] ?? 'OK';
      }
      for (const [status, response] of Object.entries(problemResponses)) responses[status] ??= response;
    }
  }
  document.tags = [...tags].sort().map((name) => ({ name }));
  return document;
}

const transformObject = createJsonSchemaTransformObject({ schemaRegistry: apiSchemas });

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Spreekkamer API',
      version: apiVersion,
      description: 'The API of Spreekkamer, as used by its own web app. Errors are RFC 9457 problems (application/problem+json) with a stable `code`.',
      contact: { name: 'Spreekkamer', url: 'https://github.com/spreekkamer/spreekkamer', email: 'beheer@spreekkamer.example' },
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [{ url: '/api', description: 'This Spreekkamer, on the same address as its web app' }],
  },
  transform: createJsonSchemaTransform({ schemaRegistry: apiSchemas }),
  transformObject: (document) => withSharedResponses(transformObject(document) as OpenApiDocument) as ReturnType<typeof transformObject>,
};
