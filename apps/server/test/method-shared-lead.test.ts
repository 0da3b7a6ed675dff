import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, errorOf, startTestServer, type Agent, type TestServer } from './support/harness.js';
import { openClient } from './support/review-fixtures.js';

/**
 * The Samenleergesprek is led by both: every card takes an own sub-topic (the empty lines of the
 * printed cards), and the client proposes moments and moves the steps on their own device.
 */
describe('feedback conversation: own sub-topics and a shared lead', () => {
  let server: TestServer;
  let professional: Agent;
  let client: Agent;
  let stranger: Agent;
  let feedbackId: string;

  async function clientOf(pseudonym: string): Promise<{ clientId: string; agent: Agent }> {
    const clientId = (await professional.post('/api/clients', { pseudonym })).json().id as string;
    const issued = (await professional.post(`/api/clients/${clientId}/access`)).json();
    return { clientId, agent: await openClient(server, issued.path.split('/').pop(), issued.code) };
  }

  beforeAll(async () => {
    server = await startTestServer();
    professional = await server.login(demo.professional);
    const mine = await clientOf('Meneer Eigen');
    client = mine.agent;
    stranger = (await clientOf('Mevrouw Anders')).agent;
    const created = await professional.post('/api/feedback', { clientIds: [mine.clientId] });
    expect(created.statusCode, created.body).toBe(200);
    feedbackId = created.json().id;
  });
  afterAll(async () => server?.close());

  it('the professional adds a moment with an own sub-topic under any card, checked for length', async () => {
    const added = await professional.post(`/api/feedback/${feedbackId}/moments`, { theme: 'fit', ownSubtopic: 'De tijd van de afspraak', title: 'Afspraak om acht uur' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().moments[0]).toMatchObject({ theme: 'fit', subtopic: null, ownSubtopic: 'De tijd van de afspraak' });

    const tooLong = await professional.post(`/api/feedback/${feedbackId}/moments`, { theme: 'fit', ownSubtopic: 'x'.repeat(81), title: 'Te lang' });
    expect(tooLong.statusCode).toBe(400);
    expect(errorOf(tooLong).fields?.[0]?.path).toBe('ownSubtopic');
    const markup = await professional.post(`/api/feedback/${feedbackId}/moments`, { theme: 'fit', ownSubtopic: '<b>vet</b>', title: 'Code' });
    expect(errorOf(markup).fields?.[0]).toMatchObject({ path: 'ownSubtopic', message: 'Gebruik gewone tekst, zonder codes zoals <b> of <script>.' });
    expect((await professional.get(`/api/feedback/${feedbackId}`)).json().moments).toHaveLength(1);
  });

  it('the client picks a card and an own sub-topic on their own device; it becomes a moment of the conversation', async () => {
    const proposed = await client.post(`/api/client/feedback/${feedbackId}/moments`, { theme: 'collaboration', ownSubtopic: 'Samen lachen' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().moments[1]).toMatchObject({ theme: 'collaboration', subtopic: null, ownSubtopic: 'Samen lachen', title: 'Samen lachen', hasRecording: false });
    const onScreen = (await professional.get(`/api/feedback/${feedbackId}`)).json();
    expect(onScreen.moments.map((m: { ownSubtopic: string | null }) => m.ownSubtopic)).toEqual(['De tijd van de afspraak', 'Samen lachen']);
    expect(onScreen.status).toBe('in_progress');
  });

  it('the client moves the conversation to the next step; the professional’s screen follows', async () => {
    const moved = await client.post(`/api/client/feedback/${feedbackId}/step`, { step: 2 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().step).toBe(2);
    expect((await professional.get(`/api/feedback/${feedbackId}`)).json().step).toBe(2);
    expect((await client.post(`/api/client/feedback/${feedbackId}/step`, { step: 4 })).statusCode).toBe(400);
  });

  it('refuses bad proposals, a fourth moment, and anyone who is not in the conversation', async () => {
    const wrongCard = await client.post(`/api/client/feedback/${feedbackId}/moments`, { theme: 'fit', subtopic: 'listening' });
    expect(errorOf(wrongCard).fields?.[0]).toMatchObject({ path: 'subtopic', message: 'Dit onderwerp hoort bij een andere themakaart.' });
    expect((await client.post(`/api/client/feedback/${feedbackId}/moments`, { theme: 'geld' })).statusCode).toBe(400);
    expect((await client.post(`/api/client/feedback/${feedbackId}/moments`, { theme: 'other', ownSubtopic: 'y'.repeat(81) })).statusCode).toBe(400);

    expect((await stranger.post(`/api/client/feedback/${feedbackId}/moments`, { theme: 'other', ownSubtopic: 'Inbraak' })).statusCode).toBe(404);
    expect((await stranger.post(`/api/client/feedback/${feedbackId}/step`, { step: 3 })).statusCode).toBe(404);
    expect((await server.anonymous().post(`/api/client/feedback/${feedbackId}/step`, { step: 3 })).statusCode).toBe(401);

    expect((await client.post(`/api/client/feedback/${feedbackId}/moments`, { theme: 'achievement', subtopic: 'goal' })).statusCode).toBe(200);
    const fourth = await client.post(`/api/client/feedback/${feedbackId}/moments`, { theme: 'other', ownSubtopic: 'Nog een' });
    expect(fourth.statusCode).toBe(409);
    const moments = (await professional.get(`/api/feedback/${feedbackId}`)).json().moments as { title: string }[];
    expect(moments.map((m) => m.title)).toEqual(['Afspraak om acht uur', 'Samen lachen', 'Doel']);
  });
});
