import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allianceAnswerLabel, allianceItems, clientLanguageOf, contract, localize, type FaceScore, type MyData } from '@spreekkamer/shared';
import { QueryStatus } from '../../components/QueryState.js';
import { formatClock } from '../../features/recordings/format.js';
import { call } from '../../api/client.js';
import { ClientButton, ClientShell } from '../../components/client/index.js';
import { formatDay } from '../../lib/format.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { RequireClient } from './RequireClient.js';

export const myDataKey = ['client', 'my-data'] as const;

/** /klant/mijn-gegevens — the client's right of access: everything kept about them, printable. */
export function MyDataPage() {
  const { t } = useTranslation();
  return (
    <RequireClient>
      {(session) => (
        <ClientShell documentTitle={t('consent.myData.documentTitle')} organisationName={session.organisationName} headerAction={<HomeLink />}>
          <h1 tabIndex={-1}>{t('consent.myData.title')}</h1>
          {session.via === 'link' ? <MyDataLoader /> : <p>{t('consent.myData.ownDeviceOnly')}</p>}
        </ClientShell>
      )}
    </RequireClient>
  );
}

function MyDataLoader() {
  const { t } = useTranslation();
  const data = useQuery({ queryKey: myDataKey, queryFn: () => call(contract.clientAccess.myData) });
  if (data.data === undefined) return <QueryStatus query={data} loadingLabel={t('clientKit.busy')} />;
  return <MyDataView data={data.data} />;
}

function MyDataView({ data }: { data: MyData }) {
  const { t, i18n } = useTranslation();
  const day = (value: string) => formatDay(value, i18n.language);
  return (
    <>
      <p>{t('consent.myData.intro')}</p>
      <div className="sk-client-actions sk-client-no-print">
        <ClientButton icon="printer" appearance="secondary" onClick={() => window.print()}>
          {t('consent.myData.print')}
        </ClientButton>
      </div>

      <h2>{t('consent.myData.aboutTitle')}</h2>
      <dl className="sk-client-facts">
        <dt>{t('consent.myData.organisation')}</dt>
        <dd>{data.organisationName}</dd>
        <dt>{t('consent.myData.professional')}</dt>
        <dd>{data.professionalName}</dd>
        <dt>{t('consent.myData.language')}</dt>
        <dd>{clientLanguageOf(data.language).name}</dd>
        <dt>{t('consent.myData.contact')}</dt>
        <dd>{data.contactStored ? t('consent.myData.contactStored') : t('consent.myData.contactNone')}</dd>
        <dt>{t('consent.myData.since')}</dt>
        <dd>{day(data.registeredAt)}</dd>
      </dl>

      <h2>{t('consent.myData.consentsTitle')}</h2>
      {data.consents.length === 0 ? <p>{t('consent.myData.none')}</p> : null}
      <ul className="sk-client-list">
        {data.consents.map((consent) => (
          <li key={consent.id} className="sk-client-card">
            <h3 className="sk-client-card__title">{t('consent.flow.conversation', { date: day(consent.heldOn) })}</h3>
            <dl className="sk-client-facts">
              <dt>{t('consent.myData.answer')}</dt>
              <dd>{t(`consent.myData.status.${consent.status}`)}</dd>
              {consent.status === 'declined' ? null : (
                <>
                  <dt>{t('consent.myData.media')}</dt>
                  <dd>{t(`consent.media.${consent.media}`)}</dd>
                  <dt>{t('consent.myData.audience')}</dt>
                  <dd>
                    {t(`consent.myData.audiences.${consent.audience}`)}
                    {consent.audience !== 'professional' && consent.reviewerFrom === 'external' ? ` ${t('consent.myData.fromOutside')}` : ''}
                  </dd>
                  <dt>{t('consent.myData.kept')}</dt>
                  <dd>{t('consent.myData.keptDays', { days: consent.retentionDays })}</dd>
                </>
              )}
              <dt>{t('consent.myData.givenAt')}</dt>
              <dd>{day(consent.givenAt)}</dd>
              {consent.withdrawnAt ? (
                <>
                  <dt>{t('consent.myData.withdrawnAt')}</dt>
                  <dd>{day(consent.withdrawnAt)}</dd>
                </>
              ) : null}
              <dt>{t('consent.myData.textVersion')}</dt>
              <dd>{consent.textVersion}</dd>
            </dl>
            <Link className="sk-client-button sk-client-button--secondary sk-client-no-print" to={`/klant/kopie/${consent.id}`}>
              <Pictogram name="paper" size={28} />
              <span>{t('consent.home.showCopy')}</span>
            </Link>
          </li>
        ))}
      </ul>

      <h2>{t('consent.myData.recordingsTitle')}</h2>
      {data.recordings.length === 0 ? <p>{t('consent.myData.none')}</p> : null}
      <ul className="sk-client-list">
        {data.recordings.map((recording) => (
          <li key={recording.id} className="sk-client-card">
            <h3 className="sk-client-card__title">{t('consent.flow.conversation', { date: day(recording.heldOn) })}</h3>
            <dl className="sk-client-facts">
              <dt>{t('consent.myData.media')}</dt>
              <dd>{t(`consent.media.${recording.kind}`)}</dd>
              {recording.durationSeconds !== null ? (
                <>
                  <dt>{t('consent.myData.length')}</dt>
                  <dd>{formatClock(recording.durationSeconds)}</dd>
                </>
              ) : null}
              <dt>{t('consent.myData.recordingStatus')}</dt>
              <dd>
                {recording.deletedAt
                  ? t(`consent.myData.deleted.${recording.deletedReason ?? 'professional'}`, { date: day(recording.deletedAt) })
                  : recording.retentionEndsAt
                    ? t('consent.myData.keptUntil', { date: day(recording.retentionEndsAt) })
                    : t('consent.myData.stored')}
              </dd>
            </dl>
            <h4>{t('consent.myData.viewsTitle')}</h4>
            {recording.views.length === 0 ? (
              <p>{t('consent.myData.noViews')}</p>
            ) : (
              <ul>
                {recording.views.map((view, index) => (
                  <li key={`${view.at}-${index}`}>
                    {t('consent.myData.view', {
                      name: view.viewerName,
                      role: t(`consent.myData.roles.${view.role}`),
                      date: day(view.at),
                      part: view.momentRange ? t('consent.myData.part', { from: formatClock(view.momentRange[0]), to: formatClock(view.momentRange[1]) }) : t('consent.myData.whole'),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>

      <h2>{t('consent.myData.checksTitle')}</h2>
      {data.checks.length === 0 ? <p>{t('consent.myData.none')}</p> : null}
      <ul>
        {data.checks.map((check, index) => (
          <li key={`${check.sentAt}-${index}`}>
            {check.answeredAt
              ? t(check.anonymous ? 'consent.myData.checkAnsweredAnonymous' : 'consent.myData.checkAnswered', { sent: day(check.sentAt), answered: day(check.answeredAt) })
              : t('consent.myData.checkOpen', { sent: day(check.sentAt) })}
          </li>
        ))}
      </ul>
      {data.checkAnswers.map((answer, index) => (
        <section key={`${answer.answeredOn}-${index}`} className="sk-client-card">
          <h3 className="sk-client-card__title">{t('consent.myData.answersOf', { date: day(answer.answeredOn) })}</h3>
          <dl className="sk-client-facts">
            {answer.scores.map(({ item, score }) => {
              const question = allianceItems.find((candidate) => candidate.id === item);
              return question ? (
                <div key={item}>
                  <dt>{localize(question.question, i18n.language)}</dt>
                  <dd>{localize(allianceAnswerLabel(item, score as FaceScore), i18n.language)}</dd>
                </div>
              ) : null;
            })}
          </dl>
        </section>
      ))}

      <h2>{t('consent.myData.feedbackTitle')}</h2>
      {data.feedbackConversations.length === 0 ? <p>{t('consent.myData.none')}</p> : null}
      <ul>
        {data.feedbackConversations.map((conversation) => (
          <li key={conversation.id}>
            {conversation.completedAt
              ? t('consent.myData.feedbackDone', { invited: day(conversation.invitedAt), done: day(conversation.completedAt) })
              : t(`consent.myData.feedbackStatus.${conversation.status}`, { invited: day(conversation.invitedAt) })}{' '}
            {conversation.status === 'completed' ? <Link to={`/klant/samenleergesprek/${conversation.id}/samenvatting`}>{t('consent.myData.readSummary')}</Link> : null}
          </li>
        ))}
      </ul>

      <h2>{t('consent.myData.followUpsTitle')}</h2>
      {data.followUps.length === 0 ? <p>{t('consent.myData.none')}</p> : null}
      <ul>
        {data.followUps.map((followUp) => (
          <li key={followUp.id}>
            {followUp.readAt ? t('consent.myData.followUpRead', { sent: day(followUp.sentAt), read: day(followUp.readAt) }) : t('consent.myData.followUpUnread', { sent: day(followUp.sentAt) })}{' '}
            <Link to={`/klant/terugkoppeling/${followUp.id}`}>{t('consent.myData.readFollowUp')}</Link>
          </li>
        ))}
      </ul>

      <h2>{t('consent.myData.questionsTitle')}</h2>
      <p>{t('consent.myData.questions', { professional: data.professionalName, organisation: data.organisationName })}</p>
      <p className="sk-client-hint">{t('consent.myData.printedOn', { date: day(new Date().toISOString()) })}</p>
    </>
  );
}

function HomeLink() {
  const { t } = useTranslation();
  return (
    <Link className="sk-client-button sk-client-button--quiet sk-client-no-print" to="/klant">
      <Pictogram name="home" size={28} />
      <span>{t('consent.myData.toHome')}</span>
    </Link>
  );
}
