import type { DatabaseHandle } from '../database.js';
import { AccessRepository } from './access.repository.js';
import { AllianceRepository } from './alliance.repository.js';
import { AuditRepository } from './audit.repository.js';
import { ClientsRepository } from './clients.repository.js';
import { ConsentsRepository } from './consents.repository.js';
import { ConversationsRepository } from './conversations.repository.js';
import { FeedbackRepository } from './feedback.repository.js';
import { FollowUpsRepository } from './follow-ups.repository.js';
import { InvitationsRepository } from './invitations.repository.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { RateLimitsRepository } from './rate-limits.repository.js';
import { RecordingsRepository } from './recordings.repository.js';
import { PasswordResetsRepository } from './password-resets.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { TeamsRepository } from './teams.repository.js';
import { UsersRepository } from './users.repository.js';
import { ClientPointsRepository } from './client-points.repository.js';
import { CommentsRepository } from './comments.repository.js';
import { MomentsRepository } from './moments.repository.js';
import { PeerGroupsRepository } from './peer-groups.repository.js';
import { ReviewGuidesRepository } from './review-guides.repository.js';
import { NotificationsRepository } from './notifications.repository.js';
import { InsightRepository } from './insight.repository.js';
import { SharesRepository } from './shares.repository.js';
import { ShareCutsRepository } from './share-cuts.repository.js';
import { TextVault } from './text-vault.js';
import { LearningRepository } from './learning.repository.js';
import { RhythmRepository } from './rhythm.repository.js';
import { VoicePrintsRepository } from './voice-prints.repository.js';
import { PreparationHelpRepository } from './preparation-help.repository.js';
import { StretchCutRepository } from './stretch-cut.repository.js';
import { OrganisationFilmsRepository } from './organisation-films.repository.js';
import { NoShareRepository } from './no-share.repository.js';
import { DeclineReasonsRepository } from './decline-reasons.repository.js';
import { MyDataRepository } from './my-data.repository.js';
import { SsoRepository } from './sso.repository.js';
import { TeamAgendaRepository } from './team-agenda.repository.js';
import { SignalsRepository } from './signals.repository.js';
import { OrganisationPictureRepository } from './organisation-picture.repository.js';

/** The master key only unwraps text keys (see text-vault.ts); it is never written to the database. */
export function createRepositories(handle: DatabaseHandle, masterKey: Buffer) {
  const { db, kind } = handle;
  const vault = new TextVault(db, masterKey);
  return {
    vault,
    /** What domain/access (requireAccess) asks: ownership, shares, group membership, consent scope, in bulk. */
    access: new AccessRepository(db),
    organisations: new OrganisationsRepository(db),
    teams: new TeamsRepository(db),
    users: new UsersRepository(db),
    sessions: new SessionsRepository(db),
    invitations: new InvitationsRepository(db),
    passwordResets: new PasswordResetsRepository(db),
    rateLimits: new RateLimitsRepository(db),
    audit: new AuditRepository(db, kind),
    clients: new ClientsRepository(db),
    recordings: new RecordingsRepository(db),
    conversations: new ConversationsRepository(db),
    consents: new ConsentsRepository(db),
    feedback: new FeedbackRepository(db, vault),
    alliance: new AllianceRepository(db),
    followUps: new FollowUpsRepository(db, vault),
    moments: new MomentsRepository(db, vault),
    shares: new SharesRepository(db, vault),
    shareCuts: new ShareCutsRepository(db),
    peerGroups: new PeerGroupsRepository(db),
    comments: new CommentsRepository(db, vault),
    clientPoints: new ClientPointsRepository(db, vault),
    reviewGuides: new ReviewGuidesRepository(db),
    learning: new LearningRepository(db, vault),
    rhythm: new RhythmRepository(db),
    voicePrints: new VoicePrintsRepository(db),
    preparationHelp: new PreparationHelpRepository(db, vault),
    notifications: new NotificationsRepository(db),
    insight: new InsightRepository(db),
    noShare: new NoShareRepository(db),
    declineReasons: new DeclineReasonsRepository(db),
    myData: new MyDataRepository(db),
    sso: new SsoRepository(db),
    stretchCuts: new StretchCutRepository(db),
    organisationFilms: new OrganisationFilmsRepository(db),
    teamAgenda: new TeamAgendaRepository(db),
    signals: new SignalsRepository(db),
    organisationPicture: new OrganisationPictureRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
