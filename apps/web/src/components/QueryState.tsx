import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { Alert } from './Alert.js';
import { Paragraph } from './Paragraph.js';
import { useErrorText } from './errors.js';

/** Shown while data loads; the busy region and the status text both tell assistive tech. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="sk-loading" aria-busy="true">
      <span className="sk-loading__spinner" aria-hidden="true" />
      <Paragraph role="status">{label ?? t('common.loading')}</Paragraph>
    </div>
  );
}

/** Shown when data could not be loaded, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Alert type="error" role="alert">
      <Paragraph>{errorText(error)}</Paragraph>
      {onRetry ? (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
