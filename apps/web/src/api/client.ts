import { type CallInput, type Endpoint, pathOf, problemSchema, type ResponseOf } from '@spreekkamer/shared';

/** Anything with a zod-like `parse`; keeps this helper free of a direct zod dependency. */
export interface Parser<T> {
  parse(data: unknown): T;
}

export interface FieldError {
  path: string;
  message: string;
}

/** A failed API call. `code` is a stable key (see apiErrors in @spreekkamer/shared) or one of ours. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error for a refused answer: our problem body when there is one, else a generic code by status. */
export function apiErrorFrom(status: number, data: unknown): ApiError {
  const problem = problemSchema.safeParse(data);
  if (problem.success) return new ApiError(status, problem.data.code, problem.data.title, problem.data.fields ?? []);
  return new ApiError(status, status >= 500 ? 'internal' : 'bad_request', `HTTP ${status}`);
}

// The cookies are HttpOnly; the CSRF tokens are the only secrets the page holds, and only in memory.
// Client pages have their own session and token, separate from a staff session: on a tablet handed
// over in the room both exist side by side, and the client's requests must never carry the
// professional's token (nor the other way round).
let staffCsrfToken: string | null = null;
let clientCsrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  staffCsrfToken = token;
}

export function setClientCsrfToken(token: string | null): void {
  clientCsrfToken = token;
}

/** The client's CSRF header, for the few requests `call` cannot make (raw audio). */
export function clientCsrfHeaders(): Record<string, string> {
  return clientCsrfToken ? { 'x-csrf-token': clientCsrfToken } : {};
}

/** The address of an endpoint in the browser, for links and downloads (`<a href>`). */
export function hrefOf<E extends Endpoint>(endpoint: E, input: CallInput<E>): string {
  return `/api${pathOf(endpoint, input)}`;
}

type CallArguments<E extends Endpoint> = object extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

/**
 * Calls one endpoint of the contract (packages/shared/src/contract) and checks the answer against
 * its schema, so a mismatch between server and web app fails loudly here instead of somewhere in a
 * component. The endpoint's audience decides which session's CSRF token goes along.
 */
export async function call<E extends Endpoint>(endpoint: E, ...[input]: CallArguments<E>): Promise<ResponseOf<E>> {
  const body = (input as { body?: unknown } | undefined)?.body;
  return send(endpoint, input ?? {}, body === undefined ? undefined : { data: JSON.stringify(body), contentType: 'application/json' });
}

/** Like `call`, for an endpoint that takes a file as it is (the organisation's film), not JSON. */
export function callWithFile<E extends Endpoint>(endpoint: E, file: Blob, contentType: string): Promise<ResponseOf<E>> {
  return send(endpoint, {}, { data: file, contentType });
}

async function send<E extends Endpoint>(endpoint: E, input: object, body: { data: BodyInit; contentType: string } | undefined): Promise<ResponseOf<E>> {
  const { method, audience } = endpoint;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = body.contentType;
  const csrfToken = audience === 'client' ? clientCsrfToken : audience === 'staff' ? staffCsrfToken : null;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${pathOf(endpoint, input as CallInput<E>)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body?.data,
    });
  } catch {
    throw new ApiError(0, 'network', audience === 'client' ? 'De verbinding is weggevallen.' : 'De verbinding met Spreekkamer is weggevallen.');
  }

  const data: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  if (!response.ok) throw apiErrorFrom(response.status, data);
  if (!endpoint.response) return null as ResponseOf<E>;
  try {
    return endpoint.response.parse(data) as ResponseOf<E>;
  } catch {
    throw new ApiError(response.status, 'unexpected_response', 'Het antwoord van de server klopt niet.');
  }
}
