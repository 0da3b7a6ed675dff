import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../src/main.js';
import { demo, demoPassword, startTestServer } from './support/harness.js';

describe('structured logs', () => {
  it('log requests as JSON without personal data, cookies, tokens or addresses', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const server = await startTestServer({}, { logger: { ...(loggerOptions('info') as object), stream } });
    try {
      const agent = await server.login(demo.professional);
      await server.request({ method: 'POST', url: '/api/session', payload: { email: demo.admin, password: 'verkeerd-wachtwoord' } });
      const invite = await (await server.login(demo.admin)).post('/api/admin/users', { name: 'Eva Geheim', email: 'eva@voorbeeld.nl', memberships: [{ role: 'reviewer', teamId: null }] });
      const token = String(invite.json().invitationPath).split('/').pop() ?? '';
      await server.request({ method: 'GET', url: `/api/invitations/${token}`, remoteAddress: '203.0.113.7' });
      await agent.get('/api/session');
      const log = lines.join('\n');
      expect(lines.length).toBeGreaterThan(4);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      expect(log).toContain('"url":"/api/session"');
      for (const secret of [demo.professional, demo.admin, demoPassword, 'eva@voorbeeld.nl', 'Eva Geheim', token, '203.0.113.7', 'sk_session', agent.csrfToken ?? 'x']) {
        expect(log, secret).not.toContain(secret);
      }
    } finally {
      await server.close();
    }
  });
});
