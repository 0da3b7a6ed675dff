import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from './Page.js';
import { Loading } from './QueryState.js';

/** A staff page loaded on demand (pages with players or charts bring large libraries). */
export function lazyPage(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    const { t } = useTranslation();
    return (
      <Suspense
        fallback={
          <Page title={t('common.loadingTitle')}>
            <Loading />
          </Page>
        }
      >
        <Component />
      </Suspense>
    );
  };
}
