import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '@utrecht/button-react';
import type { Notification } from '@spreekkamer/shared';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatDateTime } from '../../lib/format.js';
import { markAllRead, markRead, notificationKeys, useNotifications } from './api.js';

/** /meldingen — what happened that concerns me; opening one marks it as read. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const open = useMutation({
    mutationFn: (notification: Notification) => (notification.read ? Promise.resolve(null) : markRead(notification.id)),
    onSettled: async (_result, _error, notification) => {
      await refresh();
      await navigate(notification.link);
    },
  });
  const readAll = useMutation({ mutationFn: markAllRead, onSettled: refresh });

  return (
    <Page title={t('notifications.title')} intro={t('notifications.intro')}>
      <QueryStatus query={notifications} />
      {notifications.data ? (
        <>
          {notifications.data.notifications.length === 0 ? <Paragraph>{t('notifications.empty')}</Paragraph> : null}
          {notifications.data.unread > 0 ? (
            <Paragraph>
              <Button appearance="secondary-action-button" busy={readAll.isPending} onClick={() => readAll.mutate()}>
                {t('notifications.readAll')}
              </Button>
            </Paragraph>
          ) : null}
          <ul className="sk-notifications">
            {notifications.data.notifications.map((notification) => (
              <li key={notification.id} className={notification.read ? 'sk-notification' : 'sk-notification sk-notification--unread'}>
                <Button appearance="subtle-button" className="sk-notification__open" onClick={() => open.mutate(notification)}>
                  {notification.read ? null : <span className="sk-notification__new">{t('notifications.new')} </span>}
                  {t(`notifications.kinds.${notification.kind}`, { name: notification.actorName ?? t('notifications.someone') })}
                </Button>
                <span className="sk-muted"> {formatDateTime(notification.createdAt, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
