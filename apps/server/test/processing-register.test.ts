import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processingRegisterSchema } from '@spreekkamer/shared';
import { demo, errorOf, startTestServer, type TestServer } from './support/harness.js';

describe('the processing register (GDPR art. 30) from the live configuration', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DEMO_RECORDING: 'false', PUBLIC_URL: 'https://spreekkamer.gemeente.example' });
  });
  afterAll(async () => server.close());

  it('gives administrators the register, following the settings they change', async () => {
    const admin = await server.login(demo.admin);
    const first = processingRegisterSchema.parse((await admin.get('/api/admin/processing-register')).json());
    expect(first.organisation).toBe('Gemeente Voorbeeld');
    expect(first.deployment).toMatchObject({ https: true, email: false, mediaStore: 'local' });
    expect(first.activities.map((a) => a.id)).not.toContain('email');
    expect(first.activities.find((a) => a.id === 'recordings')?.retention).toBe('recording_days');

    const settings = (await admin.get('/api/admin/settings')).json() as Record<string, unknown>;
    const changed = await admin.put('/api/admin/settings', { ...settings, retentionDaysOptions: [30, 60], retentionDaysDefault: 60 });
    expect(changed.statusCode, changed.body).toBe(200);
    const second = processingRegisterSchema.parse((await admin.get('/api/admin/processing-register')).json());
    expect(second.settings).toMatchObject({ retentionDaysOptions: [30, 60], retentionDaysDefault: 60, requireTotp: settings.requireTotp });
    expect(second.securityMeasures).toContain(settings.requireTotp ? 'totp_required' : 'totp_optional');
  });

  it('is for administrators only', async () => {
    for (const email of [demo.professional, demo.manager, demo.policy, demo.reviewer]) {
      const response = await (await server.login(email)).get('/api/admin/processing-register');
      expect(response.statusCode, email).toBe(403);
      expect(errorOf(response).message).toMatch(/[a-z]/);
    }
    expect((await server.anonymous().get('/api/admin/processing-register')).statusCode).toBe(401);
  });
});
