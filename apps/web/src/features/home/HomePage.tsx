import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Role, SessionResponse } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import type { TranslationKey } from '../../i18n/keys.js';
import { PasswordResetNotice } from '../account/PasswordResetNotice.js';
import { useSession } from '../auth/session.js';
import { RecordingsOverview } from '../recordings/RecordingsOverview.js';
import { FeedbackHomeSection } from '../feedback/FeedbackHomeSection.js';
import { DeclineTotals } from '../insight/DeclineTotals.js';
import { CoachingHomeSection, LearningHomeSection } from '../learning/HomeSections.js';
import { ReceivedSharesSummary } from '../reviews/ReceivedSharesSummary.js';
import { PolicySharesSummary } from '../reviews/PolicySharesSummary.js';
import { InsightHomeSection } from '../insight/InsightHomeSection.js';
import { TeamAgendaHomeSection } from '../team-agenda/TeamAgendaHomeSection.js';
import { SignalsInboxHomeSection, SignalsSendHomeSection } from '../signals/SignalsHomeSection.js';
import { OrganisationPictureHomeSection } from '../organisation-picture/HomeSection.js';

const adminTiles: ReadonlyArray<{ to: string; title: TranslationKey; text: TranslationKey }> = [
  { to: '/beheer/gebruikers', title: 'nav.users', text: 'home.admin.usersText' },
  { to: '/beheer/teams', title: 'nav.teams', text: 'home.admin.teamsText' },
  { to: '/beheer/instellingen', title: 'nav.settings', text: 'home.admin.settingsText' },
  { to: '/beheer/logboek', title: 'nav.audit', text: 'home.admin.auditText' },
  { to: '/klanttevredenheid', title: 'kar.nav.survey', text: 'kar.home.adminText' },
];

const roleOrder: readonly Role[] = ['professional', 'reviewer', 'manager', 'policy_advisor', 'administrator'];

export function HomePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!session) return null;
  const firstName = session.user.name.split(' ')[0] ?? session.user.name;
  const roles = roleOrder.filter((role) => session.user.roles.includes(role));

  return (
    <Page title={t('home.title', { name: firstName })} documentTitle={t('home.documentTitle')} intro={t('home.intro')} breadcrumbs={false}>
      <PasswordResetNotice session={session} recentOnly />
      {roles.length === 0 ? <Paragraph>{t('home.noRoles')}</Paragraph> : null}
      <div className="sk-role-sections">
        {roles.map((role) => (
          <RoleSection key={role} role={role} session={session} />
        ))}
      </div>
    </Page>
  );
}

function Card({ id, title, children, role }: { id: string; title: string; children: ReactNode; role: Role | 'method' }) {
  return (
    <section className={`sk-card sk-card--${role}`} aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function RoleSection({ role, session }: { role: Role; session: SessionResponse }) {
  const { t } = useTranslation();
  const id = `home-${role}`;
  switch (role) {
    case 'professional':
      // One card per subject: recordings, client feedback and the method each under their own heading.
      return (
        <>
          <Card id={id} role={role} title={t('home.professional.title')}>
            <LearningHomeSection />
            <TeamAgendaHomeSection />
            <RecordingsOverview />
            <Paragraph small>{t('home.professional.private')}</Paragraph>
          </Card>
          <Card id={`${id}-feedback`} role={role} title={t('feedback.home.title')}>
            <FeedbackHomeSection />
          </Card>
          <Card id={`${id}-signals`} role={role} title={t('signals.home.title')}>
            <SignalsSendHomeSection />
          </Card>
          <Card id={`${id}-method`} role="method" title={t('home.professional.methodTitle')}>
            <ol className="sk-method">
              <li>
                <strong>{t('home.professional.step1Title')}</strong> {t('home.professional.step1Text')}
              </li>
              <li>
                <strong>{t('home.professional.step2Title')}</strong> {t('home.professional.step2Text')}
              </li>
              <li>
                <strong>{t('home.professional.step3Title')}</strong> {t('home.professional.step3Text')}
              </li>
            </ol>
          </Card>
        </>
      );
    case 'reviewer':
      return (
        <Card id={id} role={role} title={t('home.reviewer.title')}>
          <ReceivedSharesSummary />
          <CoachingHomeSection />
          <Paragraph small>{t('home.reviewer.next')}</Paragraph>
        </Card>
      );
    case 'manager':
      return (
        <Card id={id} role={role} title={t('home.manager.title')}>
          {session.user.teams.length > 0 ? (
            <Paragraph>
              {t('home.manager.teams', { teams: session.user.teams.map((team) => team.name).join(', ') })}
            </Paragraph>
          ) : null}
          {/* Someone who is also a professional sees the agenda in that card already. */}
          {session.user.roles.includes('professional') ? null : <TeamAgendaHomeSection />}
          <InsightHomeSection scope="teams" />
          {/* Only a management team member receives fragments; a manager who is also a policy advisor sees them in that card. */}
          {session.user.roles.includes('policy_advisor') ? null : <PolicySharesSummary quietWhenEmpty />}
          <OrganisationPictureHomeSection />
          <Paragraph small>{t('home.manager.never')}</Paragraph>
          <DeclineTotals />
        </Card>
      );
    case 'policy_advisor':
      return (
        <Card id={id} role={role} title={t('home.policy.title')}>
          <InsightHomeSection scope="organisation" />
          <PolicySharesSummary />
          <SignalsInboxHomeSection />
          {session.user.roles.includes('manager') ? null : <OrganisationPictureHomeSection />}
          <Paragraph small>{t('home.policy.never')}</Paragraph>
          {session.user.roles.includes('manager') ? null : <DeclineTotals />}
        </Card>
      );
    case 'administrator':
      return (
        <Card id={id} role={role} title={t('home.admin.title')}>
          <Paragraph>{t('home.admin.intro')}</Paragraph>
          <ul className="sk-tiles">
            {adminTiles.map((tile) => (
              <li key={tile.to}>
                <RouterLink to={tile.to} className="sk-tile">
                  <span className="sk-tile__title">{t(tile.title)}</span>
                  <span className="sk-tile__text">{t(tile.text)}</span>
                </RouterLink>
              </li>
            ))}
          </ul>
          <Paragraph small>{t('home.admin.never')}</Paragraph>
        </Card>
      );
  }
}
