import { useState, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { localize, momentThemeLabels, type ShareDetail } from '@spreekkamer/shared';
import { ApiError } from '../../api/client.js';
import { Heading } from '../../components/Heading.js';
import { ButtonLink, Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError, Loading } from '../../components/QueryState.js';
import { formatClock, formatDate } from '../recordings/format.js';
import { Player } from '../recordings/player/Player.js';
import { fetchSharedPlayback, useShare } from './api.js';
import { Comments } from './Comments.js';
import { reviewPaths } from './paths.js';
import { ReviewGuidePanel } from './ReviewGuidePanel.js';
import { usePlayerMedia } from './usePlayerMedia.js';
import './reviews.css';

/** /gedeeld/:shareId — a reviewer or group member watches only the shared moments and comments on them. */
export function SharedViewerPage() {
  const { t } = useTranslation();
  const { shareId = '' } = useParams();
  const share = useShare(shareId);
  if (share.isPending) {
    return (
      <Page title={t('reviews.viewer.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (share.error) {
    const gone = share.error instanceof ApiError && share.error.status === 404;
    return (
      <Page title={gone ? t('reviews.viewer.goneTitle') : t('errors.pageTitle')}>
        {gone ? <Paragraph>{t('reviews.viewer.goneText')}</Paragraph> : <LoadError error={share.error} onRetry={() => void share.refetch()} />}
        <Paragraph>
          <Link to={reviewPaths.received}>{t('reviews.viewer.toList')}</Link>
        </Paragraph>
      </Page>
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

  return (
    <Page title={t('reviews.viewer.title', { owner: share.ownerName })} intro={t('reviews.viewer.intro', { date: formatDate(share.expiresAt, i18n.language) })}>
      {share.question ? (
        <Paragraph>
          <strong>{t('reviews.received.question')}</strong> <span className="sk-share-question">{share.question}</span>
        </Paragraph>
      ) : null}
      <div className="sk-review-room">
        <div className="sk-review-room__main">
          <Heading level={2}>{t('reviews.viewer.momentsTitle')}</Heading>
          <ol className="sk-moment-list">
            {share.moments.map((moment) => (
              <li key={moment.id}>
                <button type="button" className="sk-moment-list__item" aria-pressed={moment.id === selected?.id} onClick={() => setSelectedId(moment.id)}>
                  <span className="sk-moment-list__time">
                    {formatClock(moment.startSeconds)}–{formatClock(moment.endSeconds)}
                  </span>
                  <span className="sk-moment-list__title">{moment.title}</span>
                </button>
              </li>
            ))}
          </ol>
          {selected ? (
            <div ref={playerBox}>
              {/* One player per moment: it plays and seeks only inside that moment. */}
              <Player key={selected.id} recordingId={share.recordingId} label={t('reviews.viewer.playerLabel', { title: selected.title })} range={[selected.startSeconds, selected.endSeconds]} loadDescriptor={fetchSharedPlayback} />
            </div>
          ) : null}
          {selected && selected.themes.length > 0 ? (
            <Paragraph small>{t('reviews.viewer.themes', { themes: selected.themes.map((theme) => localize(momentThemeLabels[theme], i18n.language)).join(', ') })}</Paragraph>
          ) : null}
          <div className="sk-actions">
            {share.via === 'reviewer' ? <ButtonLink to={reviewPaths.meeting(share.id)}>{t('reviews.viewer.toMeeting')}</ButtonLink> : null}
            {share.via === 'reviewer' && share.clientTalk ? <ButtonLink to={reviewPaths.clientTalk(share.id)}>{t('reviews.viewer.toClientTalk')}</ButtonLink> : null}
          </div>
        </div>
        <aside className="sk-review-room__side" aria-label={t('reviews.viewer.sideLabel')}>
          <ReviewGuidePanel defaultOpen={false} />
          {selected ? (
            <Comments key={selected.id} momentId={selected.id} momentSpan={[selected.startSeconds, selected.endSeconds]} shareId={share.id} isOwner={false} currentTime={player.time} onSeek={player.seek} />
          ) : null}
        </aside>
      </div>
    </Page>
  );
}
