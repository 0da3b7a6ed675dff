import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { CheckboxField } from '../../components/fields.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { digestKeys, useDigest } from './api.js';
import { call } from '../../api/client.js';

/** On "Mijn account": the person's own choice of a daily e-mail with the number of new notifications. */
export function DigestSetting() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const digest = useDigest();
  const save = useMutation({
    mutationFn: (enabled: boolean) => call(contract.notifications.setDigest, { body: { enabled } }),
    onSuccess: (next) => queryClient.setQueryData(digestKeys.all, next),
  });
  if (digest.isPending || digest.error) return <QueryStatus query={digest} />;
  if (!digest.data.available) return <Paragraph>{t('notifications.digest.unavailable')}</Paragraph>;
  return (
    <div aria-busy={save.isPending}>
      <CheckboxField
        id="account-digest"
        label={t('notifications.digest.label')}
        description={t('notifications.digest.description')}
        checked={digest.data.enabled}
        disabled={save.isPending}
        onChange={(enabled) => save.mutate(enabled)}
      />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t(digest.data.enabled ? 'notifications.digest.on' : 'notifications.digest.off')}</Paragraph>
        </Alert>
      ) : null}
      <MutationError error={save.error} />
    </div>
  );
}
