import { lazyPage } from '../../components/lazyPage.js';

/** Route elements of the team learning agenda, loaded on demand. */
export const LazyAgendaOverviewPage = lazyPage(() => import('./AgendaOverviewPage.js').then((module) => module.AgendaOverviewPage));
export const LazyTeamAgendaPage = lazyPage(() => import('./TeamAgendaPage.js').then((module) => module.TeamAgendaPage));
export const LazyMeetingsPage = lazyPage(() => import('./MeetingsPage.js').then((module) => module.MeetingsPage));
