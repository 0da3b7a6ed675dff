import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.js';
import { Link } from './components/Links.js';
import { Page } from './components/Page.js';
import { Paragraph } from './components/Paragraph.js';
import { lazyPage } from './components/lazyPage.js';
import { RequirePermission, RequireSession, totpSetupPath } from './features/auth/guards.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { SsoRefusedPage } from './features/auth/SsoLogin.js';
import { HomePage } from './features/home/HomePage.js';
import { LazyRecordingPage } from './features/recordings/LazyRecordingPage.js';
import {
  LazyAllianceOverviewPage,
  LazyConversationScreen,
  LazyFeedbackListPage,
  LazyFeedbackPage,
} from './features/feedback/routes.js';
import {
  LazyClientTalkReviewerPage,
  LazyGuideAdminPage,
  LazyPeerGroupsPage,
  LazyFeedbackGuidePage,
  LazyReportPage,
  LazyReviewMeetingPage,
  LazyReviewRoomPage,
  LazySharedViewerPage,
  LazyPolicySharesPage,
  LazySharedWithMePage,
  LazyAnonymousPointsPage,
} from './features/reviews/routes.js';
import { LazyCoachPage, LazyLearningPage, LazyPlanPage } from './features/learning/routes.js';
import { LazyAgendaOverviewPage, LazyMeetingsPage, LazyTeamAgendaPage } from './features/team-agenda/routes.js';
import { LazyMySignalsPage, LazyNewSignalPage, LazySignalInboxPage, LazySignalPage } from './features/signals/routes.js';
import { lazyClientPage, LazyClientTalkPage } from './client/routes.js';

// Only the staff log-in and home pages are in the first download; every other page, and all of the
// client's pages (their own, smaller download), come when they are opened.
const AccountPage = lazyPage(() => import('./features/account/AccountPage.js').then((m) => m.AccountPage));
const TotpSetupPage = lazyPage(() => import('./features/account/TotpSetupPage.js').then((m) => m.TotpSetupPage));
const AuditPage = lazyPage(() => import('./features/admin/AuditPage.js').then((m) => m.AuditPage));
const SettingsPage = lazyPage(() => import('./features/admin/SettingsPage.js').then((m) => m.SettingsPage));
const ProcessingRegisterPage = lazyPage(() => import('./features/admin/ProcessingRegisterPage.js').then((m) => m.ProcessingRegisterPage));
const TeamsPage = lazyPage(() => import('./features/admin/TeamsPage.js').then((m) => m.TeamsPage));
const UsersPage = lazyPage(() => import('./features/admin/UsersPage.js').then((m) => m.UsersPage));
const InvitationPage = lazyPage(() => import('./features/auth/InvitationPage.js').then((m) => m.InvitationPage));
const PasswordResetPage = lazyPage(() => import('./features/auth/PasswordResetPage.js').then((m) => m.PasswordResetPage));
const NotificationsPage = lazyPage(() => import('./features/notifications/NotificationsPage.js').then((m) => m.NotificationsPage));
const ClientPage = lazyPage(() => import('./features/clients/ClientPage.js').then((m) => m.ClientPage));
const ClientsPage = lazyPage(() => import('./features/clients/ClientsPage.js').then((m) => m.ClientsPage));
const NewClientPage = lazyPage(() => import('./features/clients/NewClientPage.js').then((m) => m.NewClientPage));
const ConversationPage = lazyPage(() => import('./features/conversations/ConversationPage.js').then((m) => m.ConversationPage));
const RecordingExplainerPage = lazyPage(() => import('./features/explainer/RecordingExplainerPage.js').then((m) => m.RecordingExplainerPage));
const PreparationHelpPage = lazyPage(() => import('./features/feedback/PreparationHelpPages.js').then((m) => m.PreparationHelpPage));
const CodePage = lazyClientPage(() => import('./client/pages/CodePage.js').then((m) => m.CodePage));
const ClientHomePage = lazyClientPage(() => import('./client/pages/ClientHomePage.js').then((m) => m.ClientHomePage));
const ConsentCopyPage = lazyClientPage(() => import('./client/pages/ConsentCopyPage.js').then((m) => m.ConsentCopyPage));
const ConsentFlowPage = lazyClientPage(() => import('./client/pages/ConsentFlowPage.js').then((m) => m.ConsentFlowPage));
const WithdrawPage = lazyClientPage(() => import('./client/pages/WithdrawPage.js').then((m) => m.WithdrawPage));
const MyDataPage = lazyClientPage(() => import('./client/pages/MyDataPage.js').then((m) => m.MyDataPage));
const ExplainerPage = lazyClientPage(() => import('./client/pages/ExplainerPage.js').then((m) => m.ExplainerPage));
const ClientFeedbackPage = lazyClientPage(() => import('./client/feedback/ClientFeedbackPage.js').then((m) => m.ClientFeedbackPage));
const AllianceCheckPage = lazyClientPage(() => import('./client/feedback/AllianceCheckPage.js').then((m) => m.AllianceCheckPage));
const ClientFollowUpPage = lazyClientPage(() => import('./client/feedback/ClientFollowUpPage.js').then((m) => m.ClientFollowUpPage));
const TeamInsightPage = lazyPage(() => import('./features/insight/InsightPage.js').then((m) => () => <m.InsightPage scope="teams" />));
const SurveyPage = lazyPage(() => import('./features/organisation-picture/SurveyPage.js').then((m) => m.SurveyPage));
const SurveyQuestionsPage = lazyPage(() => import('./features/organisation-picture/SurveyQuestionsPage.js').then((m) => m.SurveyQuestionsPage));
const KarListPage = lazyPage(() => import('./features/organisation-picture/KarListPage.js').then((m) => m.KarListPage));
const KarCanvasPage = lazyPage(() => import('./features/organisation-picture/KarCanvasPage.js').then((m) => m.KarCanvasPage));
const YearlyPicturePage = lazyPage(() => import('./features/organisation-picture/YearlyPicturePage.js').then((m) => m.YearlyPicturePage));
const OrganisationInsightPage = lazyPage(() => import('./features/insight/InsightPage.js').then((m) => () => <m.InsightPage scope="organisation" />));

export function App() {
  return (
    <Routes>
      {/* Client pages: their own frame (ClientShell) and their own session, no staff layout. */}
      <Route path="/k/:token" element={<CodePage />} />
      <Route path="/klant" element={<ClientHomePage />} />
      <Route path="/klant/uitleg" element={<ExplainerPage />} />
      <Route path="/klant/toestemming/:conversationId" element={<ConsentFlowPage />} />
      <Route path="/klant/kopie/:consentId" element={<ConsentCopyPage />} />
      <Route path="/klant/stoppen/:consentId" element={<WithdrawPage />} />
      <Route path="/klant/mijn-gegevens" element={<MyDataPage />} />
      <Route path="/klant/samenleergesprek/:id" element={<ClientFeedbackPage />} />
      <Route path="/klant/samenleergesprek/:id/samenvatting" element={<ClientFeedbackPage />} />
      <Route path="/klant/check/:id" element={<AllianceCheckPage />} />
      <Route path="/klant/terugkoppeling/:id" element={<ClientFollowUpPage />} />
      <Route path="/klant/nabespreken" element={<LazyClientTalkPage />} />
      <Route element={<Layout />}>
        <Route path="/inloggen" element={<LoginPage />} />
        <Route path="/inloggen/organisatie-account" element={<SsoRefusedPage />} />
        <Route path="/uitnodiging/:token" element={<InvitationPage />} />
        <Route path="/wachtwoord-herstellen" element={<PasswordResetPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<HomePage />} />
          <Route path={totpSetupPath} element={<TotpSetupPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/meldingen" element={<NotificationsPage />} />
          <Route element={<RequirePermission permission="recordings.own" />}>
            <Route path="/opnames/:id" element={<LazyRecordingPage />} />
            <Route path="/opnames/:id/bekijken" element={<LazyReviewRoomPage />} />
            <Route path="/opnames/:id/verslag" element={<LazyReportPage />} />
            <Route path="/punten-zonder-naam" element={<LazyAnonymousPointsPage />} />
            <Route path="/uitleg/opname" element={<RecordingExplainerPage />} />
          </Route>
          <Route element={<RequirePermission permission="shares.received" />}>
            <Route path="/gedeeld" element={<LazySharedWithMePage />} />
            <Route path="/gedeeld/voorbereiding/:id" element={<PreparationHelpPage />} />
            <Route path="/gedeeld/:shareId" element={<LazySharedViewerPage />} />
            <Route path="/gedeeld/:shareId/nagesprek" element={<LazyReviewMeetingPage />} />
            <Route path="/gedeeld/:shareId/clientgesprek" element={<LazyClientTalkReviewerPage />} />
            <Route path="/intervisie" element={<LazyPeerGroupsPage />} />
            <Route path="/zo-geef-je-feedback" element={<LazyFeedbackGuidePage />} />
          </Route>
          {/* "Kijk met ons mee": policy advisors and management team members (checked per share by the server). */}
          <Route element={<RequirePermission permission="shares.policy" />}>
            <Route path="/kijk-met-ons-mee" element={<LazyPolicySharesPage />} />
            <Route path="/kijk-met-ons-mee/:shareId" element={<LazySharedViewerPage />} />
          </Route>
          <Route element={<RequirePermission permission="learning.own" />}>
            <Route path="/leren" element={<LazyLearningPage />} />
            <Route path="/leren/ontwikkelplan" element={<LazyPlanPage />} />
          </Route>
          <Route element={<RequirePermission permission="learning.coach" />}>
            <Route path="/leren/coach/:id" element={<LazyCoachPage />} />
          </Route>
          <Route element={<RequirePermission permission="clients.own" />}>
            <Route path="/clienten" element={<ClientsPage />} />
            <Route path="/samenleergesprekken" element={<LazyFeedbackListPage />} />
            <Route path="/samenleergesprekken/:id" element={<LazyFeedbackPage />} />
            <Route path="/samenleergesprekken/:id/gesprek" element={<LazyConversationScreen />} />
            <Route path="/samenwerkingscheck" element={<LazyAllianceOverviewPage />} />
            <Route path="/clienten/nieuw" element={<NewClientPage />} />
            <Route path="/clienten/:id" element={<ClientPage />} />
            <Route path="/gesprekken/:id" element={<ConversationPage />} />
          </Route>
          <Route element={<RequirePermission permission="agenda.team" />}>
            <Route path="/leeragenda" element={<LazyAgendaOverviewPage />} />
            <Route path="/leeragenda/:teamId" element={<LazyTeamAgendaPage />} />
            <Route path="/leeragenda/:teamId/werkoverleg" element={<LazyMeetingsPage />} />
          </Route>
          <Route element={<RequirePermission permission="insight.team" />}>
            <Route path="/inzicht/teams" element={<TeamInsightPage />} />
          </Route>
          <Route element={<RequirePermission permission="insight.organisation" />}>
            <Route path="/inzicht/organisatie" element={<OrganisationInsightPage />} />
          </Route>
          <Route element={<RequirePermission permission="signals.send" />}>
            <Route path="/signalen" element={<LazyMySignalsPage />} />
            <Route path="/signalen/nieuw" element={<LazyNewSignalPage />} />
          </Route>
          <Route element={<RequirePermission permission="signals.receive" />}>
            <Route path="/signalen/ontvangen" element={<LazySignalInboxPage />} />
            <Route path="/signalen/ontvangen/:id" element={<LazySignalPage />} />
          </Route>
          <Route element={<RequirePermission permission="survey.view" />}>
            <Route path="/klanttevredenheid" element={<SurveyPage />} />
            <Route path="/klanttevredenheid/vragen" element={<SurveyQuestionsPage />} />
          </Route>
          <Route element={<RequirePermission permission="kar.canvas" />}>
            <Route path="/kar" element={<KarListPage />} />
            <Route path="/kar/:id" element={<KarCanvasPage />} />
            <Route path="/kar/:id/jaarbeeld" element={<YearlyPicturePage />} />
          </Route>
          <Route element={<RequirePermission permission="admin.users" />}>
            <Route path="/beheer/gebruikers" element={<UsersPage />} />
          </Route>
          <Route element={<RequirePermission permission="admin.teams" />}>
            <Route path="/beheer/teams" element={<TeamsPage />} />
          </Route>
          <Route element={<RequirePermission permission="admin.settings" />}>
            <Route path="/beheer/instellingen" element={<SettingsPage />} />
            <Route path="/beheer/kijkwijzer" element={<LazyGuideAdminPage />} />
            <Route path="/beheer/verwerkingsregister" element={<ProcessingRegisterPage />} />
          </Route>
          <Route element={<RequirePermission permission="admin.audit" />}>
            <Route path="/beheer/logboek" element={<AuditPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('common.toHome')}</Link>
      </Paragraph>
    </Page>
  );
}
