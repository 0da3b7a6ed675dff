import { useTranslation } from 'react-i18next';
import type { RecordingNotice } from '@spreekkamer/shared';
import { Link } from '../../components/Links.js';
import { formatDay } from '../../lib/format.js';

/**
 * Things worth knowing, said quietly: a plain list, not an alert. Removed recordings are named
 * without a reason beyond what happened (the client's reasons are never known here).
 */
export function Notices({ notices }: { notices: readonly RecordingNotice[] }) {
  const { t, i18n } = useTranslation();
  if (notices.length === 0) return null;
  const locale = i18n.language;
  return (
    <ul className="sk-notices">
      {notices.map((notice) => {
        const values = {
          client: notice.clientPseudonym,
          date: formatDay(notice.conversationHeldOn, locale),
          at: formatDay(notice.at, locale),
        };
        return (
          <li key={`${notice.kind}-${notice.recordingId}`} className="sk-notices__item">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="sk-icon">
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
              <path d="M12 11v6M12 7.5v.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            <span>
              {t(`recordings.notice.${notice.kind}`, values)}{' '}
              {notice.kind === 'retention_ending' ? <Link to={`/opnames/${notice.recordingId}`}>{t('recordings.notice.open')}</Link> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
