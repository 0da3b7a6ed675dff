import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ClientLocale, contract } from '@spreekkamer/shared';
import { changeLocale } from '../../i18n/index.js';
import { applyClientSession, useClientSession } from '../../api/client-session.js';
import { Pictogram } from '../icons/Pictogram.js';
import { directionOf, offeredClientLanguages } from './languages.js';
import { call } from '../../api/client.js';

/**
 * The organisation's client languages as buttons, each in its own language and script. The
 * choice is remembered on this device and, with a client session, for the client's link (card,
 * e-mail and copies follow it). A staff account's own setting never follows it. Without a
 * session, the page may pass what the link's organisation offers.
 */
export function ClientLanguageSwitch({ offeredLocales }: { offeredLocales?: readonly ClientLocale[] | undefined }) {
  const { t, i18n } = useTranslation();
  const session = useClientSession();
  const queryClient = useQueryClient();

  const choose = async (code: ClientLocale) => {
    await changeLocale(code);
    if (!session.data || session.data.locale === code) return;
    try {
      applyClientSession(queryClient, await call(contract.clientAccess.setLocale, { body: { locale: code } }));
    } catch {
      // The page shows the language all the same; only the link does not remember it this time.
    }
  };

  return (
    <div role="group" aria-label={t('clientKit.language')} className="sk-client-languages" data-read-aloud="skip">
      <Pictogram name="globe" size={28} />
      {offeredClientLanguages(session.data?.offeredLocales ?? offeredLocales).map((language) => (
        <button
          key={language.code}
          type="button"
          lang={language.code}
          dir={directionOf(language.code)}
          aria-pressed={i18n.language === language.code}
          className="sk-client-language"
          onClick={() => void choose(language.code)}
        >
          {language.name}
        </button>
      ))}
    </div>
  );
}
