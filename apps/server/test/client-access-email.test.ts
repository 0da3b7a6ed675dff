import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { startSmtpServer, type SmtpTestServer } from './support/smtp.js';

let smtp: SmtpTestServer;
let server: TestServer;
let professional: Agent;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl', PUBLIC_URL: 'https://spreekkamer.voorbeeld.nl' });
  professional = await server.login(demo.professional);
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function newClient(agent: Agent, contact: string | null, locale: 'nl' | 'en' = 'nl'): Promise<{ id: string; canEmailLink: boolean }> {
  const response = await agent.post('/api/clients', { pseudonym: `Cliënt ${Math.random().toString(36).slice(2, 7)}`, contact, locale });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function clientSessionStatus(token: string, code: string): Promise<number> {
  return (await server.request({ method: 'POST', url: '/api/client/session', payload: { token, code } })).statusCode;
}

describe('sending a client their link by e-mail', () => {
  it('sends the link, never the code, to the client’s address in the client’s language; link and code open the client page', async () => {
    const client = await newClient(professional, 'meneer.a@example.org');
    expect(client.canEmailLink).toBe(true);
    const issued = await professional.post(`/api/clients/${client.id}/access`, { sendByEmail: true });
    expect(issued.statusCode, issued.body).toBe(200);
    const body = issued.json() as { path: string; code: string; email: string };
    expect(body.email).toBe('sent');

    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual(['meneer.a@example.org']);
    expect(mail?.subject).toBe('Uw persoonlijke link voor Spreekkamer');
    expect(mail?.text).toContain(`https://spreekkamer.voorbeeld.nl${body.path}`);
    expect(mail?.text).toContain('Sanne de Vries');
    expect(mail?.text).not.toContain(body.code);
    // Nothing about the client or what is discussed: anyone reading the mailbox learns nothing.
    expect(mail?.text).not.toMatch(/Cliënt|uitkering|opname|toestemming/i);

    const token = body.path.split('/').pop() ?? '';
    expect(await clientSessionStatus(token, body.code)).toBe(200);

    const audit = await server.spreekkamer.database.db.selectFrom('audit_events').select(['action', 'details_json']).where('subject_id', '=', client.id).execute();
    expect(audit.map((event) => event.action)).toContain('client_access.emailed');
    expect(JSON.stringify(audit)).not.toContain('example.org');
  });

  it('writes in English for a client who reads English', async () => {
    const client = await newClient(professional, 'mr.b@example.org', 'en');
    const issued = await professional.post(`/api/clients/${client.id}/access`, { sendByEmail: true });
    expect(issued.json().email).toBe('sent');
    expect(smtp.received.at(-1)?.subject).toBe('Your personal link for Spreekkamer');
  });

  it('without asking, sends nothing', async () => {
    const client = await newClient(professional, 'mevrouw.c@example.org');
    const before = smtp.received.length;
    const issued = await professional.post(`/api/clients/${client.id}/access`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().email).toBeNull();
    expect(smtp.received.length).toBe(before);
  });

  it('refuses for a client with a phone number or no contact, and leaves the old link working', async () => {
    for (const contact of ['06 12345678', null]) {
      const client = await newClient(professional, contact);
      expect(client.canEmailLink).toBe(false);
      const first = (await professional.post(`/api/clients/${client.id}/access`)).json() as { path: string; code: string };
      const refused = await professional.post(`/api/clients/${client.id}/access`, { sendByEmail: true });
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused)).toMatchObject({ code: 'client_no_email', message: 'Deze cliënt heeft geen e-mailadres. Geef de link en code op papier, of laat de QR-code scannen.' });
      expect(await clientSessionStatus(first.path.split('/').pop() ?? '', first.code)).toBe(200);
    }
  });

  it('sends nothing for someone else’s client or for other roles', async () => {
    const client = await newClient(professional, 'meneer.d@example.org');
    const before = smtp.received.length;
    for (const email of [demo.reviewer, demo.manager, demo.policy, demo.admin]) {
      const other = await server.login(email);
      const response = await other.post(`/api/clients/${client.id}/access`, { sendByEmail: true });
      expect([403, 404]).toContain(response.statusCode);
    }
    const anonymous = await server.anonymous().post(`/api/clients/${client.id}/access`, { sendByEmail: true });
    expect(anonymous.statusCode).toBe(401);
    expect(smtp.received.length).toBe(before);
  });

  it('refuses bad input with a clear message', async () => {
    const client = await newClient(professional, 'meneer.e@example.org');
    for (const payload of [{ sendByEmail: 'ja' }, { sendByEmail: true, to: 'iemand@example.org' }]) {
      const response = await professional.post(`/api/clients/${client.id}/access`, payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('validation');
    }
  });

  it('reports a mail server that does not answer, while the new link and code work', async () => {
    const down = await startSmtpServer();
    await down.close();
    const other = await startTestServer({ SMTP_URL: down.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl' });
    try {
      const agent = await other.login(demo.professional);
      const created = await agent.post('/api/clients', { pseudonym: 'Meneer F.', contact: 'meneer.f@example.org' });
      const issued = await agent.post(`/api/clients/${created.json().id}/access`, { sendByEmail: true });
      expect(issued.statusCode).toBe(200);
      expect(issued.json().email).toBe('failed');
      const token = (issued.json().path as string).split('/').pop() ?? '';
      const opened = await other.request({ method: 'POST', url: '/api/client/session', payload: { token, code: issued.json().code } });
      expect(opened.statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('without a mail server', () => {
  it('says e-mail cannot be sent, and the client list says so too', async () => {
    const plain = await startTestServer();
    try {
      const agent = await plain.login(demo.professional);
      const created = await agent.post('/api/clients', { pseudonym: 'Meneer G.', contact: 'meneer.g@example.org' });
      expect(created.json().canEmailLink).toBe(false);
      const refused = await agent.post(`/api/clients/${created.json().id}/access`, { sendByEmail: true });
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused)).toMatchObject({ code: 'email_not_configured' });
    } finally {
      await plain.close();
    }
  });
});
