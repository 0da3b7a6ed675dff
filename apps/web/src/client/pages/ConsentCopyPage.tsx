import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ClientSessionResponse, contract } from '@spreekkamer/shared';
import { QueryStatus } from '../../components/QueryState.js';
import { clientPageKeys, personalLinkPath } from '../../api/client-session.js';
import { ClientButton, ClientShell } from '../../components/client/index.js';
import { consentTextFor } from '../../lib/consent-text.js';
import { formatDay } from '../../lib/format.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { Agreements } from './Agreements.js';
import { RequireClient } from './RequireClient.js';
import { ClientNoShare } from './ClientNoShare.js';
import { call } from '../../api/client.js';
import { useErrorText } from '../../components/errors.js';

export function ConsentCopyPage() {
  const { consentId = '' } = useParams();
  return <RequireClient>{(session) => <ConsentCopy session={session} consentId={consentId} />}</RequireClient>;
}

/** The client's copy: printable, with every choice, the date, the text version, and how to stop. */
function ConsentCopy({ session, consentId }: { session: ClientSessionResponse; consentId: string }) {
  const { t, i18n } = useTranslation();
  const copy = useQuery({ queryKey: clientPageKeys.consent(consentId), queryFn: () => call(contract.clientConsent.copy, { params: { id: consentId } }) });
  const link = personalLinkPath();
  const text = consentTextFor(i18n.language, copy.data?.textVersion);
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  // Only "kijk met ons mee" stops; the rest of the consent stays.
  const stopPolicy = useMutation({
    mutationFn: () => call(contract.clientConsent.withdrawPolicyViewing, { params: { id: consentId } }),
    onSuccess: (updated) => queryClient.setQueryData(clientPageKeys.consent(consentId), updated),
  });

  return (
    <ClientShell documentTitle={t('consent.copy.documentTitle')} organisationName={session.organisationName}>
      <h1 tabIndex={-1}>{t('consent.copy.title')}</h1>
      <QueryStatus query={copy} loadingLabel={t('clientKit.busy')} />
      {copy.data ? (
        <>
          <p>{t('consent.copy.intro', { date: formatDay(copy.data.conversation.heldOn, i18n.language), professional: copy.data.professionalName })}</p>
          <div className="sk-client-card__status">
            <Pictogram name={copy.data.status === 'given' ? 'check' : copy.data.status === 'declined' ? 'noRecording' : 'trash'} size={36} />
            <strong>
              {copy.data.status === 'given'
                ? t('consent.copy.statusGiven')
                : copy.data.status === 'declined'
                  ? t('consent.copy.statusDeclined')
                  : t('consent.copy.statusWithdrawn', { date: formatDay(copy.data.withdrawnAt ?? copy.data.givenAt, i18n.language) })}
            </strong>
          </div>
          <Agreements
            media={copy.data.media}
            audience={copy.data.audience}
            reviewerName={copy.data.reviewer?.name ?? null}
            watchWithClient={copy.data.watchWithClient}
            feedbackViaReviewer={copy.data.feedbackViaReviewer}
            policyViewing={copy.data.policyViewing}
            retentionDays={copy.data.retentionDays}
            textVersion={copy.data.textVersion}
          />
          <dl className="sk-agreements sk-agreements--facts">
            <div>
              <dt className="sk-agreements__label">{t('consent.copy.date')}</dt>
              <dd className="sk-agreements__value">{formatDay(copy.data.givenAt, i18n.language)}</dd>
            </div>
            {copy.data.signature ? (
              <div>
                <dt className="sk-agreements__label">{t('consent.copy.signature')}</dt>
                <dd className="sk-agreements__value">{copy.data.signature}</dd>
              </div>
            ) : null}
            <div>
              <dt className="sk-agreements__label">{t('consent.copy.via')}</dt>
              <dd className="sk-agreements__value">{copy.data.signedVia === 'tablet' ? t('consent.copy.viaTablet') : t('consent.copy.viaOwnDevice')}</dd>
            </div>
            {copy.data.status !== 'declined' ? (
              <div>
                <dt className="sk-agreements__label">{t('consent.copy.professionalConsent')}</dt>
                <dd className="sk-agreements__value">
                  {copy.data.professionalConsentedAt ? t('consent.copy.professionalYes', { date: formatDay(copy.data.professionalConsentedAt, i18n.language) }) : t('consent.copy.professionalNo')}
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="sk-agreements__label">{t('consent.copy.organisation')}</dt>
              <dd className="sk-agreements__value">{copy.data.organisationName}</dd>
            </div>
            <div>
              <dt className="sk-agreements__label">{t('consent.copy.version')}</dt>
              <dd className="sk-agreements__value">{copy.data.textVersion}</dd>
            </div>
          </dl>
          {copy.data.status === 'given' && copy.data.media !== 'none' ? (
            <section aria-labelledby="copy-no-share" className="sk-client-no-print">
              <h2 id="copy-no-share">{t('consent.copy.noShare.title')}</h2>
              <ClientNoShare consentId={copy.data.id} />
            </section>
          ) : null}
          {copy.data.status === 'given' && session.via === 'link' && (copy.data.policyViewing || stopPolicy.isSuccess) ? (
            <section aria-labelledby="copy-policy-stop" className="sk-client-no-print">
              <h2 id="copy-policy-stop">{t('consent.copy.policyStopTitle')}</h2>
              {stopPolicy.isSuccess ? (
                <p role="status">{t('consent.copy.policyStopped')}</p>
              ) : (
                <>
                  <p>{t('consent.copy.policyStopText')}</p>
                  {stopPolicy.error ? <p role="alert">{errorText(stopPolicy.error)}</p> : null}
                  <div className="sk-client-actions">
                    <ClientButton appearance="secondary" icon="cross" onClick={() => stopPolicy.mutate()} disabled={stopPolicy.isPending}>
                      {t('consent.copy.policyStop')}
                    </ClientButton>
                  </div>
                </>
              )}
            </section>
          ) : null}
          {copy.data.status === 'given' ? (
            <section aria-labelledby="copy-stop">
              <h2 id="copy-stop">{text.withdraw.title}</h2>
              {text.withdraw.lines.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <div className="sk-client-note">
                <Pictogram name="key" />
                <div>
                  {link ? (
                    <p>
                      {t('consent.copy.yourLink')} <span className="sk-client-link">{`${window.location.origin}${link}`}</span>
                    </p>
                  ) : (
                    <p>{t('consent.copy.linkOnPaper')}</p>
                  )}
                  <p>{t('consent.copy.codeOnPaper')}</p>
                </div>
              </div>
              {session.via === 'link' ? (
                <div className="sk-client-actions sk-client-no-print">
                  <Link className="sk-client-button sk-client-button--secondary" to={`/klant/stoppen/${copy.data.id}`}>
                    <Pictogram name="trash" size={28} />
                    <span>{t('consent.copy.stopNow')}</span>
                  </Link>
                </div>
              ) : null}
            </section>
          ) : null}
          <div className="sk-client-actions sk-client-spaced sk-client-no-print">
            <ClientButton appearance="secondary" icon="printer" onClick={() => window.print()}>
              {t('consent.copy.print')}
            </ClientButton>
            <Link className="sk-client-button sk-client-button--quiet" to="/klant">
              <Pictogram name="home" size={28} />
              <span>{t('consent.flow.toHome')}</span>
            </Link>
          </div>
        </>
      ) : null}
    </ClientShell>
  );
}
