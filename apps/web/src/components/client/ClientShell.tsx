import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { ClientLocale } from '@spreekkamer/shared';
import '../../client/client.css';
import { ClientLanguageSwitch } from './ClientLanguageSwitch.js';
import { directionOf } from './languages.js';
import { ReadAloud } from './ReadAloud.js';

export const clientContentId = 'sk-client-content';

export interface ClientShellProps {
  /** For the browser tab; the visible h1 belongs to the page or step. */
  documentTitle: string;
  /** "Step 2 of 5", shown as text and a bar. */
  progress?: { step: number; total: number } | undefined;
  /** Shown small at the top so the client knows who is asking. */
  organisationName?: string | undefined;
  /** A calm way out or home, at the top right (e.g. "to my page"). */
  headerAction?: ReactNode;
  /** Before a client session: the languages the link's organisation offers (the code page). */
  offeredLocales?: readonly ClientLocale[] | undefined;
  children: ReactNode;
}

/**
 * The frame of every client page: large type, high contrast, calm, one thing per screen, read-aloud
 * and a language switch always in the same place. `lang` and `dir` sit on the root so a
 * right-to-left language mirrors the layout without other changes.
 */
export function ClientShell({ documentTitle, progress, organisationName, headerAction, offeredLocales, children }: ClientShellProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const dir = directionOf(language);

  useEffect(() => {
    document.title = `${documentTitle} · ${t('app.name')}`;
  }, [documentTitle, t]);

  // After client-side navigation, start at the new page's heading, as a full page load would.
  const { pathname } = useLocation();
  useEffect(() => {
    document.querySelector<HTMLElement>(`#${clientContentId} h1`)?.focus();
  }, [pathname]);

  useEffect(() => {
    document.documentElement.dir = dir;
    return () => {
      document.documentElement.dir = 'ltr';
    };
  }, [dir]);

  return (
    <div className="sk-client" lang={language} dir={dir}>
      <a className="sk-client-skip" href={`#${clientContentId}`}>
        {t('clientKit.skipLink')}
      </a>
      <header className="sk-client__header">
        <div className="sk-client__brand">
          <span className="sk-client__product">{t('app.name')}</span>
          {organisationName ? <span className="sk-client__organisation">{organisationName}</span> : null}
        </div>
        <div className="sk-client__tools">
          <ReadAloud targetId={clientContentId} />
          <ClientLanguageSwitch offeredLocales={offeredLocales} />
          {headerAction}
        </div>
      </header>
      <main id={clientContentId} tabIndex={-1} className="sk-client__main">
        {progress ? <Progress step={progress.step} total={progress.total} /> : null}
        {children}
      </main>
    </div>
  );
}

function Progress({ step, total }: { step: number; total: number }) {
  const { t } = useTranslation();
  const percent = Math.round((Math.min(step, total) / Math.max(total, 1)) * 100);
  return (
    <div className="sk-client-progress" data-read-aloud="skip">
      <p className="sk-client-progress__text">{t('clientKit.progress', { step, total })}</p>
      <div className="sk-client-progress__bar" aria-hidden="true">
        <div className="sk-client-progress__done" style={{ inlineSize: `${percent}%` }} />
      </div>
    </div>
  );
}
