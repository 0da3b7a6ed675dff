import { useTranslation } from 'react-i18next';
import { localize, stepTexts, type ClientFeedback, type ClientSessionResponse } from '@spreekkamer/shared';
import { ClientShell } from '../components/index.js';
import { Pictogram } from '../icons/Pictogram.js';
import { SheetView } from './SheetView.js';

const stepIcon = { 1: 'themeCollaboration', 2: 'sheetWhat', 3: 'sheetNext' } as const;

/**
 * During the conversation, on the client's own device: what the professional writes appears here
 * within a few seconds, step by step, and every part can be questioned ("this is not right").
 */
export function LiveConversation({ session, feedback }: { session: ClientSessionResponse; feedback: ClientFeedback }) {
  const { t, i18n } = useTranslation();
  const step = feedback.step;
  return (
    <ClientShell documentTitle={t('feedback.live.documentTitle')} organisationName={session.organisationName} progress={{ step, total: 3 }}>
      <div className="sk-step__heading">
        <Pictogram name={stepIcon[step]} size={56} className="sk-step__icon" />
        <h1 tabIndex={-1}>{localize(stepTexts[step].question, i18n.language)}</h1>
      </div>
      <div className="sk-client-note">
        <Pictogram name="eye" />
        <p>{t('feedback.live.intro', { name: feedback.professionalName })}</p>
      </div>
      <SheetView feedback={feedback} canAsk step={step} />
    </ClientShell>
  );
}
