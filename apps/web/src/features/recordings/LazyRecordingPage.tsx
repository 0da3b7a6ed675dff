import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPage } from '../../components/QueryState.js';

// The player brings hls.js and wavesurfer.js; only this page needs them, so they load with it.
const RecordingPage = lazy(() => import('./RecordingPage.js').then((module) => ({ default: module.RecordingPage })));

/** Route element for /opnames/:id. */
export function LazyRecordingPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<LoadingPage title={t('recordings.page.loadingTitle')} />}>
      <RecordingPage />
    </Suspense>
  );
}
