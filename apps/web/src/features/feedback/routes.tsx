import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '@spreekkamer/shared';
import { ClientShell } from '../../client/components/index.js';
import { lazyPage } from '../../components/lazyPage.js';
import { Loading } from '../../components/QueryState.js';

/**
 * Route elements of client feedback, loaded on demand (the trend chart brings Observable Plot).
 * Client pages wait inside the client frame, staff pages inside the staff page.
 */

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

export const LazyFeedbackListPage = lazyPage(() => import('./FeedbackListPage.js').then((m) => m.FeedbackListPage));
export const LazyFeedbackPage = lazyPage(() => import('./FeedbackPage.js').then((m) => m.FeedbackPage));
export const LazyConversationScreen = lazyPage(() => import('./ConversationScreen.js').then((m) => m.ConversationScreen));
export const LazyAllianceOverviewPage = lazyPage(() => import('./AllianceOverviewPage.js').then((m) => m.AllianceOverviewPage));

export const LazyClientFeedbackPage = lazyClientPage(() => import('../../client/feedback/ClientFeedbackPage.js').then((m) => m.ClientFeedbackPage));
export const LazyAllianceCheckPage = lazyClientPage(() => import('../../client/feedback/AllianceCheckPage.js').then((m) => m.AllianceCheckPage));
export const LazyClientFollowUpPage = lazyClientPage(() => import('../../client/feedback/ClientFollowUpPage.js').then((m) => m.ClientFollowUpPage));

const ClientFeedbackSection = lazy(() => import('./ClientFeedbackSection.js').then((m) => ({ default: m.ClientFeedbackSection })));

/** For the client's page (professional side). */
export function LazyClientFeedbackSection({ client }: { client: Client }) {
  return (
    <Suspense fallback={<Loading />}>
      <ClientFeedbackSection client={client} />
    </Suspense>
  );
}
