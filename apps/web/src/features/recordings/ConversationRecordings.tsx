import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { ConsentSummary, NoShareStretchInput, RecordingKind } from '@spreekkamer/shared';
import { markNoShare } from '../reviews/api.js';
import { Alert } from '../../components/Alert.js';
import { Heading } from '../../components/Heading.js';
import { ButtonLink } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError } from '../../components/QueryState.js';
import { formatDateTime } from '../../lib/format.js';
import { useRecordingList } from './api.js';
import { ProcessingStatus } from './ProcessingStatus.js';
import { RecordingTable } from './RecordingTable.js';
import { Notices } from './Notices.js';
import { Recorder } from './recorder/Recorder.js';
import {
  listStoredRecordings,
  loadStoredRecording,
  removeStoredRecording,
  type StoredRecording,
} from './recorder/chunk-store.js';
import { FilePicker } from './upload/FilePicker.js';
import { UploadProgress } from './upload/UploadProgress.js';
import { useRecordingUpload } from './upload/useRecordingUpload.js';
import './recordings.css';

export interface ConversationRecordingsProps {
  conversationId: string;
  /** The client's latest answer for this conversation (Conversation.consent); null when not asked yet. */
  consent: ConsentSummary | null;
  /** Where the professional asks the client for consent (or confirms their own), if there is such a page. */
  consentHref?: string;
  /** Heading level of this block on the host page. */
  headingLevel?: 2 | 3;
}

type Blocked = 'none' | 'declined' | 'withdrawn' | 'noMedia' | 'professional';

/** Why recording is not possible now, or null when the consent allows it. Mirrors the server's check. */
export function recordingBlockedBy(consent: ConsentSummary | null): Blocked | null {
  if (!consent) return 'none';
  if (consent.status === 'withdrawn') return 'withdrawn';
  if (consent.status === 'declined') return 'declined';
  if (consent.media === 'none') return 'noMedia';
  if (!consent.professionalConfirmed) return 'professional';
  return null;
}

/**
 * Everything about recordings on a conversation's page: record or upload (only within the
 * consent), follow the upload and processing, and the conversation's recordings.
 */
export function ConversationRecordings({ conversationId, consent, consentHref, headingLevel = 2 }: ConversationRecordingsProps) {
  const { t } = useTranslation();
  const list = useRecordingList(conversationId);
  const blocked = recordingBlockedBy(consent);
  const media: RecordingKind | null = consent && consent.media !== 'none' && !blocked ? consent.media : null;

  return (
    <section className="sk-section sk-conversation-recordings" aria-labelledby="conversation-recordings">
      <Heading level={headingLevel} id="conversation-recordings">
        {t('recordings.conversation.title')}
      </Heading>
      {list.data ? <Notices notices={list.data.notices.filter((notice) => notice.conversationId === conversationId)} /> : null}
      {blocked || !media ? (
        <Alert type="info" className="sk-recording-blocked">
          <Paragraph>{t(`recordings.conversation.blocked.${blocked ?? 'none'}`)}</Paragraph>
          {consentHref && blocked !== 'withdrawn' ? (
            <ButtonLink to={consentHref} appearance="primary-action">
              {blocked === 'professional' ? t('recordings.conversation.toOwnConsent') : t('recordings.conversation.toConsent')}
            </ButtonLink>
          ) : null}
        </Alert>
      ) : (
        <RecordOrUpload
          conversationId={conversationId}
          media={media}
          unfinished={list.data?.recordings.some((recording) => recording.status === 'uploading') ?? false}
          headingLevel={headingLevel === 2 ? 3 : 4}
        />
      )}
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.recordings.length > 0 ? (
        <>
          <Heading level={headingLevel === 2 ? 3 : 4}>{t('recordings.conversation.listTitle')}</Heading>
          <RecordingTable recordings={list.data.recordings} caption={t('recordings.conversation.listTitle')} />
        </>
      ) : null}
    </section>
  );
}

interface RecordOrUploadProps {
  conversationId: string;
  media: RecordingKind;
  unfinished: boolean;
  headingLevel: 3 | 4;
}

function RecordOrUpload({ conversationId, media, unfinished, headingLevel }: RecordOrUploadProps) {
  const { t, i18n } = useTranslation();
  const { state, start, pause, resume, reset } = useRecordingUpload(conversationId);
  // The browser's copy of a recording goes once the server has every byte of it.
  const storedIdRef = useRef<string | null>(null);
  const [leftovers, setLeftovers] = useState<StoredRecording[]>([]);

  const refreshLeftovers = useCallback(() => {
    listStoredRecordings(conversationId).then(setLeftovers, () => setLeftovers([]));
  }, [conversationId]);

  useEffect(refreshLeftovers, [refreshLeftovers]);

  // Stretches marked "niet delen" while recording go with the recording once the server has it.
  const noShareRef = useRef<NoShareStretchInput[]>([]);
  const [noShareProblem, setNoShareProblem] = useState(false);
  useEffect(() => {
    if (state.phase !== 'done' || noShareRef.current.length === 0) return;
    const stretches = noShareRef.current;
    noShareRef.current = [];
    const recordingId = state.recordingId;
    void (async () => {
      try {
        for (const stretch of stretches) await markNoShare(recordingId, stretch);
      } catch {
        setNoShareProblem(true);
      }
    })();
  }, [state]);

  useEffect(() => {
    if (state.phase !== 'done' || !storedIdRef.current) return;
    const storedId = storedIdRef.current;
    storedIdRef.current = null;
    void removeStoredRecording(storedId).catch(() => undefined).then(refreshLeftovers);
  }, [state.phase, refreshLeftovers]);

  // Closing the tab mid-upload loses nothing (it resumes), but asking first saves a second trip.
  const sending = state.phase === 'uploading' || state.phase === 'starting';
  useEffect(() => {
    if (!sending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sending]);

  const uploadFile = (file: File, kind: RecordingKind) => {
    storedIdRef.current = null;
    void start(file, kind);
  };

  const uploadRecording = (file: File, kind: RecordingKind, storedId: string, noShare: NoShareStretchInput[] = []) => {
    storedIdRef.current = storedId;
    noShareRef.current = noShare;
    setNoShareProblem(false);
    void start(file, kind);
    refreshLeftovers();
  };

  async function uploadLeftover(stored: StoredRecording) {
    const file = await loadStoredRecording(stored).catch(() => null);
    if (!file) {
      await removeStoredRecording(stored.id).catch(() => undefined);
      refreshLeftovers();
      return;
    }
    uploadRecording(file, stored.kind, stored.id);
  }

  async function discardLeftover(stored: StoredRecording) {
    await removeStoredRecording(stored.id).catch(() => undefined);
    refreshLeftovers();
  }

  if (state.phase === 'done') {
    return (
      <>
        {noShareProblem ? (
          <Alert type="error" role="alert">
            <Paragraph>{t('recordings.recorder.noShareNotSaved')}</Paragraph>
          </Alert>
        ) : null}
        <ProcessingStatus recordingId={state.recordingId} onTryAnother={reset} onAnother={reset} />
      </>
    );
  }
  if (state.phase !== 'idle') {
    return <UploadProgress state={state} onPause={pause} onResume={resume} onChooseAnother={reset} />;
  }

  // A recording in progress in another tab is also "left over" here; offering it is harmless, the upload resumes by fingerprint.
  return (
    <div className="sk-stack">
      {leftovers.length > 0 ? (
        <Alert type="warning">
          {leftovers.map((stored) => (
            <div key={stored.id} className="sk-leftover">
              <Paragraph>{t('recordings.conversation.leftover', { at: formatDateTime(new Date(stored.startedAt).toISOString(), i18n.language) })}</Paragraph>
              <div className="sk-actions">
                <Button appearance="primary-action-button" onClick={() => void uploadLeftover(stored)}>
                  {t('recordings.conversation.leftoverUpload')}
                </Button>
                <Button appearance="secondary-action-button" hint="danger" onClick={() => void discardLeftover(stored)}>
                  {t('recordings.conversation.leftoverDiscard')}
                </Button>
              </div>
            </div>
          ))}
        </Alert>
      ) : null}
      {unfinished ? <Paragraph>{t('recordings.conversation.unfinished')}</Paragraph> : null}
      <div className="sk-record-or-upload">
        <div className="sk-record-or-upload__part">
          <Heading level={headingLevel}>{t('recordings.conversation.recordTitle')}</Heading>
          <Recorder conversationId={conversationId} consentMedia={media} onRecorded={uploadRecording} />
        </div>
        <div className="sk-record-or-upload__part">
          <Heading level={headingLevel}>{t('recordings.conversation.uploadTitle')}</Heading>
          <FilePicker consentMedia={media} onFile={uploadFile} />
        </div>
      </div>
    </div>
  );
}
