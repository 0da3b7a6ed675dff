import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeSchema, type Locale } from '@spreekkamer/shared';
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
import rhythmEn from './rhythm.en.json' with { type: 'json' };
import rhythmNl from './rhythm.nl.json' with { type: 'json' };

// Each feature keeps its texts in <feature>.<lang>.json under one top-level key; merged here.
export const resources = {
  nl: { translation: { ...nl, ...clientKitNl, ...clientsNl, ...consentNl, ...recordingsNl, ...reviewsNl, ...feedbackNl, ...rhythmNl } },
  en: { translation: { ...en, ...clientKitEn, ...clientsEn, ...consentEn, ...recordingsEn, ...reviewsEn, ...feedbackEn, ...rhythmEn } },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['nl'];
  }
}

const storageKey = 'spreekkamer.locale';

function storedLocale(): Locale {
  try {
    const parsed = localeSchema.safeParse(window.localStorage.getItem(storageKey));
    return parsed.success ? parsed.data : 'nl';
  } catch {
    // Storage can be blocked (private mode, strict settings); Dutch is the default then.
    return 'nl';
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
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

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered on this device; the account setting still is when logged in.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
