import { clientHomeSchema, consentCopySchema, consentFormSchema, giveConsentRequestSchema, idParamsSchema } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

/** The client's side of consent, behind the client session (link + code, or a hand-over). */
export function consentRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { consent } = ctx.services;
  return async (app) => {
    app.addHook('preValidation', async (request) => {
      await ctx.requireClient(request);
    });
    app.get('/client/home', { schema: { tags: ['client'], response: { 200: clientHomeSchema } } }, async (request) => consent.clientHome(await ctx.requireClient(request)));
    app.get('/client/conversations/:id/consent-form', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: consentFormSchema } } }, async (request) =>
      consent.formFor(await ctx.requireClient(request), request.params.id),
    );
    app.post(
      '/client/conversations/:id/consent',
      { schema: { tags: ['client'], params: idParamsSchema, body: giveConsentRequestSchema, response: { 200: consentCopySchema } } },
      async (request) => consent.give(await ctx.requireClient(request), request.params.id, request.body),
    );
    app.get('/client/consents/:id', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: consentCopySchema } } }, async (request) =>
      consent.copyForClient(await ctx.requireClient(request), request.params.id),
    );
    app.post('/client/consents/:id/withdraw', { schema: { tags: ['client'], params: idParamsSchema, response: { 200: consentCopySchema } } }, async (request) =>
      consent.withdraw(await ctx.requireClient(request), request.params.id),
    );
  };
}
