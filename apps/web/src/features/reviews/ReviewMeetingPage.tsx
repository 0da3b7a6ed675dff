import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import type { ReviewMeeting } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { TextField, TextAreaField } from '../../components/fields.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage, MutationError } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { reviewKeys, saveMeeting, useMeeting } from './api.js';
import { SharedMomentPlayer } from './SharedMomentPlayer.js';
import { Comments } from './Comments.js';
import { MomentList } from './MomentList.js';
import { Outcomes } from './Outcomes.js';
import { reviewPaths } from './paths.js';
import { usePlayerMedia } from './usePlayerMedia.js';
import './reviews.css';

/** /gedeeld/:shareId/nagesprek — the review meeting: the reviewer's preparation, the same moments for both, takeaways and agreements. */
export function ReviewMeetingPage() {
  const { t } = useTranslation();
  const { shareId = '' } = useParams();
  const meeting = useMeeting(shareId);
  if (meeting.isPending) return <LoadingPage title={t('reviews.meeting.loadingTitle')} />;
  if (meeting.error) {
    return <LoadErrorPage error={meeting.error} onRetry={() => void meeting.refetch()} goneTitle={t('reviews.viewer.goneTitle')} goneText={t('reviews.viewer.goneText')} />;
  }
  return <Meeting meeting={meeting.data} />;
}

function Meeting({ meeting }: { meeting: ReviewMeeting }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { share } = meeting;
  const isReviewer = !share.isOwner && share.via === 'reviewer';
  const active = share.state === 'active';
  const [selectedId, setSelectedId] = useState(share.moments[0]?.id ?? null);
  const selected = share.moments.find((m) => m.id === selectedId) ?? null;
  const playerBox = useRef<HTMLDivElement>(null);
  const player = usePlayerMedia(playerBox);
  const refresh = () => queryClient.invalidateQueries({ queryKey: reviewKeys.meeting(share.id) });

  return (
    <Page title={share.isOwner ? t('reviews.meeting.titleOwner') : t('reviews.meeting.titleReviewer', { owner: share.ownerName })} intro={t('reviews.meeting.intro')}
      breadcrumbs={share.isOwner ? [{ to: reviewPaths.room(share.recordingId), label: t('breadcrumbs.room') }] : [{ to: reviewPaths.received, label: t('breadcrumbs.shared') }, { to: reviewPaths.shared(share.id), label: t('breadcrumbs.share') }]}
    >
      <Paragraph>
        {share.isOwner ? <Link to={reviewPaths.room(share.recordingId)}>{t('reviews.meeting.toRoom')}</Link> : <Link to={reviewPaths.shared(share.id)}>{t('reviews.meeting.toShare')}</Link>}
      </Paragraph>
      {!active ? (
        <Alert type="info" role="status">
          <Paragraph>{t(`reviews.meeting.ended.${share.state}`)}</Paragraph>
        </Alert>
      ) : null}
      <Section id="meeting-analysis" title={t('reviews.meeting.analysisTitle')}>
        {isReviewer && active ? <AnalysisForm meeting={meeting} onSaved={refresh} /> : <AnalysisView meeting={meeting} />}
      </Section>
      <Section id="meeting-moments" title={t('reviews.meeting.momentsTitle')}>
        <MomentList moments={share.moments} selectedId={selectedId} onSelect={(moment) => setSelectedId(moment.id)} />
        {selected && active ? (
          <div className="sk-review-room">
            <div className="sk-review-room__main" ref={playerBox}>
              <SharedMomentPlayer key={selected.id} shareId={share.id} recordingId={share.recordingId} moment={selected} label={t('reviews.viewer.playerLabel', { title: selected.title })} />
            </div>
            <div className="sk-review-room__side">
              <Comments key={selected.id} momentId={selected.id} momentSpan={[selected.startSeconds, selected.endSeconds]} shareId={share.id} isOwner={share.isOwner} currentTime={player.time} onSeek={player.seek} />
            </div>
          </div>
        ) : null}
      </Section>
      <Section id="meeting-outcomes" title={t('reviews.meeting.outcomesTitle')}>
        <Paragraph>{t('reviews.meeting.outcomesIntro')}</Paragraph>
        <Outcomes recordingId={share.recordingId} shareId={share.id} data={meeting} canAdd={share.isOwner || active} onChanged={refresh} />
      </Section>
      <Paragraph small>{t('reviews.meeting.until', { date: formatDay(share.expiresAt, i18n.language) })}</Paragraph>
    </Page>
  );
}

function AnalysisView({ meeting }: { meeting: ReviewMeeting }) {
  const { t, i18n } = useTranslation();
  if (!meeting.analysis.trim()) return <Paragraph className="sk-muted">{t('reviews.meeting.noAnalysis')}</Paragraph>;
  return (
    <>
      {meeting.meetingOn ? <Paragraph>{t('reviews.meeting.plannedOn', { date: formatDay(meeting.meetingOn, i18n.language) })}</Paragraph> : null}
      <p className="sk-preformatted">{meeting.analysis}</p>
    </>
  );
}

function AnalysisForm({ meeting, onSaved }: { meeting: ReviewMeeting; onSaved(): Promise<unknown> }) {
  const { t } = useTranslation();
  const id = useId();
  const [analysis, setAnalysis] = useState(meeting.analysis);
  const [meetingOn, setMeetingOn] = useState(meeting.meetingOn ?? '');
  const save = useMutation({ mutationFn: () => saveMeeting(meeting.share.id, { analysis, meetingOn: meetingOn || null }), onSuccess: onSaved });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('reviews.meeting.analysisTitle')}>
      <Paragraph small>{t('reviews.meeting.analysisVisible', { owner: meeting.share.ownerName })}</Paragraph>
      <TextAreaField id={`${id}-analysis`} label={t('reviews.meeting.analysisLabel')} description={t('reviews.meeting.analysisHint')} value={analysis} onChange={setAnalysis} rows={8} maxLength={10000} />
      <TextField id={`${id}-date`} type="date" label={t('reviews.meeting.dateLabel')} value={meetingOn} onChange={setMeetingOn} />
      <MutationError error={save.error} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('reviews.meeting.saved')}</Paragraph>
        </Alert>
      ) : null}
      <Button appearance="primary-action-button" type="submit" busy={save.isPending}>
        {t('reviews.meeting.save')}
      </Button>
    </form>
  );
}

