import { contract } from '@spreekkamer/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { route } from '../route.js';

export function adminRoutes(ctx: HttpContext): FastifyPluginAsyncZod {
  const { admin, passwordResets } = ctx.services;
  const endpoints = contract.admin;
  // Checking a person's reset code is guessing territory too.
  const codeRateLimit = { max: ctx.credentialAttemptsPerMinute, timeWindow: '1 minute' };
  return async (app) => {
    // Who you are is checked before what you sent: strangers learn nothing about the schemas.
    app.addHook('preValidation', async (request) => {
      await ctx.requireSession(request);
    });
    route(app, endpoints.processingRegister, async (_input, request) => admin.processingRegister(await ctx.actorOf(request)));
    route(app, endpoints.listUsers, async (_input, request) => ({ users: await admin.listUsers(await ctx.actorOf(request)) }));
    route(app, endpoints.inviteUser, async ({ body }, request) => admin.inviteUser(await ctx.actorOf(request), body));
    route(app, endpoints.updateUser, async ({ params, body }, request) => admin.updateUser(await ctx.actorOf(request), params.id, body));
    route(app, endpoints.reinvite, async ({ params }, request) => admin.reinvite(await ctx.actorOf(request), params.id));
    route(
      app,
      endpoints.requestPasswordReset,
      async ({ params, body }, request) => {
        const actor = await ctx.actorOf(request);
        const outcome = await passwordResets.request(actor, params.id, body.code, ctx.publicOrigin(request));
        return { ...outcome, user: await admin.adminUser(actor, params.id) };
      },
      { rateLimit: codeRateLimit },
    );
    route(app, endpoints.approvePasswordReset, async ({ params }, request) => {
      const actor = await ctx.actorOf(request);
      const outcome = await passwordResets.approve(actor, params.id);
      return { ...outcome, user: await admin.adminUser(actor, params.id) };
    });

    route(app, endpoints.listTeams, async (_input, request) => ({ teams: await admin.listTeams(await ctx.actorOf(request)) }));
    route(app, endpoints.createTeam, async ({ body }, request) => admin.createTeam(await ctx.actorOf(request), body.name));
    route(app, endpoints.renameTeam, async ({ params, body }, request) => admin.renameTeam(await ctx.actorOf(request), params.id, body.name));

    route(app, endpoints.settings, async (_input, request) => admin.getSettings(await ctx.actorOf(request)));
    route(app, endpoints.updateSettings, async ({ body }, request) => admin.updateSettings(await ctx.actorOf(request), body));

    route(app, endpoints.listAudit, async ({ query }, request) => admin.listAudit(await ctx.actorOf(request), query.limit, query.before));
    route(app, endpoints.verifyAudit, async (_input, request) => admin.verifyAudit(await ctx.actorOf(request)));
  };
}
