import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { LearningQuestion } from '@spreekkamer/shared';
import { TextField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage, MutationError } from '../../components/QueryState.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../../lib/format.js';
import { createAction, learningKeys, setActionDone, useDevelopmentPlan } from './api.js';
import './learning.css';
import { hrefOf } from '../../api/client.js';
import { contract } from '@spreekkamer/shared';

/** /leren/ontwikkelplan — the professional's own plan across rounds; printable and downloadable by them alone. */
export function PlanPage() {
  const { t } = useTranslation();
  const plan = useDevelopmentPlan();
  const queryClient = useQueryClient();
  const done = useMutation({ mutationFn: (input: { id: string; done: boolean }) => setActionDone(input.id, input.done), onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }) });
  if (plan.isPending) return <LoadingPage title={t('learning.plan.loading')} />;
  if (plan.error || !plan.data) return <LoadErrorPage error={plan.error} onRetry={() => void plan.refetch()} goneTitle={t('learning.plan.title')} goneText={t('learning.plan.none')} />;
  const { questions, actions, rounds } = plan.data;
  const locale = currentLocale();
  return (
    <Page title={t('learning.plan.title')} intro={t('learning.plan.intro')}>
      <div className="sk-actions sk-no-print">
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          {t('learning.plan.print')}
        </Button>
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={hrefOf(contract.learning.planMarkdown, {})} download>
          {t('learning.plan.markdown')}
        </a>
      </div>
      <Paragraph small className="sk-no-print">
        {t('learning.plan.pdfHint')}
      </Paragraph>
      <QuestionList id="plan-open" title={t('learning.plan.open')} questions={questions.filter((q) => q.status === 'open')} />
      <QuestionList id="plan-done" title={t('learning.plan.done')} questions={questions.filter((q) => q.status === 'done')} />
      <Section id="plan-actions" title={t('learning.plan.actions')}>
        {actions.length === 0 ? <Paragraph>{t('learning.plan.none')}</Paragraph> : null}
        <ul className="sk-checklist">
          {actions.map((a) => (
            <li key={a.id} className="sk-checklist__item">
              <label className="sk-checklist__label">
                <input type="checkbox" checked={a.doneAt !== null} onChange={(event) => done.mutate({ id: a.id, done: event.target.checked })} aria-label={t('learning.plan.actionDone', { what: a.what })} /> {a.what}
              </label>
              {a.dueOn ? <span className="sk-muted"> ({t('learning.plan.due', { date: formatDay(a.dueOn, locale) })})</span> : null}
            </li>
          ))}
        </ul>
        <NewActionForm />
      </Section>
      <Section id="plan-rounds" title={t('learning.plan.rounds')}>
        {rounds.length === 0 ? <Paragraph>{t('learning.plan.noRounds')}</Paragraph> : null}
        <ol className="sk-timeline">
          {rounds.map((r) => {
            const dates = { startsOn: formatDay(r.startsOn, locale), endsOn: formatDay(r.endsOn, locale) };
            return (
              <li key={r.key}>
                <Paragraph>{r.skipped ? t('learning.plan.roundSkipped', dates) : t('learning.plan.roundLine', { ...dates, done: r.stepsDone, total: r.stepsTotal })}</Paragraph>
                {r.minutesSpent !== null ? <Paragraph small>{t('learning.plan.minutes', { minutes: r.minutesSpent })}</Paragraph> : null}
                {r.nextStep ? <Paragraph small>{t('learning.plan.nextStep', { text: r.nextStep })}</Paragraph> : null}
              </li>
            );
          })}
        </ol>
      </Section>
    </Page>
  );
}

function QuestionList({ id, title, questions }: { id: string; title: string; questions: readonly LearningQuestion[] }) {
  const { t } = useTranslation();
  return (
    <Section id={id} title={title}>
      {questions.length === 0 ? <Paragraph>{t('learning.plan.none')}</Paragraph> : null}
      {questions.map((q) => (
        <article key={q.id} className="sk-card">
          <Heading level={3}>{q.text || t('learning.questions.empty')}</Heading>
          {q.theme ? <Paragraph small>{t(`learning.themes.${q.theme}`)}</Paragraph> : null}
          {q.learned ? (
            <Paragraph>
              <strong>{t('learning.plan.learned')}:</strong> {q.learned}
            </Paragraph>
          ) : null}
        </article>
      ))}
    </Section>
  );
}

function NewActionForm() {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const add = useMutation({
    mutationFn: () => createAction({ what: what.trim(), dueOn: due || null }),
    onSuccess: async () => {
      setWhat('');
      setDue('');
      await queryClient.invalidateQueries({ queryKey: learningKeys.all });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (what.trim()) add.mutate();
  }
  return (
    <form className="sk-form sk-no-print" onSubmit={submit}>
      <TextField id={`${id}-what`} label={t('learning.plan.actionWhat')} value={what} onChange={setWhat} maxLength={1000} />
      <TextField id={`${id}-due`} type="date" label={t('learning.plan.actionDue')} value={due} onChange={setDue} className="sk-narrow" />
      <MutationError error={add.error} />
      <Button appearance="secondary-action-button" type="submit" busy={add.isPending}>
        {t('learning.plan.addAction')}
      </Button>
    </form>
  );
}
