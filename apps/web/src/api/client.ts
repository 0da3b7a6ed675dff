import { apiErrorSchema } from '@spreekkamer/shared';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** A file sent as it is (e.g. a film), with its own content type, instead of JSON. */
  file?: { data: Blob; contentType: string };
}

// The session cookie is HttpOnly; the CSRF token is the only secret the page holds, and only in memory.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Calls the API under /api and checks the answer against a shared schema, so a mismatch between
 * server and web app fails loudly here instead of somewhere in a component.
 */
export async function api<T>(path: string, schema: Parser<T>, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'De verbinding met Spreekkamer is weggevallen.');
  }

  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(data);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields ?? []);
    }
    throw new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', `HTTP ${response.status}`);
  }
  try {
    return schema.parse(data);
  } catch {
    throw new ApiError(response.status, 'unexpected_response', 'Het antwoord van de server klopt niet.');
  }
}
