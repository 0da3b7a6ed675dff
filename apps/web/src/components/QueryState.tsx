import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { ApiError } from '../api/client.js';
import { Alert } from './Alert.js';
import { Page } from './Page.js';
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

/** Why a change (a mutation) did not go through; nothing while there is no error. */
export function MutationError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (error === null || error === undefined) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{errorText(error)}</Paragraph>
    </Alert>
  );
}

/** What QueryStatus needs of a query (TanStack Query's result has it). */
export interface QueryLike {
  isPending: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** A query's loading state or its load error with a retry; nothing once its data is there. */
export function QueryStatus({ query, loadingLabel }: { query: QueryLike; loadingLabel?: string }) {
  return (
    <>
      {query.isPending ? <Loading label={loadingLabel} /> : null}
      {query.error ? <LoadError error={query.error} onRetry={() => void query.refetch()} /> : null}
    </>
  );
}

/** A whole page while the data it is about loads. */
export function LoadingPage({ title }: { title: string }) {
  return (
    <Page title={title}>
      <Loading />
    </Page>
  );
}

export interface LoadErrorPageProps {
  error: unknown;
  onRetry: () => void;
  /** Title and text for when the server does not know it (any more): 404, or one of goneStatuses. */
  goneTitle: string;
  goneText: string;
  /** Statuses that mean gone; 404 unless given. */
  goneStatuses?: readonly number[];
  /** The title for any other error; the general error title unless given. */
  errorTitle?: string;
  /** Where to go from here. */
  children?: ReactNode;
}

/** A whole page whose data could not be loaded: gone (404), or the error with a retry. */
export function LoadErrorPage({ error, onRetry, goneTitle, goneText, goneStatuses = [404], errorTitle, children }: LoadErrorPageProps) {
  const { t } = useTranslation();
  const gone = error instanceof ApiError && goneStatuses.includes(error.status);
  return (
    <Page title={gone ? goneTitle : (errorTitle ?? t('errors.pageTitle'))}>
      {gone ? <Paragraph>{goneText}</Paragraph> : <LoadError error={error} onRetry={onRetry} />}
      {children}
    </Page>
  );
}
