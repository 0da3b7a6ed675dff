/**
 * A real OpenID Connect provider in its own process (oauth2-mock-server), for the SSO tests. It
 * prints one JSON line { issuer, control } when ready. The control port lets a test choose the
 * claims of the next log-ins and have the provider sign a back-channel logout token with its key.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { OAuth2Server } from 'oauth2-mock-server';

const provider = new OAuth2Server();
await provider.issuer.keys.generate('RS256');
await provider.start(0, '127.0.0.1');

let nextClaims: Record<string, unknown> = {};
provider.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
  Object.assign(token.payload, nextClaims);
});

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const control = createServer((request, response) => {
  void (async () => {
    const body = await bodyOf(request);
    if (request.url === '/claims') {
      nextClaims = body;
      response.end('{}');
      return;
    }
    if (request.url === '/logout-token') {
      const token = await provider.issuer.buildToken({
        scopesOrTransform: (header: Record<string, unknown>, payload: Record<string, unknown>) => {
          header.typ = 'logout+jwt';
          Object.assign(payload, { jti: crypto.randomUUID(), events: { 'http://schemas.openid.net/event/backchannel-logout': {} } }, body);
        },
      });
      response.end(JSON.stringify({ token }));
      return;
    }
    response.statusCode = 404;
    response.end();
  })().catch((error: unknown) => {
    response.statusCode = 500;
    response.end(String(error));
  });
});
control.listen(0, '127.0.0.1', () => {
  const address = control.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ issuer: provider.issuer.url, control: `http://127.0.0.1:${port}` })}\n`);
});

process.on('SIGTERM', () => {
  control.close();
  void provider.stop().finally(() => process.exit(0));
});
