import { useTranslation } from 'react-i18next';
import { changeLocale } from '../../i18n/index.js';
import { localeSchema } from '@spreekkamer/shared';
import { Pictogram } from '../icons/Pictogram.js';
import { clientLanguages, directionOf } from './languages.js';

/**
 * All client languages as buttons, each in its own language and script. Only this device changes:
 * on a tablet in the room, a staff account's setting must not follow the client's choice.
 */
export function ClientLanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('clientKit.language')} className="sk-client-languages" data-read-aloud="skip">
      <Pictogram name="globe" size={28} />
      {clientLanguages.map((language) => {
        const current = i18n.language === language.code;
        return (
          <button
            key={language.code}
            type="button"
            lang={language.code}
            dir={directionOf(language.code)}
            aria-pressed={current}
            className="sk-client-language"
            onClick={() => {
              const parsed = localeSchema.safeParse(language.code);
              if (parsed.success) void changeLocale(parsed.data);
              else void i18n.changeLanguage(language.code);
            }}
          >
            {language.name}
          </button>
        );
      })}
    </div>
  );
}
