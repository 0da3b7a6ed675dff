import { BlockList, isIPv6 } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Metrics } from '../../observability/metrics.js';
import { languageOf, sendError } from '../errors.js';

export interface MetricsAccess {
  token: string | undefined;
  allowFrom: string[];
}

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` for the operators' Prometheus: off (404) unless a token or a network is
 * configured, and then only for that token or network. Outside `/api`: it is not part of the
 * product's contract and takes no session.
 */
export function metricsRoutes(metrics: Metrics, access: MetricsAccess | undefined): FastifyPluginAsync {
  return async (app) => {
    if (!access) return;
    const allowed = blockListOf(access.allowFrom);
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const address = request.ip.replace(/^::ffff:/, '');
      const fromNetwork = access.allowFrom.length > 0 && allowed.check(address, isIPv6(address) ? 'ipv6' : 'ipv4');
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const withToken = access.token !== undefined && bearer !== undefined && sameToken(bearer, access.token);
      if (!fromNetwork && !withToken) return sendError(reply, 'metrics_not_allowed', languageOf(request));
      const body = await metrics.registry.metrics();
      return reply.header('Cache-Control', 'no-store').type(metrics.registry.contentType).send(body);
    });
  };
}
