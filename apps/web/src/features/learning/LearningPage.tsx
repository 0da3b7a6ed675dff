import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { type LearningRound } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../recordings/format.js';
import { endCoach, inviteCoach, learningPaths, patchRound, setStep, useCoachCandidates, useLearningQuestions, useLearningRound } from './api.js';
import './learning.css';
import { ErrorLine, useRefresh } from './learning-ui.js';
import { NewQuestionForm, QuestionCard } from './Questions.js';

export function LearningPage() {
  const { t } = useTranslation();
  const round = useLearningRound();
  const questions = useLearningQuestions();
  const current = round.data?.round ?? null;
  return (
    <Page title={t('learning.page.title')} intro={t('learning.page.intro')}>
      <Paragraph small>{t('learning.page.private')}</Paragraph>
      <Paragraph>
        <Link to={learningPaths.plan}>{t('learning.page.toPlan')}</Link>
      </Paragraph>
      <Section id="learning-round" title={t('learning.round.title')}>
        <QueryStatus query={round} />
        {round.data && !current ? (
          <>
            <Paragraph>{t('learning.round.none')}</Paragraph>
            {round.data.nextRound ? <Paragraph>{t('learning.round.next', { startsOn: formatDate(round.data.nextRound.startsOn, currentLocale()) })}</Paragraph> : null}
          </>
        ) : null}
        {current ? <RoundChecklist round={current} /> : null}
      </Section>
      {current ? (
        <Section id="learning-coach" title={t('learning.coach.title')}>
          <CoachSection round={current} />
        </Section>
      ) : null}
      <Section id="learning-questions" title={t('learning.questions.title')}>
        <QueryStatus query={questions} />
        {questions.data && questions.data.questions.length === 0 ? <Paragraph>{t('learning.questions.none')}</Paragraph> : null}
        {questions.data?.questions.map((question) => <QuestionCard key={question.id} question={question} round={current} />)}
      </Section>
      <Section id="learning-new" title={t('learning.questions.newTitle')}>
        <NewQuestionForm />
      </Section>
    </Page>
  );
}

function RoundChecklist({ round }: { round: LearningRound }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const locale = currentLocale();
  const step = useMutation({ mutationFn: (input: { id: LearningRound['steps'][number]['id']; state: 'open' | 'done' | 'skipped' }) => setStep(round.key, input.id, input.state), onSuccess: refresh });
  const patch = useMutation({ mutationFn: (input: Parameters<typeof patchRound>[1]) => patchRound(round.key, input), onSuccess: refresh });
  return (
    <div>
      <Paragraph>{t('learning.round.dates', { startsOn: formatDate(round.startsOn, locale), endsOn: formatDate(round.endsOn, locale) })}</Paragraph>
      {round.skipped ? (
        <Alert type="info">
          <Paragraph>{t('learning.round.roundSkipped')}</Paragraph>
        </Alert>
      ) : null}
      {round.previousNextStep ? <LookBack round={round} onSave={(input) => patch.mutate(input)} busy={patch.isPending} /> : null}
      <ul className="sk-checklist">
        {round.steps
          .filter((s) => s.id !== 'previous_step')
          .map((s) => {
            const label = t(`learning.steps.${s.id}`);
            return (
              <li key={s.id} className={`sk-checklist__item sk-checklist__item--${s.state}`}>
                <label className="sk-checklist__label">
                  <input
                    type="checkbox"
                    checked={s.state === 'done'}
                    disabled={s.auto || step.isPending}
                    onChange={(event) => step.mutate({ id: s.id, state: event.target.checked ? 'done' : 'open' })}
                  />{' '}
                  {label}
                </label>
                {s.auto ? <span className="sk-muted"> ({t('learning.round.auto')})</span> : null}
                {s.state === 'skipped' ? <span className="sk-muted"> ({t('learning.round.skippedLabel')})</span> : null}
                {s.state !== 'done' ? (
                  <Button appearance="subtle-button" onClick={() => step.mutate({ id: s.id, state: s.state === 'skipped' ? 'open' : 'skipped' })}>
                    {s.state === 'skipped' ? t('learning.round.unskip', { step: label }) : t('learning.round.skip', { step: label })}
                  </Button>
                ) : null}
              </li>
            );
          })}
      </ul>
      <ErrorLine error={step.error ?? patch.error} />
      <RoundNotes round={round} onSave={(input) => patch.mutate(input)} busy={patch.isPending} saved={patch.isSuccess} />
      <Button appearance="secondary-action-button" busy={patch.isPending} onClick={() => patch.mutate({ skipped: !round.skipped })}>
        {round.skipped ? t('learning.round.joinRound') : t('learning.round.skipRound')}
      </Button>
    </div>
  );
}

function LookBack({ round, onSave, busy }: { round: LearningRound; onSave: (input: { lookBackTried: 'yes' | 'partly' | 'no' | null; lookBackEffect: string }) => void; busy: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [tried, setTried] = useState(round.lookBackTried);
  const [effect, setEffect] = useState(round.lookBackEffect);
  return (
    <form
      className="sk-form sk-card"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ lookBackTried: tried, lookBackEffect: effect });
      }}
    >
      <Heading level={3}>{t('learning.steps.previous_step')}</Heading>
      <Paragraph>
        {t('learning.round.previousTitle')}: <q>{round.previousNextStep}</q>
      </Paragraph>
      <RadioGroup
        id={`${id}-tried`}
        legend={t('learning.round.tried')}
        value={tried}
        onChange={setTried}
        options={[
          { value: 'yes', label: t('learning.round.triedYes') },
          { value: 'partly', label: t('learning.round.triedPartly') },
          { value: 'no', label: t('learning.round.triedNo') },
        ]}
      />
      <TextAreaField id={`${id}-effect`} label={t('learning.round.effect')} value={effect} onChange={setEffect} maxLength={2000} rows={2} />
      <Button appearance="secondary-action-button" type="submit" busy={busy}>
        {t('learning.round.save')}
      </Button>
    </form>
  );
}

function RoundNotes({ round, onSave, busy, saved }: { round: LearningRound; onSave: (input: { nextStep: string; minutesSpent: number | null }) => void; busy: boolean; saved: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [nextStep, setNextStep] = useState(round.nextStep);
  const [minutes, setMinutes] = useState(round.minutesSpent === null ? '' : String(round.minutesSpent));
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = Number.parseInt(minutes, 10);
    onSave({ nextStep, minutesSpent: minutes.trim() === '' || Number.isNaN(parsed) ? null : Math.max(0, parsed) });
  }
  return (
    <form className="sk-form" onSubmit={submit}>
      <TextAreaField id={`${id}-next`} label={t('learning.round.nextStep')} value={nextStep} onChange={setNextStep} maxLength={2000} rows={2} />
      <TextField id={`${id}-minutes`} label={t('learning.round.minutes')} value={minutes} onChange={setMinutes} inputMode="numeric" className="sk-narrow" />
      {saved ? (
        <Paragraph role="status" small>
          {t('learning.round.saved')}
        </Paragraph>
      ) : null}
      <Button appearance="secondary-action-button" type="submit" busy={busy}>
        {t('learning.round.save')}
      </Button>
    </form>
  );
}

function CoachSection({ round }: { round: LearningRound }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const candidates = useCoachCandidates();
  const [chosen, setChosen] = useState('');
  const invite = useMutation({ mutationFn: () => inviteCoach(round.key, chosen), onSuccess: async () => { setChosen(''); await refresh(); } });
  const end = useMutation({ mutationFn: endCoach, onSuccess: refresh });
  const active = round.coaches.filter((c) => c.active);
  return (
    <div>
      <Paragraph>{t('learning.coach.intro')}</Paragraph>
      {active.length === 0 ? <Paragraph>{t('learning.coach.none')}</Paragraph> : null}
      <ul>
        {active.map((c) => (
          <li key={c.id}>
            <Link to={learningPaths.coach(c.id)}>{t('learning.coach.open', { name: c.coachName })}</Link>{' '}
            <Button appearance="subtle-button" busy={end.isPending && end.variables === c.id} onClick={() => end.mutate(c.id)}>
              {t('learning.coach.end', { name: c.coachName })}
            </Button>
          </li>
        ))}
      </ul>
      <QueryStatus query={candidates} />
      {candidates.data && candidates.data.people.length === 0 ? <Paragraph small>{t('learning.coach.noCandidates')}</Paragraph> : null}
      {candidates.data && candidates.data.people.length > 0 ? (
        <form
          className="sk-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) invite.mutate();
          }}
        >
          <SelectField
            id={`${id}-coach`}
            label={t('learning.coach.choose')}
            value={chosen}
            onChange={setChosen}
            options={[{ value: '', label: t('learning.coach.choosePerson') }, ...candidates.data.people.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <Button appearance="secondary-action-button" type="submit" busy={invite.isPending} disabled={!chosen}>
            {t('learning.coach.invite')}
          </Button>
        </form>
      ) : null}
      <ErrorLine error={invite.error ?? end.error} />
    </div>
  );
}
