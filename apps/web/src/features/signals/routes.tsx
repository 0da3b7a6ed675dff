import { lazyPage } from '../../components/lazyPage.js';

/** Route elements of the signals feature, loaded on demand. */
export const LazyMySignalsPage = lazyPage(() => import('./MySignalsPage.js').then((module) => module.MySignalsPage));
export const LazyNewSignalPage = lazyPage(() => import('./NewSignalPage.js').then((module) => module.NewSignalPage));
export const LazySignalInboxPage = lazyPage(() => import('./InboxPage.js').then((module) => module.InboxPage));
export const LazySignalPage = lazyPage(() => import('./SignalPage.js').then((module) => module.SignalPage));
