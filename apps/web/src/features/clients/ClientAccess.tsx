import { useEffect, useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { type Client, contract } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { CheckboxField } from '../../components/fields.js';
import { Paragraph } from '../../components/Paragraph.js';
import i18n, { useLanguageLoaded } from '../../i18n/index.js';
import { MutationError } from '../../components/QueryState.js';
import { clientKeys } from './api.js';
import { directionOf } from '../../components/client/languages.js';
import { call } from '../../api/client.js';

interface Issued {
  link: string;
  code: string;
  qrSrc: string;
  email: 'sent' | 'failed' | null;
}

/**
 * Makes the client's personal link and code, shows them once (link, QR code, code) and prints a
 * card in the client's language to take home. Printing hides the rest of the page.
 */
export function ClientAccess({ client }: { client: Client }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [sendByEmail, setSendByEmail] = useState(false);
  const issue = useMutation({
    mutationFn: () =>
      call(contract.clientAccess.issue, { params: { id: client.id }, body: { sendByEmail: client.canEmailLink && sendByEmail } }),
    onSuccess: async (result) => {
      setIssued({
        link: `${window.location.origin}${result.path}`,
        code: result.code,
        qrSrc: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.qrSvg)}`,
        email: result.email,
      });
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });

  useEffect(() => {
    const done = () => document.body.classList.remove('sk-printing-card');
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);

  function printCard() {
    document.body.classList.add('sk-printing-card');
    window.print();
  }

  const hasAccess = client.hasAccess || issued !== null;
  // The card is printed in the client's language: its texts may still be on their way.
  useLanguageLoaded(client.locale);
  const card = i18n.getFixedT(client.locale);
  return (
    <div className="sk-stack">
      <Paragraph>{t('clients.access.intro')}</Paragraph>
      {hasAccess && !issued ? <Paragraph>{t('clients.access.hasAccess')}</Paragraph> : null}
      <MutationError error={issue.error} />
      {client.canEmailLink && client.contact ? (
        <CheckboxField
          id={`${id}-email`}
          label={t('clients.access.sendByEmail', { address: client.contact })}
          description={t('clients.access.sendByEmailHint')}
          checked={sendByEmail}
          onChange={setSendByEmail}
        />
      ) : null}
      <div className="sk-actions">
        <Button appearance={hasAccess ? 'secondary-action-button' : 'primary-action-button'} busy={issue.isPending} onClick={() => issue.mutate()}>
          {hasAccess ? t('clients.access.renew') : t('clients.access.create')}
        </Button>
      </div>
      {issued ? (
        <>
          <Alert type="warning" role="status">
            <Paragraph>{t('clients.access.once')}</Paragraph>
          </Alert>
          {issued.email === 'sent' ? (
            <Alert type="ok" role="status">
              <Paragraph>{t('clients.access.emailSent', { address: client.contact ?? '' })}</Paragraph>
            </Alert>
          ) : null}
          {issued.email === 'failed' ? (
            <Alert type="error" role="alert">
              <Paragraph>{t('clients.access.emailFailed')}</Paragraph>
            </Alert>
          ) : null}
          <dl className="sk-access">
            <dt>{t('clients.access.link')}</dt>
            <dd className="sk-access__link">{issued.link}</dd>
            <dt>{t('clients.access.code')}</dt>
            <dd className="sk-access__code" data-testid="client-code">
              {issued.code}
            </dd>
          </dl>
          <img className="sk-access__qr" src={issued.qrSrc} alt={t('clients.access.qr')} width={180} height={180} />
          <div className="sk-actions">
            <Button appearance="primary-action-button" onClick={printCard}>
              {t('clients.access.print')}
            </Button>
          </div>
          <section className="sk-print-card" aria-label={card('clients.card.title')} lang={client.locale} dir={directionOf(client.locale)}>
            <h2>{card('clients.card.title')}</h2>
            <p>{card('clients.card.scan')}</p>
            <img src={issued.qrSrc} alt="" width={200} height={200} />
            <p className="sk-print-card__link" dir="ltr">
              {issued.link}
            </p>
            <p>
              {card('clients.card.code')}: <strong className="sk-print-card__code" dir="ltr">
                {issued.code}
              </strong>
            </p>
            <p>{card('clients.card.keep')}</p>
            <p>{card('clients.card.lost')}</p>
          </section>
        </>
      ) : null}
    </div>
  );
}
