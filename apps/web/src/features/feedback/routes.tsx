import { lazy, Suspense } from 'react';
import type { Client } from '@spreekkamer/shared';
import { lazyPage } from '../../components/lazyPage.js';
import { Loading } from '../../components/QueryState.js';

/**
 * Route elements of client feedback, loaded on demand (the trend chart brings Observable Plot).
 * The client's own pages are in client/routes.tsx.
 */

export const LazyFeedbackListPage = lazyPage(() => import('./FeedbackListPage.js').then((m) => m.FeedbackListPage));
export const LazyFeedbackPage = lazyPage(() => import('./FeedbackPage.js').then((m) => m.FeedbackPage));
export const LazyConversationScreen = lazyPage(() => import('./ConversationScreen.js').then((m) => m.ConversationScreen));
export const LazyAllianceOverviewPage = lazyPage(() => import('./AllianceOverviewPage.js').then((m) => m.AllianceOverviewPage));

const ClientFeedbackSection = lazy(() => import('./ClientFeedbackSection.js').then((m) => ({ default: m.ClientFeedbackSection })));

/** For the client's page (professional side). */
export function LazyClientFeedbackSection({ client }: { client: Client }) {
  return (
    <Suspense fallback={<Loading />}>
      <ClientFeedbackSection client={client} />
    </Suspense>
  );
}
