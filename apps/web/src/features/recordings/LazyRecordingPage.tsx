import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import { Loading } from '../../components/QueryState.js';

// The player brings hls.js and wavesurfer.js; only this page needs them, so they load with it.
const RecordingPage = lazy(() => import('./RecordingPage.js').then((module) => ({ default: module.RecordingPage })));

/** Route element for /opnames/:id. */
export function LazyRecordingPage() {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Page title={t('recordings.page.loadingTitle')}>
          <Loading />
        </Page>
      }
    >
      <RecordingPage />
    </Suspense>
  );
}
