import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { contract, type FeedbackDetail, groundRules, localize, openingQuestion, professionalTips, stepTexts } from '@spreekkamer/shared';
import { formatDay } from '../../lib/format.js';
import { Alert } from '../../components/Alert.js';
import { Heading } from '../../components/Heading.js';
import { Pictogram, pictogramOf } from '../../components/icons/Pictogram.js';
import { Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useErrorText } from '../../components/errors.js';
import { feedbackPaths, useFeedback } from './api.js';
import { ChangeRequests } from './conversation/ChangeRequests.js';
import { useFeedbackChange, type Step } from './conversation/change.js';
import { StepOne } from './conversation/StepOne.js';
import { StepThree } from './conversation/StepThree.js';
import { StepTwo } from './conversation/StepTwo.js';
import { participantNames } from './FeedbackPage.js';
import './feedback.css';
import { call } from '../../api/client.js';

/**
 * /samenleergesprekken/:id/gesprek — the conversation itself, on one screen between professional
 * and client (large text, theme pictograms), or beside the client's own device, which shows the
 * same within seconds. The professional writes; both voices have their own place; every open
 * "please change this" from the client is at the top until it is handled.
 */
export function ConversationScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const feedback = useFeedback(id, true);
  if (!feedback.data) {
    return (
      <Page title={t('feedback.talk.documentTitle')} breadcrumbs={[{ to: '/samenleergesprekken', label: t('breadcrumbs.feedback') }]}>
        <QueryStatus query={feedback} />
      </Page>
    );
  }
  return <Conversation feedback={feedback.data} />;
}

function Conversation({ feedback }: { feedback: FeedbackDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const change = useFeedbackChange();
  const errorText = useErrorText();
  const closed = feedback.status === 'completed';
  const step = feedback.step as Step;
  const stepsId = useId();
  const setStep = (next: Step) => change.mutate(() => call(contract.feedback.update, { params: { id: feedback.id }, body: { step: next } }));

  return (
    <Page title={t('feedback.talk.title', { names: participantNames(feedback) })} documentTitle={t('feedback.talk.documentTitle')} breadcrumbs={[{ to: '/samenleergesprekken', label: t('breadcrumbs.feedback') }]}>
      <Paragraph>
        <Link to={feedbackPaths.one(feedback.id)}>{t('feedback.talk.back')}</Link>
      </Paragraph>
      {closed ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('feedback.talk.closed', { date: formatDay(feedback.completedAt ?? feedback.createdAt, language) })}</Paragraph>
        </Alert>
      ) : null}
      {change.error ? (
        <Alert type="error" role="alert">
          <Paragraph>{errorText(change.error)}</Paragraph>
        </Alert>
      ) : null}
      <ChangeRequests feedback={feedback} />
      <GroundRules open={step === 1 && !closed} />
      <nav aria-labelledby={stepsId} className="sk-feedback-steps">
        <h2 id={stepsId} className="sk-visually-hidden">
          {t('feedback.talk.steps')}
        </h2>
        <ol>
          {([1, 2, 3] as const).map((n) => (
            <li key={n}>
              <button type="button" className="sk-feedback-step" aria-current={step === n ? 'step' : undefined} onClick={() => setStep(n)} disabled={closed}>
                <Pictogram name={n === 1 ? 'themeCollaboration' : n === 2 ? 'sheetWhat' : 'sheetNext'} size={32} />
                <span>{localize(stepTexts[n].title, language)}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="talk-step-title" className="sk-feedback-stage">
        <Heading level={2} id="talk-step-title">
          {localize(stepTexts[step].title, language)}
        </Heading>
        <Paragraph>{localize(stepTexts[step].prompt, language)}</Paragraph>
        {step === 1 ? (
          <Paragraph>
            {t('feedback.talk.openingQuestionLead')} <q className="sk-feedback-text">{localize(openingQuestion, language)}</q>
          </Paragraph>
        ) : null}
        {closed ? null : <Tips />}
        {step === 1 ? <StepOne feedback={feedback} /> : null}
        {step === 2 ? <StepTwo feedback={feedback} /> : null}
        {step === 3 ? <StepThree feedback={feedback} /> : null}
      </section>
      {closed ? null : (
        <div className="sk-actions sk-feedback-nav">
          {step > 1 ? (
            <Button appearance="secondary-action-button" onClick={() => setStep((step - 1) as Step)}>
              {t('feedback.talk.previous')}
            </Button>
          ) : null}
          {step < 3 ? (
            <Button appearance="primary-action-button" busy={change.isPending} onClick={() => setStep((step + 1) as Step)}>
              {t('feedback.talk.next')}
            </Button>
          ) : (
            <Finish feedback={feedback} />
          )}
        </div>
      )}
    </Page>
  );
}

/** The agreements of the method, read together at the start of every conversation. */
function GroundRules({ open }: { open: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="sk-feedback-rules" open={open}>
      <summary>{t('feedback.talk.rulesTitle')}</summary>
      <Paragraph small>{t('feedback.talk.rulesIntro')}</Paragraph>
      <ul className="sk-feedback-subs">
        {groundRules.map((rule) => (
          <li key={rule.text.nl}>
            <Pictogram name={pictogramOf(rule.pictogram)} size={24} />
            <span>{localize(rule.text, i18n.language)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** For the professional only: how to take feedback in, while it is happening. */
function Tips() {
  const { t, i18n } = useTranslation();
  return (
    <details className="sk-feedback-tips">
      <summary>{t('feedback.talk.tipsTitle')}</summary>
      <ul>
        {professionalTips.map((tip) => (
          <li key={tip.nl}>{localize(tip, i18n.language)}</li>
        ))}
      </ul>
    </details>
  );
}

function Finish({ feedback }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const change = useFeedbackChange();
  const [sure, setSure] = useState(false);
  if (!sure) {
    return (
      <Button appearance="primary-action-button" onClick={() => setSure(true)}>
        {t('feedback.talk.finish')}
      </Button>
    );
  }
  return (
    <div className="sk-stack">
      <Paragraph>{t('feedback.talk.finishConfirm')}</Paragraph>
      <div className="sk-actions">
        <Button appearance="primary-action-button" busy={change.isPending} onClick={() => change.mutate(() => call(contract.feedback.update, { params: { id: feedback.id }, body: { status: 'completed' } }))}>
          {t('feedback.talk.finishNow')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setSure(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
