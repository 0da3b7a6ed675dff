import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientShell } from '../components/client/index.js';
import { lazyPage } from '../components/lazyPage.js';
import { Loading } from '../components/QueryState.js';

/** Client pages loaded on demand; while they load, the client already sees their own calm frame. */
function lazyClientPage(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }));
  return function LazyClientPage() {
    const { t } = useTranslation();
    return (
      <Suspense
        fallback={
          <ClientShell documentTitle={t('clientKit.busy')}>
            <Loading label={t('clientKit.busy')} />
          </ClientShell>
        }
      >
        <Component />
      </Suspense>
    );
  };
}

export const LazyClientFeedbackPage = lazyClientPage(() => import('./feedback/ClientFeedbackPage.js').then((m) => m.ClientFeedbackPage));
export const LazyAllianceCheckPage = lazyClientPage(() => import('./feedback/AllianceCheckPage.js').then((m) => m.AllianceCheckPage));
export const LazyClientFollowUpPage = lazyClientPage(() => import('./feedback/ClientFollowUpPage.js').then((m) => m.ClientFollowUpPage));
// Played on the reviewer's device with both present, so it waits inside the staff frame.
export const LazyClientTalkPage = lazyPage(() => import('./reviews/ClientTalkPage.js').then((module) => module.ClientTalkPage));
