import type { OrganisationFilmService } from '../domain/explainer/organisation-film.service.js';
import type { DeclineReasonsService } from '../domain/consent/decline-reasons.service.js';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access.js';
import type { AdminService } from '../domain/admin/admin.service.js';
import type { AuthenticatedSession, AuthService } from '../domain/auth/auth.service.js';
import type { PasswordResetService } from '../domain/auth/password-reset.service.js';
import type { SsoSettingsService } from '../domain/auth/sso-settings.service.js';
import type { OidcService } from '../domain/auth/oidc.service.js';
import type { ClientAccessService, ClientSession } from '../domain/client-access/client-access.service.js';
import type { MyDataService } from '../domain/client-access/my-data.service.js';
import type { ClientsService } from '../domain/clients/clients.service.js';
import type { TeamAgendaService } from '../domain/team-agenda/team-agenda.service.js';
import type { AllianceService, FeedbackServices, FollowUpService, PreparationHelpService } from '../domain/client-feedback/index.js';
import type { ConsentService } from '../domain/consent/consent.service.js';
import type { ReviewServices } from '../domain/reviews/index.js';
import type { LearningServices } from '../domain/learning/index.js';
import type { PlaybackService } from '../domain/recordings/playback.service.js';
import type { RecordingsService } from '../domain/recordings/recordings.service.js';
import type { RecordingUploads } from '../domain/recordings/uploads.js';
import type { RhythmService } from '../domain/rhythm/rhythm.service.js';
import type { NotificationsService } from '../domain/notifications/notifications.service.js';
import type { InsightService } from '../domain/insight/insight.service.js';
import type { SignalsService } from '../domain/signals/signals.service.js';
import type { OrganisationPictureServices } from '../domain/organisation-picture/index.js';
import type { UploadStore } from '../storage/uploads.js';
import type { Locker } from '@tus/server';
import type { RateLimitCounter } from './plugins/rate-limit-store.js';
import type { RequireSessionOptions, SessionCookieOptions } from './plugins/session.js';

/** What route modules may use: services and request helpers, never repositories or the database. */
export interface HttpContext {
  services: {
    auth: AuthService;
    admin: AdminService;
    passwordResets: PasswordResetService;
    clientAccess: ClientAccessService;
    clients: ClientsService;
    consent: ConsentService;
    feedback: FeedbackServices;
    preparationHelp: PreparationHelpService;
    alliance: AllianceService;
    followUps: FollowUpService;
    reviews: ReviewServices;
    recordings: RecordingsService;
    recordingUploads: RecordingUploads;
    playback: PlaybackService;
    learning: LearningServices;
    rhythm: RhythmService;
    notifications: NotificationsService;
    insight: InsightService;
    declineReasons: DeclineReasonsService;
    myData: MyDataService;
    sso: OidcService;
    ssoSettings: SsoSettingsService;
    organisationFilm: OrganisationFilmService;
    teamAgenda: TeamAgendaService;
    signals: SignalsService;
    organisationPicture: OrganisationPictureServices;
  };
  /** Resumable uploads (tus): the store and the locker every process shares, and the size limit. */
  uploads: { store: UploadStore; locker: Locker; maxBytes: number };
  /** Staff: session cookie + CSRF on state changes; throws 401/403 otherwise. */
  requireSession(request: FastifyRequest, options?: RequireSessionOptions): Promise<AuthenticatedSession>;
  /** The staff member behind a request: `requireSession(request)` and then its actor. */
  actorOf(request: FastifyRequest): Promise<Actor>;
  /** Clients: their own cookie from link + code (or a hand-over in the room) + CSRF. */
  requireClient(request: FastifyRequest): Promise<ClientSession>;
  clientSessionMinutes: number;
  /** Origin for links shown to people (PUBLIC_URL, else the request's own). */
  publicOrigin(request: FastifyRequest): string;
  cookie: SessionCookieOptions;
  /** Per-address limit for log-in, invitation and client-code attempts, on top of account lockouts. */
  credentialAttemptsPerMinute: number;
  /** Where those attempts are counted: shared by every API process. */
  rateLimitCounter: RateLimitCounter;
  isReady(): Promise<boolean>;
  /** Where the identity provider sends people back (OIDC_REDIRECT_BASE); undefined without SSO. */
  ssoRedirectUri?: string | undefined;
}
