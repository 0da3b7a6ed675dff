import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useNotifications } from './api.js';

/** In the header: a bell with the number of unread notifications, leading to the list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  return (
    <RouterLink to="/meldingen" className="sk-bell" aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" className="sk-icon">
        <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zM9.5 18.5a2.5 2.5 0 0 0 5 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      </svg>
      {unread > 0 ? (
        <span className="sk-bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </RouterLink>
  );
}
