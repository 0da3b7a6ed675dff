import { useTranslation } from 'react-i18next';
import { ButtonLink, Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { signalPaths, useMySignals, useSignalAccess } from './api.js';
import { SignalCard } from './SignalCard.js';
import './signals.css';

/** "Mijn signalen": what the person sent, with its status and answer (notifications link here). */
export function MySignalsPage() {
  const { t } = useTranslation();
  const signals = useMySignals();
  const access = useSignalAccess();
  return (
    <Page title={t('signals.mine.title')} intro={t('signals.mine.intro')}>
      <Paragraph>
        <ButtonLink to={signalPaths.new} appearance="primary-action">
          {t('signals.mine.new')}
        </ButtonLink>
      </Paragraph>
      {access.data && (access.data.policy || access.data.management) ? (
        <Paragraph>
          <Link to={signalPaths.inbox}>{t('signals.mine.toInbox')}</Link>
        </Paragraph>
      ) : null}
      <QueryStatus query={signals} loadingLabel={t('signals.mine.loading')} />
      {signals.data && signals.data.signals.length === 0 ? <Paragraph>{t('signals.mine.empty')}</Paragraph> : null}
      {signals.data && signals.data.signals.length > 0 ? (
        <ul className="sk-signal-list">
          {signals.data.signals.map((signal) => (
            <li key={signal.id}>
              <SignalCard signal={signal} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
