import {
  adminPasswordResetRequestSchema,
  adminPasswordResetResponseSchema,
  adminUserListSchema,
  adminUserSchema,
  auditListQuerySchema,
  auditListSchema,
  auditVerifySchema,
  idParamsSchema,
  inviteUserRequestSchema,
  inviteUserResponseSchema,
  organisationSettingsSchema,
  processingRegisterSchema,
  teamListSchema,
  teamNameRequestSchema,
  teamSchema,
  updateUserRequestSchema,
} from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';

export function adminRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { admin, passwordResets } = ctx.services;
  // Checking a person's reset code is guessing territory too.
  const codeRateLimit = { max: ctx.credentialAttemptsPerMinute, timeWindow: '1 minute' };
  const actorOf = async (request: Parameters<HttpContext['requireSession']>[0]) => (await ctx.requireSession(request)).actor;
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    app.get('/processing-register', { schema: { tags: ['admin'], response: { 200: processingRegisterSchema } } }, async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return admin.processingRegister(await actorOf(request));
    });
    app.get('/users', { schema: { tags: ['admin'], response: { 200: adminUserListSchema } } }, async (request) => ({
      users: await admin.listUsers(await actorOf(request)),
    }));
    app.post('/users', { schema: { tags: ['admin'], body: inviteUserRequestSchema, response: { 200: inviteUserResponseSchema } } }, async (request) =>
      admin.inviteUser(await actorOf(request), request.body),
    );
    app.patch('/users/:id', { schema: { tags: ['admin'], params: idParamsSchema, body: updateUserRequestSchema, response: { 200: adminUserSchema } } }, async (request) =>
      admin.updateUser(await actorOf(request), request.params.id, request.body),
    );
    app.post('/users/:id/invitation', { schema: { tags: ['admin'], params: idParamsSchema, response: { 200: inviteUserResponseSchema } } }, async (request) =>
      admin.reinvite(await actorOf(request), request.params.id),
    );
    app.post(
      '/users/:id/password-reset',
      { config: { rateLimit: codeRateLimit }, schema: { tags: ['admin'], params: idParamsSchema, body: adminPasswordResetRequestSchema, response: { 200: adminPasswordResetResponseSchema } } },
      async (request) => {
        const actor = await actorOf(request);
        const outcome = await passwordResets.request(actor, request.params.id, request.body.code, ctx.publicOrigin(request));
        return { ...outcome, user: await admin.adminUser(request.params.id) };
      },
    );
    app.post(
      '/users/:id/password-reset/approval',
      { schema: { tags: ['admin'], params: idParamsSchema, response: { 200: adminPasswordResetResponseSchema } } },
      async (request) => {
        const actor = await actorOf(request);
        const outcome = await passwordResets.approve(actor, request.params.id);
        return { ...outcome, user: await admin.adminUser(request.params.id) };
      },
    );

    app.get('/teams', { schema: { tags: ['admin'], response: { 200: teamListSchema } } }, async (request) => ({
      teams: await admin.listTeams(await actorOf(request)),
    }));
    app.post('/teams', { schema: { tags: ['admin'], body: teamNameRequestSchema, response: { 200: teamSchema } } }, async (request) =>
      admin.createTeam(await actorOf(request), request.body.name),
    );
    app.patch('/teams/:id', { schema: { tags: ['admin'], params: idParamsSchema, body: teamNameRequestSchema, response: { 200: teamSchema } } }, async (request) =>
      admin.renameTeam(await actorOf(request), request.params.id, request.body.name),
    );

    app.get('/settings', { schema: { tags: ['admin'], response: { 200: organisationSettingsSchema } } }, async (request) => admin.getSettings(await actorOf(request)));
    app.put('/settings', { schema: { tags: ['admin'], body: organisationSettingsSchema, response: { 200: organisationSettingsSchema } } }, async (request) =>
      admin.updateSettings(await actorOf(request), request.body),
    );

    app.get('/audit', { schema: { tags: ['admin'], querystring: auditListQuerySchema, response: { 200: auditListSchema } } }, async (request) =>
      admin.listAudit(await actorOf(request), request.query.limit, request.query.before),
    );
    app.get('/audit/verify', { schema: { tags: ['admin'], response: { 200: auditVerifySchema } } }, async (request) => admin.verifyAudit(await actorOf(request)));
  };
}
