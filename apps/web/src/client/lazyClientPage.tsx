import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/QueryState.js';
import { ClientShell } from './components/index.js';

/** A client page loaded on demand, waiting inside the client frame (staff pages use components/lazyPage). */
export function lazyClientPage(load: () => Promise<ComponentType>) {
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
