import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ClientSessionResponse, contract } from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { ClientButton } from '../../components/client/index.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { clientFeedbackKeys, useClientFeedbackOverview } from './api.js';
import { call } from '../../api/client.js';

/**
 * On the client's own page: take back everything they said in the feedback part. Their key is
 * destroyed on the server, so it is gone everywhere at once; the professional only sees that it
 * was erased. Like stopping a recording, only with the client's own link and code, never on the
 * professional's device. Saying no is as easy as saying yes.
 */
export function ClientEraseWords({ session }: { session: ClientSessionResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const overview = useClientFeedbackOverview();
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: () => call(contract.clientFeedback.erase),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: clientFeedbackKeys.overview });
    },
  });
  const data = overview.data;
  if (!data || (data.conversations.length === 0 && data.followUps.length === 0 && !erase.isSuccess)) return null;

  return (
    <section aria-labelledby="sk-feedback-erase" className="sk-feedback-erase">
      <h2 id="sk-feedback-erase">{t('feedback.erase.title')}</h2>
      {erase.isSuccess ? (
        <div className="sk-client-note" role="status">
          <Pictogram name="check" />
          <p>{t('feedback.erase.done')}</p>
        </div>
      ) : session.via !== 'link' ? (
        <p>{t('feedback.erase.ownDevice')}</p>
      ) : confirming ? (
        <div className="sk-client-card">
          <h3 className="sk-client-card__title" tabIndex={-1} ref={(node) => node?.focus()}>
            {t('feedback.erase.confirmTitle')}
          </h3>
          <p>{t('feedback.erase.confirmText')}</p>
          <p>{t('feedback.erase.groupNote')}</p>
          {erase.error ? (
            <p role="alert" className="sk-client-alert">
              {errorText(erase.error)}
            </p>
          ) : null}
          <div className="sk-client-actions">
            <ClientButton appearance="primary" icon="trash" onClick={() => erase.mutate()} disabled={erase.isPending}>
              {erase.isPending ? t('feedback.erase.busy') : t('feedback.erase.confirm')}
            </ClientButton>
            <ClientButton appearance="secondary" icon="arrowLeft" onClick={() => setConfirming(false)}>
              {t('feedback.erase.cancel')}
            </ClientButton>
          </div>
        </div>
      ) : (
        <>
          <p>{t('feedback.erase.intro')}</p>
          <ClientButton appearance="secondary" icon="trash" onClick={() => setConfirming(true)}>
            {t('feedback.erase.start')}
          </ClientButton>
        </>
      )}
    </section>
  );
}
