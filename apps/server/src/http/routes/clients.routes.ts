import {
  clientListSchema,
  clientSchema,
  consentCopySchema,
  conversationListSchema,
  conversationSchema,
  createClientRequestSchema,
  createConversationRequestSchema,
  idParamsSchema,
  professionalConsentRequestSchema,
  reviewerListSchema,
  updateClientRequestSchema,
  updateConversationRequestSchema,
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

/** The professional's own clients, conversations and the consents given for them. */
export function clientsRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { clients, consent } = ctx.services;
  const actorOf = async (request: Parameters<HttpContext['requireSession']>[0]) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.get('/clients', { schema: { tags: ['clients'], response: { 200: clientListSchema } } }, async (request) => ({
      clients: await clients.list(await actorOf(request)),
    }));
    app.post('/clients', { schema: { tags: ['clients'], body: createClientRequestSchema, response: { 200: clientSchema } } }, async (request) =>
      clients.create(await actorOf(request), request.body),
    );
    app.get('/clients/:id', { schema: { tags: ['clients'], params: idParamsSchema, response: { 200: clientSchema } } }, async (request) =>
      clients.get(await actorOf(request), request.params.id),
    );
    app.patch('/clients/:id', { schema: { tags: ['clients'], params: idParamsSchema, body: updateClientRequestSchema, response: { 200: clientSchema } } }, async (request) =>
      clients.update(await actorOf(request), request.params.id, request.body),
    );

    app.get('/clients/:id/conversations', { schema: { tags: ['clients'], params: idParamsSchema, response: { 200: conversationListSchema } } }, async (request) => ({
      conversations: await clients.listConversations(await actorOf(request), request.params.id),
    }));
    app.post(
      '/clients/:id/conversations',
      { schema: { tags: ['clients'], params: idParamsSchema, body: createConversationRequestSchema, response: { 200: conversationSchema } } },
      async (request) => clients.createConversation(await actorOf(request), request.params.id, request.body),
    );
    app.get('/conversations/:id', { schema: { tags: ['clients'], params: idParamsSchema, response: { 200: conversationSchema } } }, async (request) =>
      clients.getConversation(await actorOf(request), request.params.id),
    );
    app.patch(
      '/conversations/:id',
      { schema: { tags: ['clients'], params: idParamsSchema, body: updateConversationRequestSchema, response: { 200: conversationSchema } } },
      async (request) => clients.updateConversation(await actorOf(request), request.params.id, request.body),
    );
    app.get('/reviewers', { schema: { tags: ['clients'], response: { 200: reviewerListSchema } } }, async (request) => ({
      reviewers: await clients.listReviewers(await actorOf(request)),
    }));

    app.get('/consents/:id', { schema: { tags: ['consent'], params: idParamsSchema, response: { 200: consentCopySchema } } }, async (request) =>
      consent.copyForProfessional(await actorOf(request), request.params.id),
    );
    app.post(
      '/consents/:id/professional-consent',
      { schema: { tags: ['consent'], params: idParamsSchema, body: professionalConsentRequestSchema, response: { 200: consentCopySchema } } },
      async (request) => consent.confirmAsProfessional(await actorOf(request), request.params.id),
    );
  };
}
