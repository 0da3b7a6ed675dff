import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '@utrecht/button-react';
import { contract } from '@spreekkamer/shared';
import { applyClientSession } from '../../api/client-session.js';
import { clientFeedbackPaths } from '../../lib/client-paths.js';
import { formatDay } from '../../lib/format.js';
import { Alert } from '../../components/Alert.js';
import { Paragraph } from '../../components/Paragraph.js';
import { feedbackKeys } from './api.js';
import { MutationError } from '../../components/QueryState.js';
import { call } from '../../api/client.js';

/**
 * Hands the client a short alliance check: it appears on the client's own page, or the
 * professional gives their own device to the client right away.
 */
export function AllianceHandOut({ clientId, pseudonym, feedbackId = null }: { clientId: string; pseudonym: string; feedbackId?: string | null }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [ready, setReady] = useState<{ id: string; expiresAt: string } | null>(null);
  const create = useMutation({
    mutationFn: () => call(contract.alliance.request, { body: { clientId, feedbackId } }),
    onSuccess: async (created) => {
      setReady(created);
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.trend(clientId) });
    },
  });
  const handOver = useMutation({
    mutationFn: () => call(contract.clientAccess.handOver, { params: { id: clientId } }),
    onSuccess: async (session) => {
      applyClientSession(queryClient, session);
      if (ready) await navigate(clientFeedbackPaths.check(ready.id));
    },
  });
  const error = create.error ?? handOver.error;
  return (
    <div className="sk-stack">
      <MutationError error={error} />
      {ready ? (
        <>
          <Alert type="ok" role="status">
            <Paragraph>{t('feedback.alliance.ready', { name: pseudonym, date: formatDay(ready.expiresAt, i18n.language) })}</Paragraph>
          </Alert>
          <div className="sk-actions">
            <Button appearance="primary-action-button" busy={handOver.isPending} onClick={() => handOver.mutate()}>
              {t('feedback.alliance.handOver', { name: pseudonym })}
            </Button>
          </div>
        </>
      ) : (
        <div className="sk-actions">
          <Button appearance="secondary-action-button" busy={create.isPending} onClick={() => create.mutate()}>
            {t('feedback.alliance.handOut', { name: pseudonym })}
          </Button>
        </div>
      )}
    </div>
  );
}
