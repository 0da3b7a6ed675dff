import type { DatabaseHandle } from '../database.js';
import { AllianceRepository } from './alliance.repository.js';
import { AuditRepository } from './audit.repository.js';
import { ClientsRepository } from './clients.repository.js';
import { ConsentsRepository } from './consents.repository.js';
import { ConversationsRepository } from './conversations.repository.js';
import { FeedbackRepository } from './feedback.repository.js';
import { FollowUpsRepository } from './follow-ups.repository.js';
import { InvitationsRepository } from './invitations.repository.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { RecordingsRepository } from './recordings.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { TeamsRepository } from './teams.repository.js';
import { UsersRepository } from './users.repository.js';
import { ClientPointsRepository } from './client-points.repository.js';
import { CommentsRepository } from './comments.repository.js';
import { MomentsRepository } from './moments.repository.js';
import { PeerGroupsRepository } from './peer-groups.repository.js';
import { ReviewGuidesRepository } from './review-guides.repository.js';
import { NotificationsRepository } from './notifications.repository.js';
import { SharesRepository } from './shares.repository.js';

export function createRepositories(handle: DatabaseHandle) {
  const { db, kind } = handle;
  return {
    organisations: new OrganisationsRepository(db),
    teams: new TeamsRepository(db),
    users: new UsersRepository(db),
    sessions: new SessionsRepository(db),
    invitations: new InvitationsRepository(db),
    audit: new AuditRepository(db, kind),
    clients: new ClientsRepository(db),
    recordings: new RecordingsRepository(db),
    conversations: new ConversationsRepository(db),
    consents: new ConsentsRepository(db),
    feedback: new FeedbackRepository(db),
    alliance: new AllianceRepository(db),
    followUps: new FollowUpsRepository(db),
    moments: new MomentsRepository(db),
    shares: new SharesRepository(db),
    peerGroups: new PeerGroupsRepository(db),
    comments: new CommentsRepository(db),
    clientPoints: new ClientPointsRepository(db),
    reviewGuides: new ReviewGuidesRepository(db),
    notifications: new NotificationsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
