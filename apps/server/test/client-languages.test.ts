import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientLocales } from '@spreekkamer/shared';
import { Agent, demo, errorOf, startTestServer, type TestServer } from './support/harness.js';
import { startSmtpServer, type SmtpTestServer } from './support/smtp.js';

let smtp: SmtpTestServer;
let server: TestServer;
let professional: Agent;
let admin: Agent;
let ip = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'spreekkamer@voorbeeld.nl', PUBLIC_URL: 'https://spreekkamer.voorbeeld.nl' });
  professional = await server.login(demo.professional);
  admin = await server.login(demo.admin);
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function newClient(locale: string, contact: string | null = null): Promise<{ id: string; locale: string }> {
  const response = await professional.post('/api/clients', { pseudonym: `Cliënt ${Math.random().toString(36).slice(2, 7)}`, contact, locale });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function openLink(clientId: string): Promise<Agent> {
  const issued = (await professional.post(`/api/clients/${clientId}/access`)).json() as { path: string; code: string };
  ip += 1;
  const response = await server.request({ method: 'POST', url: '/api/client/session', payload: { token: issued.path.split('/').pop(), code: issued.code }, remoteAddress: `10.9.0.${ip}` });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'sk_client');
  return new Agent(server, `sk_client=${cookie?.value ?? ''}`, response.json().csrfToken);
}

async function settings(): Promise<Record<string, unknown>> {
  return (await admin.get('/api/admin/settings')).json();
}

describe('client languages', () => {
  it('offers every language until an administrator narrows it down, Dutch always included', async () => {
    expect((await settings()).clientLocales).toEqual([...clientLocales]);
    const narrowed = await admin.put('/api/admin/settings', { ...(await settings()), clientLocales: ['tr', 'ar'] });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    // Dutch is the fallback of every text, so it stays; the order is the fixed one.
    expect(narrowed.json().clientLocales).toEqual(['nl', 'ar', 'tr']);
    expect((await professional.get('/api/session')).json().organisation.clientLocales).toEqual(['nl', 'ar', 'tr']);

    const client = await newClient('ar');
    const page = await openLink(client.id);
    const session = (await page.get('/api/client/session')).json();
    expect(session).toMatchObject({ locale: 'ar', offeredLocales: ['nl', 'ar', 'tr'] });

    const refused = await page.put('/api/client/locale', { locale: 'pl' });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused)).toMatchObject({ code: 'client_locale_not_offered', message: 'Deze taal biedt uw organisatie niet aan. Kies een andere taal.' });
    expect((await page.get('/api/client/session')).json().locale).toBe('ar');

    const restored = await admin.put('/api/admin/settings', { ...(await settings()), clientLocales: [...clientLocales] });
    expect(restored.json().clientLocales).toEqual([...clientLocales]);
  });

  it('remembers the language a client picks for their link: their e-mail and the professional see it', async () => {
    const client = await newClient('nl', 'meneer.t@example.org');
    const page = await openLink(client.id);
    const chosen = await page.put('/api/client/locale', { locale: 'tr' });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().locale).toBe('tr');
    const list = (await professional.get('/api/clients')).json() as { clients: { id: string; locale: string }[] };
    expect(list.clients.find((c) => c.id === client.id)?.locale).toBe('tr');

    const mailed = await professional.post(`/api/clients/${client.id}/access`, { sendByEmail: true });
    expect(mailed.json().email).toBe('sent');
    expect(smtp.received.at(-1)?.subject).toBe('Spreekkamer için kişisel bağlantınız');
    expect(smtp.received.at(-1)?.text).not.toContain(mailed.json().code);
  });

  it('writes the e-mail in Arabic, Polish and Ukrainian too', async () => {
    const subjects: Record<string, string> = { ar: 'رابطك الشخصي لـ Spreekkamer', pl: 'Twój osobisty link do Spreekkamer', uk: 'Ваше особисте посилання для Spreekkamer' };
    for (const [locale, subject] of Object.entries(subjects)) {
      const client = await newClient(locale, `iemand.${locale}@example.org`);
      expect(client.locale).toBe(locale);
      await professional.post(`/api/clients/${client.id}/access`, { sendByEmail: true });
      expect(smtp.received.at(-1)?.subject).toBe(subject);
    }
  });

  it('refuses a language it does not know, and a client changing it without their session or token', async () => {
    const unknown = await professional.post('/api/clients', { pseudonym: 'Mevrouw X.', locale: 'xx' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).code).toBe('validation');

    const client = await newClient('nl');
    const page = await openLink(client.id);
    expect((await page.put('/api/client/locale', { locale: 'ar', extra: true })).statusCode).toBe(400);
    expect((await server.anonymous().put('/api/client/locale', { locale: 'ar' })).statusCode).toBe(401);
    const forged = new Agent(server, page.cookie, 'not-the-token');
    expect((await forged.put('/api/client/locale', { locale: 'ar' })).statusCode).toBe(403);
    // A professional's own session is not a client session.
    expect((await professional.put('/api/client/locale', { locale: 'ar' })).statusCode).toBe(401);
    expect((await page.get('/api/client/session')).json().locale).toBe('nl');
  });

  it('keeps the consent in the language the client read it in', async () => {
    const client = await newClient('uk');
    const conversation = (await professional.post(`/api/clients/${client.id}/conversations`, { heldOn: '2026-11-20', kind: 'in_person' })).json() as { id: string };
    const page = await openLink(client.id);
    const form = (await page.get(`/api/client/conversations/${conversation.id}/consent-form`)).json() as { textVersion: string };
    const given = await page.post(`/api/client/conversations/${conversation.id}/consent`, {
      media: 'audio',
      audience: 'professional',
      watchWithClient: false,
      feedbackViaReviewer: false,
      retentionDays: 90,
      signature: 'Олена',
      textVersion: form.textVersion,
      locale: 'uk',
    });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json().locale).toBe('uk');
  });

  it('keeps a short version written by hand in the client’s language with the follow-up; the client reads it', async () => {
    const client = await newClient('tr');
    const draft = await professional.post('/api/follow-ups', { clientId: client.id, learned: 'Ik praat te snel.', changed: 'Ik praat nu rustiger.', shortVersion: 'Daha yavaş konuşuyorum.' });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().shortVersion).toEqual({ locale: 'tr', text: 'Daha yavaş konuşuyorum.' });
    const markup = await professional.patch(`/api/follow-ups/${draft.json().id}`, { shortVersion: '<b>x</b>' });
    expect(markup.statusCode).toBe(400);
    const cleared = await professional.patch(`/api/follow-ups/${draft.json().id}`, { shortVersion: '' });
    expect(cleared.json().shortVersion).toBeNull();
    await professional.patch(`/api/follow-ups/${draft.json().id}`, { shortVersion: 'Size daha çok zaman veriyorum.' });
    expect((await professional.post(`/api/follow-ups/${draft.json().id}/send`)).statusCode).toBe(200);

    const page = await openLink(client.id);
    const read = await page.get(`/api/client/follow-ups/${draft.json().id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ learned: 'Ik praat te snel.', shortVersion: { locale: 'tr', text: 'Size daha çok zaman veriyorum.' } });
  });

  it('keeps a short version of the summary and the agreements per client, sealed, in each one’s own language', async () => {
    const turkish = await newClient('tr');
    const polish = await newClient('pl');
    const created = await professional.post('/api/feedback', { clientIds: [turkish.id, polish.id] });
    expect(created.statusCode, created.body).toBe(200);
    const feedback = created.json() as { id: string; participants: { id: string; clientId: string; locale: string; shortVersion: unknown }[] };
    const forTurkish = feedback.participants.find((p) => p.clientId === turkish.id);
    expect(forTurkish).toMatchObject({ locale: 'tr', shortVersion: null });
    const url = `/api/feedback/${feedback.id}/participants/${forTurkish?.id ?? ''}/short-version`;

    const written = await professional.put(url, { summary: 'Daha yavaş konuşacağım.', agreements: 'Gelecek hafta ararım.' });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json().participants.find((p: { id: string }) => p.id === forTurkish?.id).shortVersion).toEqual({ locale: 'tr', summary: 'Daha yavaş konuşacağım.', agreements: 'Gelecek hafta ararım.' });
    expect(written.json().participants.find((p: { clientId: string }) => p.clientId === polish.id).shortVersion).toBeNull();

    // Sealed under the client's own text key: the words are not in the database as plain text.
    const stored = JSON.stringify(await server.spreekkamer.database.db.selectFrom('feedback_participants').selectAll().execute());
    expect(stored).not.toContain('yavaş');
    expect(stored).not.toContain('Gelecek');

    // Each client reads only their own short version.
    const turkishPage = await openLink(turkish.id);
    const seen = await turkishPage.get(`/api/client/feedback/${feedback.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().me.shortVersion).toEqual({ locale: 'tr', summary: 'Daha yavaş konuşacağım.', agreements: 'Gelecek hafta ararım.' });
    const polishPage = await openLink(polish.id);
    const other = (await polishPage.get(`/api/client/feedback/${feedback.id}`)).json();
    expect(other.me.shortVersion).toBeNull();
    expect(JSON.stringify(other)).not.toContain('yavaş');

    // One part can change alone; markup is refused; '' removes a part, and both parts gone is none.
    const onlySummary = await professional.put(url, { agreements: '' });
    expect(onlySummary.json().participants.find((p: { id: string }) => p.id === forTurkish?.id).shortVersion).toEqual({ locale: 'tr', summary: 'Daha yavaş konuşacağım.', agreements: '' });
    expect((await professional.put(url, { summary: '<script>x</script>' })).statusCode).toBe(400);
    const cleared = await professional.put(url, { summary: '' });
    expect(cleared.json().participants.find((p: { id: string }) => p.id === forTurkish?.id).shortVersion).toBeNull();

    // Nobody else writes it: another professional, a manager, an administrator, a client, a stranger.
    const manager = await server.login(demo.manager);
    for (const agent of [manager, admin, turkishPage, server.anonymous()]) {
      const refused = await agent.put(url, { summary: 'Başkası yazdı.' });
      expect([401, 403, 404], `${refused.statusCode} ${refused.body}`).toContain(refused.statusCode);
    }
    expect((await professional.put(`/api/feedback/${feedback.id}/participants/${crypto.randomUUID()}/short-version`, { summary: 'x' })).statusCode).toBe(404);
    expect((await turkishPage.get(`/api/client/feedback/${feedback.id}`)).json().me.shortVersion).toBeNull();

    // Withdrawn words go with the client's key: a shredded key reads as no short version.
    await professional.put(url, { summary: 'Daha yavaş konuşacağım.' });
    await server.spreekkamer.database.db.updateTable('clients').set({ text_key: null }).where('id', '=', turkish.id).execute();
    const afterShred = (await professional.get(`/api/feedback/${feedback.id}`)).json();
    expect(afterShred.participants.find((p: { id: string }) => p.id === forTurkish?.id).shortVersion).toBeNull();
  });

  it('refuses (422, in Dutch) giving a client a language the organisation does not offer', async () => {
    const narrowed = await admin.put('/api/admin/settings', { ...(await settings()), clientLocales: ['tr'] });
    expect(narrowed.json().clientLocales).toEqual(['nl', 'tr']);
    try {
      const created = await professional.post('/api/clients', { pseudonym: 'Mevrouw P.', locale: 'pl' });
      expect(created.statusCode).toBe(422);
      expect(errorOf(created)).toMatchObject({ code: 'client_locale_not_offered', message: 'Deze taal biedt uw organisatie niet aan. Kies een andere taal.' });
      expect(created.body).not.toContain('stack');

      const client = await newClient('tr');
      const changed = await professional.patch(`/api/clients/${client.id}`, { locale: 'ar' });
      expect(changed.statusCode).toBe(422);
      expect(errorOf(changed).code).toBe('client_locale_not_offered');
      expect((await professional.get(`/api/clients/${client.id}`)).json().locale).toBe('tr');
      expect((await professional.patch(`/api/clients/${client.id}`, { locale: 'nl' })).statusCode).toBe(200);
    } finally {
      await admin.put('/api/admin/settings', { ...(await settings()), clientLocales: [...clientLocales] });
    }
  });

  it('tells the code page which languages the link’s organisation offers, and nothing about the client', async () => {
    const client = await newClient('ar');
    const issued = (await professional.post(`/api/clients/${client.id}/access`)).json() as { path: string };
    const token = issued.path.split('/').pop() ?? '';
    await admin.put('/api/admin/settings', { ...(await settings()), clientLocales: ['ar', 'uk'] });
    try {
      const languages = await server.anonymous().get(`/api/client/links/${token}/languages`);
      expect(languages.statusCode, languages.body).toBe(200);
      // Exactly the offered languages; not the client's own language, pseudonym or organisation.
      expect(languages.json()).toEqual({ offeredLocales: ['nl', 'ar', 'uk'] });
    } finally {
      await admin.put('/api/admin/settings', { ...(await settings()), clientLocales: [...clientLocales] });
    }
    const unknown = await server.anonymous().get(`/api/client/links/${'x'.repeat(43)}/languages`);
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('client_link_invalid');
    expect((await server.anonymous().get('/api/client/links/kort/languages')).statusCode).toBe(400);
  });
});
