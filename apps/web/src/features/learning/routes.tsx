import { lazyPage } from '../../components/lazyPage.js';

/** Route elements of the learning feature, loaded on demand. */
export const LazyLearningPage = lazyPage(() => import('./LearningPage.js').then((module) => module.LearningPage));
export const LazyPlanPage = lazyPage(() => import('./PlanPage.js').then((module) => module.PlanPage));
export const LazyCoachPage = lazyPage(() => import('./CoachPage.js').then((module) => module.CoachPage));
