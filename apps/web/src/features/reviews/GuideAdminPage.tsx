import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { localize, type ReviewGuide } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { Fieldset, FieldsetLegend, TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { resetGuide, reviewKeys, updateGuide, useReviewGuide } from './api.js';
import './reviews.css';

type Steps = { id: ReviewGuide['steps'][number]['id']; prompts: { nl: string; en: string }[] }[];

const stepsOf = (guide: ReviewGuide): Steps => guide.steps.map((s) => ({ id: s.id, prompts: s.prompts.map((p) => ({ ...p })) }));

/** /beheer/kijkwijzer — an administrator writes the organisation's own review guide prompts (the four steps stay). */
export function GuideAdminPage() {
  const { t } = useTranslation();
  const guide = useReviewGuide();
  return (
    <Page title={t('reviews.guideAdmin.title')} intro={t('reviews.guideAdmin.intro')}>
      <QueryStatus query={guide} />
      {guide.data ? <GuideForm guide={guide.data} /> : null}
    </Page>
  );
}

function GuideForm({ guide }: { guide: ReviewGuide }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const { errors, showError, show, clear } = useFormErrors();
  const [steps, setSteps] = useState<Steps>(() => stepsOf(guide));
  const [saved, setSaved] = useState<string | null>(null);

  const onSaved = (message: string) => (fresh: ReviewGuide) => {
    clear();
    setSaved(message);
    setSteps(stepsOf(fresh));
    queryClient.setQueryData(reviewKeys.guide, fresh);
  };
  const save = useMutation({ mutationFn: () => updateGuide({ steps: steps.map((s) => ({ id: s.id, prompts: s.prompts.map((p) => ({ nl: p.nl.trim(), en: p.en.trim() })) })) }), onSuccess: onSaved(t('reviews.guideAdmin.saved')), onError: showError });
  const reset = useMutation({ mutationFn: resetGuide, onSuccess: onSaved(t('reviews.guideAdmin.resetDone')), onError: showError });

  function change(stepIndex: number, promptIndex: number, language: 'nl' | 'en', value: string) {
    setSteps((current) => current.map((s, i) => (i !== stepIndex ? s : { ...s, prompts: s.prompts.map((p, j) => (j === promptIndex ? { ...p, [language]: value } : p)) })));
  }
  function add(stepIndex: number) {
    setSteps((current) => current.map((s, i) => (i === stepIndex ? { ...s, prompts: [...s.prompts, { nl: '', en: '' }] } : s)));
  }
  function remove(stepIndex: number, promptIndex: number) {
    setSteps((current) => current.map((s, i) => (i === stepIndex ? { ...s, prompts: s.prompts.filter((_, j) => j !== promptIndex) } : s)));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const empty = steps.some((s) => s.prompts.length === 0 || s.prompts.some((p) => !p.nl.trim()));
    if (empty) {
      show(t('reviews.guideAdmin.emptyPrompt'));
      return;
    }
    save.mutate();
  }

  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('reviews.guideAdmin.title')}>
      <ErrorSummary errors={errors} fields={{}} />
      <Paragraph>{guide.customised ? t('reviews.guideAdmin.customised') : t('reviews.guideAdmin.defaults')}</Paragraph>
      {steps.map((step, stepIndex) => {
        const title = localize(guide.steps[stepIndex]?.title ?? { nl: step.id, en: step.id }, i18n.language);
        return (
          <Fieldset key={step.id} className="sk-guide-admin__step">
            <FieldsetLegend>{title}</FieldsetLegend>
            {step.prompts.map((prompt, promptIndex) => (
              <div key={promptIndex} className="sk-guide-admin__prompt">
                <TextField id={`${id}-${step.id}-${promptIndex}-nl`} label={t('reviews.guideAdmin.promptNl', { number: promptIndex + 1 })} value={prompt.nl} maxLength={300} onChange={(v) => change(stepIndex, promptIndex, 'nl', v)} />
                <TextField id={`${id}-${step.id}-${promptIndex}-en`} label={t('reviews.guideAdmin.promptEn', { number: promptIndex + 1 })} lang="en" value={prompt.en} maxLength={300} onChange={(v) => change(stepIndex, promptIndex, 'en', v)} />
                <Button appearance="subtle-button" type="button" onClick={() => remove(stepIndex, promptIndex)} disabled={step.prompts.length <= 1}>
                  {t('reviews.guideAdmin.removePrompt', { number: promptIndex + 1, step: title })}
                </Button>
              </div>
            ))}
            <Button appearance="secondary-action-button" type="button" onClick={() => add(stepIndex)} disabled={step.prompts.length >= 12}>
              {t('reviews.guideAdmin.addPrompt', { step: title })}
            </Button>
          </Fieldset>
        );
      })}
      {saved ? (
        <Alert type="ok" role="status">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      ) : null}
      <SubmitActions label={t('reviews.guideAdmin.save')} busy={save.isPending}>
        <Button appearance="secondary-action-button" type="button" busy={reset.isPending} onClick={() => reset.mutate()}>
          {t('reviews.guideAdmin.reset')}
        </Button>
      </SubmitActions>
    </form>
  );
}
