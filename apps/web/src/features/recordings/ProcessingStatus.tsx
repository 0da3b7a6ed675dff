import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { RecordingSummary } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ButtonLink } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError } from '../../components/QueryState.js';
import { isSettled, recordingKeys, useRecording } from './api.js';
import { useFailureText } from './texts.js';
import { ProgressBar } from './ProgressBar.js';

export interface ProcessingStatusProps {
  recordingId: string;
  /** Offered when the file could not be used. */
  onTryAnother?: () => void;
  /** Offered once the recording is ready: start the next recording or upload. */
  onAnother?: () => void;
  /** Hide the "watch" link when already on the recording's page. */
  showLink?: boolean;
}

/** Follows a recording from upload to ready (polling every 1.5 s) and says what happens now. */
export function ProcessingStatus({ recordingId, onTryAnother, onAnother, showLink = true }: ProcessingStatusProps) {
  const recording = useRecording(recordingId);
  const queryClient = useQueryClient();
  const status = recording.data?.status;
  // Lists poll more slowly; once this one has settled they should say so too, at once.
  useEffect(() => {
    if (status && isSettled(status)) void queryClient.invalidateQueries({ queryKey: recordingKeys.all, refetchType: 'active' });
  }, [status, queryClient]);
  if (recording.error) return <LoadError error={recording.error} onRetry={() => void recording.refetch()} />;
  if (!recording.data) return <ProgressBar label={<StepLabel status="uploading" />} value={null} />;
  return <ProcessingView recording={recording.data} onTryAnother={onTryAnother} onAnother={onAnother} showLink={showLink} />;
}

function StepLabel({ status }: { status: RecordingSummary['status'] }) {
  const { t } = useTranslation();
  return <>{status === 'uploading' ? t('recordings.processing.stepUpload') : t('recordings.processing.stepProcess')}</>;
}

export function ProcessingView({
  recording,
  onTryAnother,
  onAnother,
  showLink = true,
}: {
  recording: RecordingSummary;
  onTryAnother?: (() => void) | undefined;
  onAnother?: (() => void) | undefined;
  showLink?: boolean;
}) {
  const { t } = useTranslation();
  const failureText = useFailureText();

  switch (recording.status) {
    case 'uploading':
    case 'processing':
      return (
        <div className="sk-stack">
          <ProgressBar
            label={<StepLabel status={recording.status} />}
            value={recording.progress}
            detail={recording.status === 'processing' ? t('recordings.processing.explain') : t('recordings.processing.waitingForUpload')}
          />
          <p className="sk-visually-hidden" aria-live="polite">
            {recording.status === 'processing' ? t('recordings.processing.stepProcess') : ''}
          </p>
        </div>
      );
    case 'ready':
      return (
        <div className="sk-stack">
          <Alert type="ok" role="status">
            <Paragraph>{t('recordings.processing.ready')}</Paragraph>
            {showLink ? (
              <ButtonLink appearance="primary-action" to={`/opnames/${recording.id}`}>
                {t('recordings.processing.watch')}
              </ButtonLink>
            ) : null}
          </Alert>
          {onAnother ? (
            <div className="sk-actions">
              <Button appearance="secondary-action-button" onClick={onAnother}>
                {t('recordings.conversation.another')}
              </Button>
            </div>
          ) : null}
        </div>
      );
    case 'failed':
      return (
        <div className="sk-stack">
          <Alert type="error" role="alert">
            <Paragraph>{recording.failure ? failureText(recording.failure) : t('recordings.failure.processing_failed')}</Paragraph>
          </Alert>
          {onTryAnother ? (
            <div className="sk-actions">
              <Button appearance="primary-action-button" onClick={onTryAnother}>
                {t('recordings.upload.chooseAnother')}
              </Button>
            </div>
          ) : null}
        </div>
      );
    case 'deleted':
      return (
        <Alert type="info" role="status">
          <Paragraph>{t(`recordings.deleted.${recording.deletedReason ?? 'professional'}`)}</Paragraph>
        </Alert>
      );
  }
}
