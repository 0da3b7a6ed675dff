import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyPage } from '../components/lazyPage.js';
import { Loading } from '../components/QueryState.js';

// The client's frame (with its pictograms, read-aloud and language switch) is not in the staff
// pages' first download: it comes with the first client page, and frames that page's wait.
const ClientShell = lazy(() => import('../components/client/ClientShell.js').then((module) => ({ default: module.ClientShell })));

/** Client pages loaded on demand; while they load, the client sees their own calm frame as soon as it is here. */
export function lazyClientPage(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }));
  return function LazyClientPage() {
    const { t } = useTranslation();
    return (
      <Suspense
        fallback={
          <Suspense fallback={<Loading label={t('clientKit.busy')} />}>
            <ClientShell documentTitle={t('clientKit.busy')}>
              <Loading label={t('clientKit.busy')} />
            </ClientShell>
          </Suspense>
        }
      >
        <Component />
      </Suspense>
    );
  };
}

// Played on the reviewer's device with both present, so it waits inside the staff frame.
export const LazyClientTalkPage = lazyPage(() => import('./reviews/ClientTalkPage.js').then((module) => module.ClientTalkPage));
