import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, type Locale, type SessionResponse } from '@spreekkamer/shared';
import { applySession, sessionKey } from '../features/auth/session.js';
import { changeLocale, currentLocale } from '../i18n/index.js';
import { call } from '../api/client.js';

const otherLanguage: Record<Locale, { locale: Locale; name: string }> = {
  nl: { locale: 'en', name: 'English' },
  en: { locale: 'nl', name: 'Nederlands' },
};

/**
 * One button that names the other language in that language ("English" / "Nederlands"), so
 * someone who cannot read the current one still finds it. Logged in, the choice is saved to the
 * account; otherwise it is remembered on this device.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const target = otherLanguage[currentLocale()];

  const save = useMutation({
    mutationFn: (locale: Locale) => call(contract.account.updateProfile, { body: { locale } }),
    onSuccess: (session) => applySession(queryClient, session),
  });

  async function switchLanguage() {
    await changeLocale(target.locale);
    const session = queryClient.getQueryData<SessionResponse | null>(sessionKey);
    if (session && !session.mustSetUpTotp) save.mutate(target.locale);
  }

  return (
    <Button
      appearance="subtle-button"
      className="sk-language-switch"
      onClick={() => void switchLanguage()}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="sk-icon">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      <span className="sk-visually-hidden">{t('layout.languageSwitchLabel')} </span>
      <span lang={target.locale}>{target.name}</span>
    </Button>
  );
}
