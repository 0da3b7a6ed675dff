import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { signalPaths, useSignalInbox } from './api.js';

/** On a policy advisor's home page: the open signals, from the same query as the inbox page. */
export function SignalsInboxHomeSection() {
  const { t } = useTranslation();
  const inbox = useSignalInbox();
  if (inbox.error instanceof ApiError && inbox.error.status === 404) return null;
  return (
    <>
      <QueryStatus query={inbox} loadingLabel={t('signals.inbox.loading')} />
      {inbox.data ? <Paragraph>{inbox.data.open > 0 ? t('signals.inbox.open', { count: inbox.data.open }) : t('signals.inbox.noneOpen')}</Paragraph> : null}
      <Paragraph>
        <Link to={signalPaths.inbox}>{t('signals.inbox.toPage')}</Link>
      </Paragraph>
    </>
  );
}

/** On a professional's home page: the way to send a signal and to one's own signals. */
export function SignalsSendHomeSection() {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('signals.home.intro')}</Paragraph>
      <ul>
        <li>
          <Link to={signalPaths.new}>{t('signals.home.new')}</Link>
        </li>
        <li>
          <Link to={signalPaths.mine}>{t('signals.mine.title')}</Link>
        </li>
      </ul>
    </>
  );
}
