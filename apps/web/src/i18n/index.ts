import i18n from 'i18next';
import { use, useEffect, useState } from 'react';
import { initReactI18next } from 'react-i18next';
import { clientLocaleSchema, clientLocales, localeSchema, type ClientLocale, type Locale } from '@spreekkamer/shared';
import nl from './nl.json' with { type: 'json' };
import clientKitNl from './clientKit.nl.json' with { type: 'json' };
import clientsNl from './clients.nl.json' with { type: 'json' };
import consentNl from './consent.nl.json' with { type: 'json' };
import feedbackNl from './feedback.nl.json' with { type: 'json' };
import recordingsNl from './recordings.nl.json' with { type: 'json' };
import reviewsNl from './reviews.nl.json' with { type: 'json' };
import learningNl from './learning.nl.json' with { type: 'json' };
import registerNl from './register.nl.json' with { type: 'json' };
import explainerNl from './explainer.nl.json' with { type: 'json' };
import ssoNl from './sso.nl.json' with { type: 'json' };
import teamAgendaNl from './teamAgenda.nl.json' with { type: 'json' };
import signalsNl from './signals.nl.json' with { type: 'json' };
import karNl from './kar.nl.json' with { type: 'json' };
import insightNl from './insight.nl.json' with { type: 'json' };

// Each feature keeps its texts in <feature>.<lang>.json under one top-level key; merged here.
// Dutch is the default and the fallback, so the texts of the log-in page, the home pages and the
// menu are in the first download; every other language is fetched when someone chooses it (see
// english.ts and client/*.json). A feature used only on pages loaded on demand keeps its texts
// out of the first download too: it is listed in `lazyTexts` below, and not here nor in english.ts.
export const resources = {
  nl: { translation: { ...nl, ...clientKitNl, ...clientsNl, ...consentNl, ...recordingsNl, ...reviewsNl, ...feedbackNl, ...learningNl, ...registerNl, ...explainerNl, ...ssoNl, ...teamAgendaNl, ...signalsNl, ...karNl, ...insightNl } },
} as const;

type Json = Promise<{ default: object }>;
/**
 * Features whose texts come with their pages: each component that uses such a feature's texts
 * calls `useTexts('<feature>')` first (it suspends until Dutch, and the page's language, are here).
 */
const lazyTexts = {
  rhythm: { nl: (): Json => import('./rhythm.nl.json'), en: (): Json => import('./rhythm.en.json') },
  languages: { nl: (): Json => import('./languages.nl.json'), en: (): Json => import('./languages.en.json') },
} as const satisfies Record<string, Record<'nl' | 'en', () => Json>>;
export type LazyTextFeature = keyof typeof lazyTexts;

/** Every text, the lazy features' included: what `t` may be asked for. */
export type Texts = (typeof resources)['nl']['translation'] &
  typeof import('./rhythm.nl.json') &
  typeof import('./languages.nl.json');

type OtherLocale = Exclude<ClientLocale, 'nl'>;
// Client languages beyond Dutch and English hold the client pages' texts only (see client/scopes.ts).
const loaders: Record<OtherLocale, () => Promise<object>> = {
  en: () => import('./english.js').then((module) => module.english),
  ar: () => import('./client/ar.json').then((module) => module.default),
  tr: () => import('./client/tr.json').then((module) => module.default),
  pl: () => import('./client/pl.json').then((module) => module.default),
  uk: () => import('./client/uk.json').then((module) => module.default),
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Texts };
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
  resources,
  lng: 'nl',
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

const loadedFeatures = new Map<LazyTextFeature, Promise<void>>();
const readyFeatures = new Set<LazyTextFeature>();

/** Adds one lazy feature's texts in `locale` (staff languages only; client languages fall back to Dutch). */
async function addFeatureTexts(feature: LazyTextFeature, locale: ClientLocale): Promise<void> {
  if (locale !== 'nl' && locale !== 'en') return;
  i18n.addResourceBundle(locale, 'translation', (await lazyTexts[feature][locale]()).default, true, true);
}

/** A lazy feature's texts in Dutch and in the page's language, fetched once. */
export function loadTexts(feature: LazyTextFeature): Promise<void> {
  let loading = loadedFeatures.get(feature);
  if (!loading) {
    const locales = new Set<ClientLocale>(['nl', currentClientLocale()]);
    loading = Promise.all([...locales].map((locale) => addFeatureTexts(feature, locale))).then(() => {
      readyFeatures.add(feature);
    });
    loadedFeatures.set(feature, loading);
  }
  return loading;
}

/** At the top of a module whose components use a lazy feature's texts: starts fetching them as the page's code loads. */
export function preloadTexts(feature: LazyTextFeature): void {
  void loadTexts(feature).catch(() => undefined);
}

/** First line of a component that shows a lazy feature's texts: suspends until they are here. */
export function useTexts(...features: LazyTextFeature[]): void {
  for (const feature of features) if (!readyFeatures.has(feature)) use(loadTexts(feature));
}

/** Fetches a language's texts once, with those of the lazy features already shown; Dutch is always there. */
export async function loadLanguage(locale: ClientLocale): Promise<void> {
  if (locale === 'nl' || i18n.hasResourceBundle(locale, 'translation')) return;
  const [texts] = await Promise.all([loaders[locale](), ...[...loadedFeatures.keys()].map((feature) => addFeatureTexts(feature, locale))]);
  i18n.addResourceBundle(locale, 'translation', texts, true, true);
}

/** Before the first render: the language remembered on this device, so nobody sees Dutch flash by. */
export async function startInStoredLanguage(): Promise<void> {
  const locale = storedLocale();
  try {
    await loadLanguage(locale);
    await i18n.changeLanguage(locale);
  } catch {
    // Offline or a failed fetch: Dutch still works.
  }
}

/** Re-renders once a language's texts are here, for something printed in another language than the page's. */
export function useLanguageLoaded(locale: ClientLocale): boolean {
  const [loaded, setLoaded] = useState(() => locale === 'nl' || i18n.hasResourceBundle(locale, 'translation'));
  useEffect(() => {
    let active = true;
    void loadLanguage(locale).then(() => {
      if (active) setLoaded(true);
    });
    return () => {
      active = false;
    };
  }, [locale]);
  return loaded;
}

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
  await loadLanguage(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
