import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { LearningRhythm } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { Fieldset, FieldsetLegend, TextField } from '../../components/fields.js';
import { Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { learningKeys, saveRhythm, useLearningRhythm } from './api.js';

/** On the administrator's settings page: the organisation's rhythm of learning rounds (1–4 a year). */
export function RhythmSection() {
  const { t } = useTranslation();
  const rhythm = useLearningRhythm();
  return (
    <Section id="settings-learning-rounds" title={t('learning.rhythm.title')}>
      <Paragraph>{t('learning.rhythm.intro')}</Paragraph>
      <QueryStatus query={rhythm} />
      {rhythm.data ? <RhythmForm initial={rhythm.data} /> : null}
    </Section>
  );
}

function RhythmForm({ initial }: { initial: LearningRhythm }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rounds, setRounds] = useState(initial.rounds);
  const { errors, showError, clear } = useFormErrors();
  const save = useMutation({
    mutationFn: () => saveRhythm({ rounds }),
    onSuccess: async (saved) => {
      clear();
      queryClient.setQueryData(learningKeys.rhythm, saved);
      await queryClient.invalidateQueries({ queryKey: learningKeys.round });
    },
    onError: showError,
  });
  const fields = Object.fromEntries(
    rounds.flatMap((_, i) => [
      [`rounds.${i}.starts`, { id: `rhythm-${i}-starts`, label: `${t('learning.rhythm.round', { n: i + 1 })}: ${t('learning.rhythm.starts')}` }],
      [`rounds.${i}.ends`, { id: `rhythm-${i}-ends`, label: `${t('learning.rhythm.round', { n: i + 1 })}: ${t('learning.rhythm.ends')}` }],
    ]),
  );
  const change = (index: number, key: 'starts' | 'ends', value: string) => setRounds(rounds.map((r, i) => (i === index ? { ...r, [key]: value.trim() } : r)));
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('learning.rhythm.title')}>
      <ErrorSummary errors={errors} fields={fields} />
      {rounds.map((round, i) => (
        <Fieldset key={i}>
          <FieldsetLegend>{t('learning.rhythm.round', { n: i + 1 })}</FieldsetLegend>
          <TextField id={`rhythm-${i}-starts`} label={t('learning.rhythm.starts')} value={round.starts} onChange={(v) => change(i, 'starts', v)} maxLength={5} className="sk-narrow" error={errors.fields[`rounds.${i}.starts`]} />
          <TextField id={`rhythm-${i}-ends`} label={t('learning.rhythm.ends')} value={round.ends} onChange={(v) => change(i, 'ends', v)} maxLength={5} className="sk-narrow" error={errors.fields[`rounds.${i}.ends`]} />
          {rounds.length > 1 ? (
            <Button appearance="subtle-button" onClick={() => setRounds(rounds.filter((_, j) => j !== i))}>
              {t('learning.rhythm.remove', { n: i + 1 })}
            </Button>
          ) : null}
        </Fieldset>
      ))}
      {rounds.length < 4 ? (
        <Button appearance="secondary-action-button" onClick={() => setRounds([...rounds, { starts: '', ends: '' }])}>
          {t('learning.rhythm.add')}
        </Button>
      ) : null}
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('learning.rhythm.saved')}</Paragraph>
        </Alert>
      ) : null}
      <Button appearance="primary-action-button" type="submit" busy={save.isPending}>
        {t('learning.rhythm.save')}
      </Button>
    </form>
  );
}
