import { lazyPage } from '../../components/lazyPage.js';

/**
 * Route elements of the review feature. Pages with a player bring hls.js and wavesurfer.js, so
 * every page here loads on demand.
 */
export const LazyReviewRoomPage = lazyPage(() => import('./ReviewRoomPage.js').then((module) => module.ReviewRoomPage));
export const LazyReportPage = lazyPage(() => import('./ReportPage.js').then((module) => module.ReportPage));
export const LazyAnonymousPointsPage = lazyPage(() => import('./AnonymousPointsPage.js').then((module) => module.AnonymousPointsPage));
export const LazySharedWithMePage = lazyPage(() => import('./SharedWithMePage.js').then((module) => module.SharedWithMePage));
export const LazyFeedbackGuidePage = lazyPage(() => import('./FeedbackGuide.js').then((module) => module.FeedbackGuidePage));
export const LazyPolicySharesPage = lazyPage(() => import('./PolicySharesPage.js').then((module) => module.PolicySharesPage));
export const LazySharedViewerPage = lazyPage(() => import('./SharedViewerPage.js').then((module) => module.SharedViewerPage));
export const LazyReviewMeetingPage = lazyPage(() => import('./ReviewMeetingPage.js').then((module) => module.ReviewMeetingPage));
export const LazyClientTalkReviewerPage = lazyPage(() => import('./ClientTalkReviewerPage.js').then((module) => module.ClientTalkReviewerPage));
export const LazyPeerGroupsPage = lazyPage(() => import('./PeerGroupsPage.js').then((module) => module.PeerGroupsPage));
export const LazyGuideAdminPage = lazyPage(() => import('./GuideAdminPage.js').then((module) => module.GuideAdminPage));
