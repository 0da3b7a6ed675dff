import { apiErrors, type ApiErrorCode, type Problem } from '@spreekkamer/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { TextKeyGoneError } from '../db/repositories/text-vault.js';
import { AppError, type FieldProblem } from '../domain/errors.js';
import { describeValidation, fieldMessage, type Language } from './validation-messages.js';

/** Dutch unless the caller asks for English first. Also for tus, which hands us only the header. */
export function languageOf(request: FastifyRequest | { acceptLanguage: string | null | undefined }): Language {
  const header = 'headers' in request ? request.headers['accept-language'] : request.acceptLanguage;
  return /^\s*en\b/i.test(header ?? '') ? 'en' : 'nl';
}

export const problemContentType = 'application/problem+json; charset=utf-8';

/** The RFC 9457 problem for one error code (see problemSchema in @spreekkamer/shared). */
export function problemOf(code: ApiErrorCode, language: Language, fields?: readonly FieldProblem[]): Problem {
  const definition = apiErrors[code];
  const title = definition[language];
  const hasFields = fields !== undefined && fields.length > 0;
  const detail = hasFields ? fields.map((field) => (field.path ? `${field.path}: ${field.message}` : field.message)).join(' ') : title;
  return { status: definition.status, title, detail, code, ...(hasFields ? { fields: [...fields] } : {}) };
}

export function sendError(reply: FastifyReply, code: ApiErrorCode, language: Language, fields?: readonly FieldProblem[]): FastifyReply {
  return reply.status(apiErrors[code].status).type(problemContentType).send(problemOf(code, language, fields));
}

/** Fastify's own error codes for malformed requests, mapped to ours. */
const fastifyCodes: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_VALIDATION: 'validation',
  FST_ERR_RATE_LIMITED: 'rate_limited',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = languageOf(request);
    if (error instanceof AppError) {
      const fields = error.fields?.map((f) => ({ path: f.path, message: fieldMessage(f.message, language) }));
      return sendError(reply, error.code, language, fields);
    }
    // Writing to a recording whose key was just destroyed (a race with withdrawal): it is gone.
    if (error instanceof TextKeyGoneError) return sendError(reply, 'not_found', language);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(reply, 'validation', language, describeValidation(error.validation, error.validationContext, language));
    }
    if (error instanceof SyntaxError || (error.code && error.code in fastifyCodes)) {
      return sendError(reply, fastifyCodes[error.code] ?? 'invalid_json', language);
    }
    if (error.statusCode === 429) return sendError(reply, 'rate_limited', language);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendError(reply, 'bad_request', language);
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'unexpected error');
    return sendError(reply, 'internal', language);
  });
}
