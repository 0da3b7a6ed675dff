import { useCallback, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RecordingDetail } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage, QueryStatus } from '../../components/QueryState.js';
import { recordingKeys, useRecording, useRecordingList, useRecordingViews } from './api.js';
import { DeleteRecording } from './DeleteRecording.js';
import { formatClock } from './format.js';
import { formatDay } from '../../lib/format.js';
import { Notices } from './Notices.js';
import { Player } from './player/Player.js';
import { ProcessingView } from './ProcessingStatus.js';
import { conversationPath } from './paths.js';
import { ViewsTable } from './ViewsTable.js';
import { RecordingActions } from '../reviews/ReviewRoomLink.js';
import './recordings.css';

/** /opnames/:id — watch a recording back, see who watched it, delete it. */
export function RecordingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const recording = useRecording(id);
  const [deletedHere, setDeletedHere] = useState(false);

  if (deletedHere) {
    return (
      <Page title={t('recordings.page.deletedTitle')}>
        <Alert type="ok" role="status">
          <Paragraph>{t('recordings.deleted.professional')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/">{t('common.toHome')}</Link>
        </Paragraph>
      </Page>
    );
  }
  if (recording.isPending) return <LoadingPage title={t('recordings.page.loadingTitle')} />;
  if (recording.error) {
    return (
      <LoadErrorPage error={recording.error} onRetry={() => void recording.refetch()} goneTitle={t('recordings.page.goneTitle')} goneText={t('recordings.page.goneText')}>
        <Paragraph>
          <Link to="/">{t('common.toHome')}</Link>
        </Paragraph>
      </LoadErrorPage>
    );
  }
  return <RecordingView recording={recording.data} onDeleted={() => setDeletedHere(true)} />;
}

function RecordingView({ recording, onDeleted }: { recording: RecordingDetail; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale = i18n.language;
  const date = formatDay(recording.conversationHeldOn, locale);
  const title = t('recordings.page.title', { client: recording.clientPseudonym, date });
  const ready = recording.status === 'ready';
  const views = useRecordingViews(recording.id, recording.status !== 'deleted');
  const list = useRecordingList(recording.conversationId);
  const notices = (list.data?.notices ?? []).filter((notice) => notice.recordingId === recording.id);

  // A view is logged when the playlist is fetched; show it in the list right away.
  const onViewLogged = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: recordingKeys.views(recording.id) });
  }, [queryClient, recording.id]);

  if (recording.status === 'deleted') {
    return (
      <Page title={t('recordings.page.deletedTitle')} breadcrumbs={[{ to: conversationPath(recording.conversationId), label: t('breadcrumbs.conversation') }]}>
        <ProcessingView recording={recording} />
        <Paragraph>
          <Link to={conversationPath(recording.conversationId)}>{t('recordings.page.toConversation')}</Link>
        </Paragraph>
      </Page>
    );
  }

  return (
    <Page
      title={title}
      documentTitle={t('recordings.page.documentTitle', { date })}
      crumbLabel={t('breadcrumbs.recording')}
      breadcrumbs={[{ to: conversationPath(recording.conversationId), label: t('breadcrumbs.conversationOf', { client: recording.clientPseudonym, date }) }]}
    >
      <Notices notices={notices} />
      {ready ? (
        <>
          <Player recordingId={recording.id} label={t('recordings.player.label', { client: recording.clientPseudonym, date })} onViewLogged={onViewLogged} />
          <Paragraph>
            <RecordingActions recording={recording} />
          </Paragraph>
        </>
      ) : (
        <ProcessingView recording={recording} showLink={false} />
      )}

      <dl className="sk-recording-facts">
        <Fact label={t('recordings.page.status')}>{t(`recordings.status.${recording.status}`)}</Fact>
        <Fact label={t('recordings.page.kind')}>{t(`recordings.kind.${recording.kind}`)}</Fact>
        {recording.durationSeconds !== null ? (
          <Fact label={t('recordings.page.duration')}>{formatClock(recording.durationSeconds)}</Fact>
        ) : null}
        <Fact label={t('recordings.page.conversation')}>
          <Link to={conversationPath(recording.conversationId)}>{t('recordings.list.name', { client: recording.clientPseudonym, date })}</Link>
        </Fact>
        {recording.consent ? (
          <Fact label={t('recordings.page.consent')}>
            {t('recordings.page.consentText', {
              media: t(`recordings.kind.${recording.consent.media}`),
              audience: t(`recordings.audience.${recording.consent.audience}`),
              count: recording.consent.retentionDays,
            })}
          </Fact>
        ) : null}
        {recording.retentionEndsAt ? (
          <Fact label={t('recordings.page.retention')}>{t('recordings.page.retentionText', { date: formatDay(recording.retentionEndsAt, locale) })}</Fact>
        ) : null}
      </dl>

      <Section id="recording-views" title={t('recordings.views.title')}>
        <Paragraph small>{t('recordings.views.intro')}</Paragraph>
        <QueryStatus query={views} />
        {views.data ? <ViewsTable views={views.data.views} /> : null}
      </Section>

      <Section id="recording-delete" title={t('recordings.delete.title')}>
        <DeleteRecording recordingId={recording.id} onDeleted={onDeleted} />
      </Section>
    </Page>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
