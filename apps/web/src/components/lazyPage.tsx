import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPage } from './QueryState.js';

/** A staff page loaded on demand (pages with players or charts bring large libraries). */
export function lazyPage(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    const { t } = useTranslation();
    return (
      <Suspense fallback={<LoadingPage title={t('common.loadingTitle')} />}>
        <Component />
      </Suspense>
    );
  };
}
