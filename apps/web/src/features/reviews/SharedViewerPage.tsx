import { useId, useState, useRef, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react';
import { useTranslation } from 'react-i18next';
import { useMatch, useParams } from 'react-router';
import { localize, momentThemeLabels, type ShareDetail } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { ButtonLink, Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { reviewKeys, savePolicyNote, useShare } from './api.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextAreaField } from '../../components/fields.js';
import { SharedMomentPlayer } from './SharedMomentPlayer.js';
import { Comments } from './Comments.js';
import { MomentList } from './MomentList.js';
import { reviewPaths } from './paths.js';
import { ReviewGuidePanel } from './ReviewGuidePanel.js';
import { usePlayerMedia } from './usePlayerMedia.js';
import { SharedRhythmLane } from './RhythmPanel.js';
import { useSession } from '../auth/session.js';
import { FeedbackGuideStep } from './FeedbackGuide.js';
import './reviews.css';

/** /gedeeld/:shareId — a reviewer or group member watches only the shared moments and comments on them. */
export function SharedViewerPage() {
  const { t } = useTranslation();
  const { shareId = '' } = useParams();
  const share = useShare(shareId);
  const forPolicy = useMatch('/kijk-met-ons-mee/:shareId') !== null;
  if (share.isPending) return <LoadingPage title={t('reviews.viewer.loadingTitle')} />;
  if (share.error) {
    return (
      <LoadErrorPage error={share.error} onRetry={() => void share.refetch()} goneTitle={t('reviews.viewer.goneTitle')} goneText={t('reviews.viewer.goneText')}>
        <Paragraph>
          {forPolicy ? <Link to={reviewPaths.policy}>{t('reviews.policy.toList')}</Link> : <Link to={reviewPaths.received}>{t('reviews.viewer.toList')}</Link>}
        </Paragraph>
      </LoadErrorPage>
    );
  }
  return <SharedViewer share={share.data} />;
}

function SharedViewer({ share }: { share: ShareDetail }) {
  const { t, i18n } = useTranslation();
  const [selectedId, setSelectedId] = useState(share.moments[0]?.id ?? null);
  const selected = share.moments.find((m) => m.id === selectedId) ?? share.moments[0] ?? null;
  const playerBox = useRef<HTMLDivElement>(null);
  const player = usePlayerMedia(playerBox);
  const session = useSession();
  // "Kijk met ons mee": watching and one note to the owner; no comments, so no feedback guide either.
  const forPolicy = share.via === 'policy';
  // Before the first comment on a colleague's conversation: how to give feedback, once per person.
  const needsGuide = !share.isOwner && !forPolicy && session.data?.user.feedbackGuideSeen === false;
  const date = formatDay(share.expiresAt, i18n.language);

  return (
    <Page
      title={forPolicy ? t('reviews.policy.from', { owner: share.ownerName }) : t('reviews.viewer.title', { owner: share.ownerName })}
      intro={forPolicy ? t('reviews.policy.viewerIntro', { date }) : t('reviews.viewer.intro', { date })}
      breadcrumbs={[forPolicy ? { to: reviewPaths.policy, label: t('reviews.policy.title') } : { to: reviewPaths.received, label: t('breadcrumbs.shared') }]}
    >
      {needsGuide ? <FeedbackGuideStep /> : <SharedViewerBody share={share} selected={selected} setSelectedId={setSelectedId} playerBox={playerBox} player={player} />}
    </Page>
  );
}

function SharedViewerBody({
  share,
  selected,
  setSelectedId,
  playerBox,
  player,
}: {
  share: ShareDetail;
  selected: ShareDetail['moments'][number] | null;
  setSelectedId(id: string): void;
  playerBox: React.RefObject<HTMLDivElement | null>;
  player: ReturnType<typeof usePlayerMedia>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {share.viewerContext ? (
        <section className="sk-viewer-context" aria-labelledby="viewer-context-title">
          <Heading level={2} id="viewer-context-title">
            {t('reviews.viewer.contextTitle')}
          </Heading>
          <Paragraph className="sk-share-question">{share.viewerContext}</Paragraph>
        </section>
      ) : null}
      {share.question ? (
        <Paragraph>
          <strong>{t('reviews.received.question')}</strong> <span className="sk-share-question">{share.question}</span>
        </Paragraph>
      ) : null}
      <div className="sk-review-room">
        <div className="sk-review-room__main">
          <Heading level={2}>{t('reviews.viewer.momentsTitle')}</Heading>
          <MomentList moments={share.moments} selectedId={selected?.id} onSelect={(moment) => setSelectedId(moment.id)} />
          {selected ? (
            <div ref={playerBox}>
              {/* One player per moment: it plays and seeks only inside that moment. */}
              <SharedMomentPlayer key={selected.id} shareId={share.id} recordingId={share.recordingId} moment={selected} label={t('reviews.viewer.playerLabel', { title: selected.title })} />
            </div>
          ) : null}
          {selected && share.via !== 'policy' ? <SharedRhythmLane shareId={share.id} span={[selected.startSeconds, selected.endSeconds]} /> : null}
          {selected && selected.themes.length > 0 ? (
            <Paragraph small>{t('reviews.viewer.themes', { themes: selected.themes.map((theme) => localize(momentThemeLabels[theme], i18n.language)).join(', ') })}</Paragraph>
          ) : null}
          <div className="sk-actions">
            {share.via === 'reviewer' ? <ButtonLink to={reviewPaths.meeting(share.id)}>{t('reviews.viewer.toMeeting')}</ButtonLink> : null}
            {share.via === 'reviewer' && share.clientTalk ? <ButtonLink to={reviewPaths.clientTalk(share.id)}>{t('reviews.viewer.toClientTalk')}</ButtonLink> : null}
          </div>
        </div>
        {share.via === 'policy' ? (
          <aside className="sk-review-room__side" aria-labelledby="policy-note-title">
            <PolicyNote share={share} />
          </aside>
        ) : (
          <aside className="sk-review-room__side" aria-label={t('reviews.viewer.sideLabel')}>
            <ReviewGuidePanel defaultOpen={false} />
            {selected ? (
              <Comments key={selected.id} momentId={selected.id} momentSpan={[selected.startSeconds, selected.endSeconds]} shareId={share.id} isOwner={false} currentTime={player.time} onSeek={player.seek} />
            ) : null}
          </aside>
        )}
      </div>
    </>
  );
}

/** "Wat zie ik voor beleid": the policy recipient's one note to the owner (refused when it only judges the person). */
function PolicyNote({ share }: { share: ShareDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(share.policyNote);
  const { errors, showError } = useFormErrors();
  const save = useMutation({
    mutationFn: () => savePolicyNote(share.id, note),
    onSuccess: (updated) => queryClient.setQueryData(reviewKeys.share(share.id), updated),
    onError: showError,
  });
  const fields = { note: { id: `${id}-note`, label: t('reviews.policy.noteLabel') } };
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form className="sk-form" onSubmit={submit} noValidate>
      <Heading level={2} id="policy-note-title">
        {t('reviews.policy.noteTitle')}
      </Heading>
      <ErrorSummary errors={errors} fields={fields} />
      <TextAreaField id={fields.note.id} label={fields.note.label} description={t('reviews.policy.noteHint', { owner: share.ownerName })} value={note} onChange={setNote} maxLength={1000} rows={5} error={errors.fields.note} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('reviews.policy.noteSaved', { owner: share.ownerName })}</Paragraph>
        </Alert>
      ) : null}
      <Button appearance="primary-action-button" type="submit" busy={save.isPending}>
        {t('reviews.policy.noteSave')}
      </Button>
    </form>
  );
}
