import en from './en.json' with { type: 'json' };
import clientKitEn from './clientKit.en.json' with { type: 'json' };
import clientsEn from './clients.en.json' with { type: 'json' };
import consentEn from './consent.en.json' with { type: 'json' };
import feedbackEn from './feedback.en.json' with { type: 'json' };
import recordingsEn from './recordings.en.json' with { type: 'json' };
import reviewsEn from './reviews.en.json' with { type: 'json' };
import learningEn from './learning.en.json' with { type: 'json' };
import registerEn from './register.en.json' with { type: 'json' };
import explainerEn from './explainer.en.json' with { type: 'json' };
import ssoEn from './sso.en.json' with { type: 'json' };
import teamAgendaEn from './teamAgenda.en.json' with { type: 'json' };
import signalsEn from './signals.en.json' with { type: 'json' };
import karEn from './kar.en.json' with { type: 'json' };
import insightEn from './insight.en.json' with { type: 'json' };

/** English, the second staff language: its own download, fetched when someone chooses it (see index.ts; lazy features' texts come with their pages). */
export const english = { ...en, ...clientKitEn, ...clientsEn, ...consentEn, ...recordingsEn, ...reviewsEn, ...feedbackEn, ...learningEn, ...registerEn, ...explainerEn, ...ssoEn, ...teamAgendaEn, ...signalsEn, ...karEn, ...insightEn };
