import { z } from 'zod';

/** The API's version: sent as the `API-Version` header on every answer and shown in the OpenAPI document. */
export const apiVersion = '1.0.0';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Whose session an endpoint expects. Staff and clients have separate cookies and separate CSRF
 * tokens (on a tablet handed over in the room both exist side by side); `public` needs neither.
 */
export type Audience = 'staff' | 'client' | 'public';

/** One endpoint, described once: the server registers it, OpenAPI documents it, the clients call it. */
export interface EndpointSpec {
  method: HttpMethod;
  /** Below /api, with `:name` for path parameters, e.g. `/recordings/:id`. */
  path: string;
  summary: string;
  audience: Audience;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success body; `null` when the answer is 204 No Content. */
  response: z.ZodType | null;
  /** 201 when the answer is something newly created; else 200 (or 204 without a body). */
  status?: 201;
  /** A file to save (Content-Disposition: attachment) instead of JSON; `response` is then `null`. */
  download?: 'text/markdown' | 'text/csv';
  /**
   * The request body or the answer is raw audio (a voice note), not JSON: the route file registers
   * it with its own body parser, and the web app plays it from `hrefOf`.
   */
  audio?: true;
}

export type Endpoint<S extends EndpointSpec = EndpointSpec> = S & { operationId: string; tag: string };

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A feature's endpoints. The key names the operation within the feature; the OpenAPI operationId is
 * the feature's tag followed by that key (`recordings` + `list` → `recordingsList`).
 */
export function endpoints<const T extends Record<string, EndpointSpec>>(tag: string, specs: T): { [K in keyof T]: Endpoint<T[K]> } {
  const entries = Object.entries(specs).map(([key, spec]) => [key, { ...spec, operationId: `${tag}${capitalized(key)}`, tag }]);
  return Object.fromEntries(entries) as { [K in keyof T]: Endpoint<T[K]> };
}

type Schema<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;

/** What a caller sends: path parameters, query and body as the schemas accept them. */
export type CallInput<E extends EndpointSpec> = (Schema<E, 'params'> extends z.ZodType ? { params: z.input<Schema<E, 'params'>> } : { params?: undefined }) &
  (Schema<E, 'query'> extends z.ZodType ? { query: z.input<Schema<E, 'query'>> } : { query?: undefined }) &
  (Schema<E, 'body'> extends z.ZodType ? { body: z.input<Schema<E, 'body'>> } : { body?: undefined });

/** What a handler receives after validation. */
export interface HandlerInput<E extends EndpointSpec> {
  params: Schema<E, 'params'> extends z.ZodType ? z.output<Schema<E, 'params'>> : undefined;
  query: Schema<E, 'query'> extends z.ZodType ? z.output<Schema<E, 'query'>> : undefined;
  body: Schema<E, 'body'> extends z.ZodType ? z.output<Schema<E, 'body'>> : undefined;
}

/** The parsed success body (`null` for 204 and downloads). */
export type ResponseOf<E extends EndpointSpec> = E['response'] extends z.ZodType ? z.output<E['response']> : null;

/** The success status: the declared one, else 204 when there is no body, else 200. */
export function successStatus(endpoint: EndpointSpec): 200 | 201 | 204 {
  return endpoint.status ?? (endpoint.response === null && !endpoint.download && !endpoint.audio ? 204 : 200);
}

/** The address below /api for one call, e.g. `/recordings/1b9…?conversationId=…`. */
export function pathOf(endpoint: Endpoint, input: { params?: unknown; query?: unknown }): string {
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = endpoint.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`${endpoint.operationId}: path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
  const query = Object.entries((input.query ?? {}) as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}
