import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.js';
import { Link } from './components/Links.js';
import { Page } from './components/Page.js';
import { Paragraph } from './components/Paragraph.js';
import { AccountPage } from './features/account/AccountPage.js';
import { TotpSetupPage } from './features/account/TotpSetupPage.js';
import { AuditPage } from './features/admin/AuditPage.js';
import { SettingsPage } from './features/admin/SettingsPage.js';
import { ProcessingRegisterPage } from './features/admin/ProcessingRegisterPage.js';
import { TeamsPage } from './features/admin/TeamsPage.js';
import { UsersPage } from './features/admin/UsersPage.js';
import { RequirePermission, RequireSession, totpSetupPath } from './features/auth/guards.js';
import { InvitationPage } from './features/auth/InvitationPage.js';
import { PasswordResetPage } from './features/auth/PasswordResetPage.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { HomePage } from './features/home/HomePage.js';
import { NotificationsPage } from './features/notifications/NotificationsPage.js';
import { InsightPage } from './features/insight/InsightPage.js';
import { LazyRecordingPage } from './features/recordings/LazyRecordingPage.js';
import { ClientPage } from './features/clients/ClientPage.js';
import { ClientsPage } from './features/clients/ClientsPage.js';
import { NewClientPage } from './features/clients/NewClientPage.js';
import { ConversationPage } from './features/conversations/ConversationPage.js';
import { ClientHomePage } from './client/pages/ClientHomePage.js';
import { CodePage } from './client/pages/CodePage.js';
import { ConsentCopyPage } from './client/pages/ConsentCopyPage.js';
import { ConsentFlowPage } from './client/pages/ConsentFlowPage.js';
import { WithdrawPage } from './client/pages/WithdrawPage.js';
import { ExplainerPage } from './client/pages/ExplainerPage.js';
import { RecordingExplainerPage } from './features/explainer/RecordingExplainerPage.js';
import { PreparationHelpPage } from './features/feedback/PreparationHelpPages.js';
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
  LazySharedWithMePage,
  LazyAnonymousPointsPage,
} from './features/reviews/routes.js';
import { LazyCoachPage, LazyLearningPage, LazyPlanPage } from './features/learning/routes.js';
import { LazyAllianceCheckPage, LazyClientFeedbackPage, LazyClientFollowUpPage, LazyClientTalkPage } from './client/routes.js';

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
      <Route path="/klant/samenleergesprek/:id" element={<LazyClientFeedbackPage />} />
      <Route path="/klant/samenleergesprek/:id/samenvatting" element={<LazyClientFeedbackPage />} />
      <Route path="/klant/check/:id" element={<LazyAllianceCheckPage />} />
      <Route path="/klant/terugkoppeling/:id" element={<LazyClientFollowUpPage />} />
      <Route path="/klant/nabespreken" element={<LazyClientTalkPage />} />
      <Route element={<Layout />}>
        <Route path="/inloggen" element={<LoginPage />} />
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
          <Route element={<RequirePermission permission="insight.team" />}>
            <Route path="/inzicht/teams" element={<InsightPage scope="teams" />} />
          </Route>
          <Route element={<RequirePermission permission="insight.organisation" />}>
            <Route path="/inzicht/organisatie" element={<InsightPage scope="organisation" />} />
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
