import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClientFeedback, ClientSessionResponse } from '@spreekkamer/shared';
import { ClientButton, ClientShell } from '../../components/client/index.js';
import { formatDay } from '../format.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { SheetView } from './SheetView.js';

/**
 * The client's copy after the conversation: easy language, theme pictograms, what each said and
 * learned, and the agreed actions with who and when. Printable (the page's own print styles hide
 * the buttons and the header tools).
 */
export function ClientSummary({ session, feedback }: { session: ClientSessionResponse; feedback: ClientFeedback }) {
  const { t, i18n } = useTranslation();
  return (
    <ClientShell documentTitle={t('feedback.summary.documentTitle')} organisationName={session.organisationName}>
      <div className="sk-step__heading">
        <Pictogram name="paper" size={56} className="sk-step__icon" />
        <h1 tabIndex={-1}>{t('feedback.summary.title')}</h1>
      </div>
      <p>{t('feedback.summary.intro', { name: feedback.professionalName })}</p>
      <div className="sk-client-actions sk-client-no-print">
        <ClientButton icon="printer" appearance="secondary" onClick={() => window.print()}>
          {t('feedback.summary.print')}
        </ClientButton>
        <Link className="sk-client-button sk-client-button--secondary" to="/klant">
          <Pictogram name="home" size={28} />
          <span>{t('feedback.prepare.toHome')}</span>
        </Link>
      </div>
      <SheetView feedback={feedback} canAsk={false} summaryFirst />
      <p className="sk-client-hint">{t('feedback.summary.printedOn', { date: formatDay(new Date().toISOString(), i18n.language) })}</p>
    </ClientShell>
  );
}
