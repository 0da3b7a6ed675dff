import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { clientLocaleSchema, clientLocales, localeSchema, type ClientLocale, type Locale } from '@spreekkamer/shared';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
import clientKitEn from './clientKit.en.json' with { type: 'json' };
import clientKitNl from './clientKit.nl.json' with { type: 'json' };
import clientsEn from './clients.en.json' with { type: 'json' };
import clientsNl from './clients.nl.json' with { type: 'json' };
import consentEn from './consent.en.json' with { type: 'json' };
import consentNl from './consent.nl.json' with { type: 'json' };
import feedbackEn from './feedback.en.json' with { type: 'json' };
import feedbackNl from './feedback.nl.json' with { type: 'json' };
import recordingsEn from './recordings.en.json' with { type: 'json' };
import recordingsNl from './recordings.nl.json' with { type: 'json' };
import reviewsEn from './reviews.en.json' with { type: 'json' };
import reviewsNl from './reviews.nl.json' with { type: 'json' };
import learningEn from './learning.en.json' with { type: 'json' };
import learningNl from './learning.nl.json' with { type: 'json' };
import rhythmEn from './rhythm.en.json' with { type: 'json' };
import rhythmNl from './rhythm.nl.json' with { type: 'json' };
import languagesEn from './languages.en.json' with { type: 'json' };
import registerEn from './register.en.json' with { type: 'json' };
import registerNl from './register.nl.json' with { type: 'json' };
import languagesNl from './languages.nl.json' with { type: 'json' };
import explainerEn from './explainer.en.json' with { type: 'json' };
import explainerNl from './explainer.nl.json' with { type: 'json' };
import ssoEn from './sso.en.json' with { type: 'json' };
import ssoNl from './sso.nl.json' with { type: 'json' };
// Client languages beyond Dutch and English hold the client pages' texts only (see client/scopes.ts).
import clientAr from './client/ar.json' with { type: 'json' };
import clientPl from './client/pl.json' with { type: 'json' };
import clientTr from './client/tr.json' with { type: 'json' };
import clientUk from './client/uk.json' with { type: 'json' };

// Each feature keeps its texts in <feature>.<lang>.json under one top-level key; merged here.
export const resources = {
  nl: { translation: { ...nl, ...clientKitNl, ...clientsNl, ...consentNl, ...recordingsNl, ...reviewsNl, ...feedbackNl, ...languagesNl, ...learningNl, ...rhythmNl, ...registerNl, ...explainerNl, ...ssoNl } },
  en: { translation: { ...en, ...clientKitEn, ...clientsEn, ...consentEn, ...recordingsEn, ...reviewsEn, ...feedbackEn, ...languagesEn, ...learningEn, ...rhythmEn, ...registerEn, ...explainerEn, ...ssoEn } },
} as const;

export const clientResources = {
  ar: { translation: clientAr },
  tr: { translation: clientTr },
  pl: { translation: clientPl },
  uk: { translation: clientUk },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['nl'];
  }
}

const storageKey = 'spreekkamer.locale';

function storedLocale(): ClientLocale {
  try {
    // A client's choice on their own device is remembered too, so client languages count here.
    const parsed = clientLocaleSchema.safeParse(window.localStorage.getItem(storageKey));
    return parsed.success ? parsed.data : 'nl';
  } catch {
    // Storage can be blocked (private mode, strict settings); Dutch is the default then.
    return 'nl';
  }
}

void i18n.use(initReactI18next).init({
  resources: { ...resources, ...clientResources },
  lng: storedLocale(),
  fallbackLng: 'nl',
  supportedLngs: [...clientLocales],
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyToDocument(locale: string): void {
  document.documentElement.lang = locale;
}
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

export function currentLocale(): Locale {
  const parsed = localeSchema.safeParse(i18n.language);
  return parsed.success ? parsed.data : 'nl';
}

/** The page language as a client language (staff languages are among them). */
export function currentClientLocale(): ClientLocale {
  const parsed = clientLocaleSchema.safeParse(i18n.language);
  return parsed.success ? parsed.data : 'nl';
}

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: ClientLocale): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered on this device; the account setting still is when logged in.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
