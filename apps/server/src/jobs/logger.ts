/** The little a queue or job needs from a logger (pino and Fastify's logger both fit). */
export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentJobLogger: JobLogger = { info() {}, warn() {}, error() {} };

/** Error details for logs: type and message, never payload content. */
export function describeError(error: unknown): { type: string; message: string } {
  return error instanceof Error ? { type: error.name, message: error.message.slice(0, 500) } : { type: typeof error, message: String(error).slice(0, 500) };
}
