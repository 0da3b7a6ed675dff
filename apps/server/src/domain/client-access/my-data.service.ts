import { allianceItemIds, clientLocaleOf, type MyData } from '@spreekkamer/shared';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { MyDataRepository } from '../../db/repositories/my-data.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { RecordingsRepository } from '../../db/repositories/recordings.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import { requireAccess, type AccessGate } from '../access/index.js';
import { AppError } from '../errors.js';
import { viewsFromEvents } from '../recordings/views.js';
import type { ClientSession } from './client-access.service.js';

export interface MyDataDeps {
  gate: AccessGate;
  myData: MyDataRepository;
  clients: ClientsRepository;
  recordings: RecordingsRepository;
  organisations: OrganisationsRepository;
  users: UsersRepository;
  audit: AuditLog;
}

/** The client's right of access (GDPR art. 15): everything stored about them, for them alone. */
export class MyDataService {
  constructor(private readonly deps: MyDataDeps) {}

  async forClient(session: ClientSession): Promise<MyData> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    // Who watched is shown only on the client's own device: a tablet in the professional's room is not private enough.
    if (session.via !== 'link') throw new AppError('client_own_device_only');
    const client = await this.deps.clients.findById(session.clientId);
    if (!client) throw new AppError('client_unauthenticated');

    const [organisation, professional, consents, recordings, checks, checkAnswers, feedbackConversations, followUps] = await Promise.all([
      this.deps.organisations.findById(client.organisation_id),
      this.deps.users.findById(client.professional_id),
      this.deps.myData.consents(client.id),
      this.deps.myData.recordings(client.id),
      this.deps.myData.checks(client.id),
      this.deps.myData.checkAnswers(client.id),
      this.deps.myData.feedbackConversations(client.id),
      this.deps.myData.sentFollowUps(client.id),
    ]);
    const views = await Promise.all(recordings.map(async (recording) => viewsFromEvents(await this.deps.recordings.listViews(recording.id))));
    await this.deps.audit.record({ organisationId: client.organisation_id, actorUserId: null, action: 'client.my_data_viewed', subjectType: 'client', subjectId: client.id });

    return {
      organisationName: organisation?.name ?? '',
      professionalName: professional?.name ?? '',
      language: clientLocaleOf(client.locale),
      contactStored: client.contact_wrapped !== null,
      registeredAt: client.created_at,
      consents: consents.map((c) => ({
        id: c.id,
        heldOn: c.held_on,
        status: c.status,
        media: c.media,
        audience: c.audience,
        reviewerFrom: c.reviewer_from,
        retentionDays: c.retention_days,
        textVersion: c.text_version,
        givenAt: c.given_at,
        withdrawnAt: c.withdrawn_at,
      })),
      recordings: recordings.map((r, index) => ({
        id: r.id,
        heldOn: r.held_on,
        kind: r.kind,
        status: r.status,
        durationSeconds: r.duration_seconds,
        createdAt: r.created_at,
        retentionEndsAt: r.retention_ends_at,
        deletedAt: r.deleted_at,
        deletedReason: r.deleted_reason,
        views: views[index] ?? [],
      })),
      checks: checks.map((c) => ({ sentAt: c.created_at, answeredAt: c.answered_at, anonymous: c.anonymous === 1 })),
      checkAnswers: checkAnswers.map((answer) => ({
        answeredOn: answer.answered_on ?? answer.period,
        scores: allianceItemIds.flatMap((item) => {
          const score = answer[item];
          return score === null ? [] : [{ item, score }];
        }),
      })),
      feedbackConversations: feedbackConversations.map((f) => ({ id: f.id, invitedAt: f.created_at, status: f.status, completedAt: f.completed_at })),
      followUps: followUps.map((f) => ({ id: f.id, sentAt: f.sent_at ?? '', readAt: f.read_at })),
    };
  }
}
