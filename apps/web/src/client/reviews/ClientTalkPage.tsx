import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ClientReviewTalk, type ClientSessionResponse, contract } from '@spreekkamer/shared';
import { QueryStatus } from '../../components/QueryState.js';
import { useErrorText } from '../../components/errors.js';
import { ChoiceButton, ChoiceGroup, ClientShell, Pictogram, type PictogramName } from '../../components/client/index.js';
import { formatDay } from '../../lib/format.js';
import { RequireClient } from '../pages/RequireClient.js';
import { ClientFragmentPlayer } from './ClientFragmentPlayer.js';
import { clientTalksKey } from './ClientTalksLink.js';
import '../../features/reviews/reviews.css';
import { call } from '../../api/client.js';


type Relay = 'pass_on' | 'anonymous' | 'private';
const relays: { value: Relay; icon: PictogramName }[] = [
  { value: 'pass_on', icon: 'speechBubble' },
  { value: 'anonymous', icon: 'shield' },
  { value: 'private', icon: 'lock' },
];

/**
 * /klant/nabespreken — the client looks back at fragments with a reviewer, apart from their
 * client manager. Per point the reviewer wrote down, the client alone decides: pass it on, pass it
 * on without their name, or keep it between them. The page shows what was passed on.
 */
export function ClientTalkPage() {
  return <RequireClient>{(session) => <ClientTalks session={session} />}</RequireClient>;
}

function ClientTalks({ session }: { session: ClientSessionResponse }) {
  const { t } = useTranslation();
  const talks = useQuery({ queryKey: clientTalksKey, queryFn: () => call(contract.clientReviews.talks), refetchInterval: 5000 });
  return (
    <ClientShell documentTitle={t('reviews.client.documentTitle')} organisationName={session.organisationName}>
      <h1 tabIndex={-1}>{t('reviews.client.title')}</h1>
      <div className="sk-client-note">
        <Pictogram name="personAndCoach" />
        <p>{t('reviews.client.intro')}</p>
      </div>
      <QueryStatus query={talks} loadingLabel={t('clientKit.busy')} />
      {talks.data && talks.data.talks.length === 0 ? <p>{t('reviews.client.none')}</p> : null}
      {talks.data?.talks.map((talk) => (
        <Talk key={talk.shareId} talk={talk} />
      ))}
      <Link className="sk-client-button sk-client-button--secondary" to="/klant">
        <Pictogram name="home" size={28} />
        <span>{t('reviews.client.toHome')}</span>
      </Link>
    </ClientShell>
  );
}

function Talk({ talk }: { talk: ClientReviewTalk }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const passedOn = talk.points.filter((p) => p.relay === 'pass_on' || p.relay === 'anonymous');
  return (
    <section className="sk-client-talk" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reviews.client.talkTitle', { reviewer: talk.reviewerName, date: formatDay(talk.conversationHeldOn, i18n.language) })}</h2>
      <h3>{t('reviews.client.fragmentsTitle')}</h3>
      <ul className="sk-client-list">
        {talk.fragments.map((fragment) => (
          <li key={fragment.number} className="sk-client-card">
            <ClientFragmentPlayer shareId={talk.shareId} kind={talk.recordingKind} number={fragment.number} range={[fragment.startSeconds, fragment.endSeconds]} />
          </li>
        ))}
      </ul>
      <h3>{t('reviews.client.pointsTitle')}</h3>
      {talk.points.length === 0 ? <p>{t('reviews.client.noPoints', { reviewer: talk.reviewerName })}</p> : null}
      <p>{talk.points.length > 0 ? t('reviews.client.choose') : null}</p>
      <ol className="sk-client-list">
        {talk.points.map((point, index) => (
          <li key={point.id} className="sk-client-card">
            <Point point={point} index={index} />
          </li>
        ))}
      </ol>
      <h3>{t('reviews.client.passedOnTitle')}</h3>
      {passedOn.length === 0 ? <p>{t('reviews.client.nothingPassedOn')}</p> : null}
      <ul>
        {passedOn.map((p) => (
          <li key={p.id}>
            <span className="sk-client-point-text">{p.text}</span> ({p.relay === 'pass_on' ? t('reviews.client.withName') : t('reviews.client.withoutName')})
          </li>
        ))}
      </ul>
      <p className="sk-client-hint">{t('reviews.client.noConsequences')}</p>
    </section>
  );
}

function Point({ point, index }: { point: ClientReviewTalk['points'][number]; index: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const questionId = useId();
  const decide = useMutation({
    mutationFn: (relay: Relay) => call(contract.clientReviews.relay, { params: { id: point.id }, body: { relay } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientTalksKey }),
  });
  return (
    <>
      <p className="sk-client-card__title" id={questionId}>
        <strong>{t('reviews.client.pointLabel', { number: index + 1 })}</strong>{' '}
        {point.momentNumber ? <span>{t('reviews.client.aboutFragment', { number: point.momentNumber })}</span> : null}
      </p>
      <p className="sk-client-point-text">{point.text}</p>
      <ChoiceGroup labelledBy={questionId}>
        {relays.map((relay) => (
          <ChoiceButton
            key={relay.value}
            icon={relay.icon}
            label={t(`reviews.client.relay.${relay.value}`)}
            description={t(`reviews.client.relayHint.${relay.value}`)}
            pressed={point.relay === relay.value}
            onPress={() => decide.mutate(relay.value)}
          />
        ))}
      </ChoiceGroup>
      {point.relay !== 'pending' ? (
        <p role="status" className="sk-client-hint">
          <Pictogram name="check" size={24} /> {t(`reviews.client.chosen.${point.relay}`)}
        </p>
      ) : null}
      {decide.error ? (
        <div role="alert" className="sk-client-alert">
          <p>{errorText(decide.error)}</p>
        </div>
      ) : null}
    </>
  );
}
