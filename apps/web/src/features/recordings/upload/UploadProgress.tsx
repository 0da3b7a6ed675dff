import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { ApiError } from '../../../api/client.js';
import { Alert } from '../../../components/Alert.js';
import { Paragraph } from '../../../components/Paragraph.js';
import { useErrorText } from '../../../components/errors.js';
import { formatBytes } from '../format.js';
import { ProgressBar } from '../ProgressBar.js';
import type { UploadState } from './useRecordingUpload.js';

export interface UploadProgressProps {
  state: Exclude<UploadState, { phase: 'idle' } | { phase: 'done' }>;
  onPause: () => void;
  onResume: () => void;
  onChooseAnother: () => void;
}

/** A refusal will not change by trying again; a dropped connection or a server hiccup may. */
function canTryAgain(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

export function UploadProgress({ state, onPause, onResume, onChooseAnother }: UploadProgressProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const locale = i18n.language;

  if (state.phase === 'starting') {
    return <ProgressBar label={t('recordings.upload.starting', { file: state.fileName })} value={null} />;
  }

  const detail = t('recordings.upload.bytes', { sent: formatBytes(state.sent, locale), total: formatBytes(state.total, locale) });

  if (state.phase === 'error') {
    return (
      <div className="sk-stack">
        {state.total > 0 && state.sent > 0 ? (
          <ProgressBar label={t('recordings.upload.stoppedAt', { file: state.fileName })} value={state.sent / state.total} detail={detail} />
        ) : null}
        <Alert type="error" role="alert">
          <Paragraph>{errorText(state.error)}</Paragraph>
          {canTryAgain(state.error) && state.recordingId ? <Paragraph>{t('recordings.upload.nothingLost')}</Paragraph> : null}
        </Alert>
        <div className="sk-actions">
          {canTryAgain(state.error) && state.recordingId ? (
            <Button appearance="primary-action-button" onClick={onResume}>
              {t('recordings.upload.tryAgain')}
            </Button>
          ) : null}
          <Button appearance="secondary-action-button" onClick={onChooseAnother}>
            {t('recordings.upload.chooseAnother')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="sk-stack">
      <ProgressBar
        label={
          state.phase === 'paused'
            ? t('recordings.upload.paused', { file: state.fileName })
            : t('recordings.upload.uploading', { file: state.fileName })
        }
        value={state.total > 0 ? state.sent / state.total : null}
        detail={detail}
      />
      <div aria-live="polite">
        {state.reconnecting ? <Paragraph>{t('recordings.upload.reconnecting')}</Paragraph> : null}
        {state.resumed && state.phase === 'uploading' && !state.reconnecting ? (
          <Paragraph small>{t('recordings.upload.resumed')}</Paragraph>
        ) : null}
      </div>
      <div className="sk-actions">
        {state.phase === 'uploading' ? (
          <Button appearance="secondary-action-button" onClick={onPause}>
            {t('recordings.upload.pause')}
          </Button>
        ) : (
          <Button appearance="primary-action-button" onClick={onResume}>
            {t('recordings.upload.resume')}
          </Button>
        )}
      </div>
      <Paragraph small>{t('recordings.upload.keepOpen')}</Paragraph>
    </div>
  );
}
