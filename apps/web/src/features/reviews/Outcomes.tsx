import { LinkToQuestion } from '../learning/LinkToQuestion.js';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { Outcome, OutcomeList } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { RadioGroup, TextAreaField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useErrorText } from '../../components/errors.js';
import { useSession } from '../auth/session.js';
import { formatClock } from '../recordings/format.js';
import { addOutcome, deleteOutcome } from './api.js';

/**
 * Takeaways and agreements of a recording: marked comments, and what was written down alone or in
 * the review meeting. `shareId` ties new ones to a meeting.
 */
export function Outcomes({ recordingId, shareId, data, canAdd, onChanged }: { recordingId: string; shareId: string | null; data: Pick<OutcomeList, 'outcomes' | 'takeawayComments'>; canAdd: boolean; onChanged(): Promise<unknown> }) {
  const { t } = useTranslation();
  const takeaways = data.outcomes.filter((o) => o.kind === 'takeaway');
  const agreements = data.outcomes.filter((o) => o.kind === 'agreement');
  return (
    <div className="sk-stack">
      <Heading level={3}>{t('reviews.outcomes.takeaways')}</Heading>
      {takeaways.length === 0 && data.takeawayComments.length === 0 ? <Paragraph className="sk-muted">{t('reviews.outcomes.noTakeaways')}</Paragraph> : null}
      <ul className="sk-outcomes">
        {data.takeawayComments.map((c) => (
          <li key={c.id}>
            <span className="sk-outcomes__text">{c.body}</span>{' '}
            <span className="sk-muted">{t('reviews.outcomes.fromComment', { author: c.authorName, moment: c.momentTitle, time: formatClock(c.atSeconds) })}</span>
          </li>
        ))}
        {takeaways.map((o) => (
          <OutcomeItem key={o.id} outcome={o} onChanged={onChanged} linkable={shareId === null} />
        ))}
      </ul>
      <Heading level={3}>{t('reviews.outcomes.agreements')}</Heading>
      {agreements.length === 0 ? <Paragraph className="sk-muted">{t('reviews.outcomes.noAgreements')}</Paragraph> : null}
      <ul className="sk-outcomes">
        {agreements.map((o) => (
          <OutcomeItem key={o.id} outcome={o} onChanged={onChanged} />
        ))}
      </ul>
      {canAdd ? <OutcomeForm recordingId={recordingId} shareId={shareId} onChanged={onChanged} /> : null}
    </div>
  );
}

function OutcomeItem({ outcome, onChanged, linkable = false }: { outcome: Outcome; onChanged(): Promise<unknown>; linkable?: boolean }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const remove = useMutation({ mutationFn: () => deleteOutcome(outcome.id), onSuccess: onChanged });
  return (
    <li>
      <span className="sk-outcomes__text">{outcome.text}</span> <span className="sk-muted">({outcome.authorName})</span>{' '}
      {session?.user.id === outcome.authorId ? (
        <Button appearance="subtle-button" busy={remove.isPending} onClick={() => remove.mutate()}>
          {t('reviews.outcomes.delete')}
        </Button>
      ) : null}
      {linkable ? <LinkToQuestion kind="outcome" targetId={outcome.id} /> : null}
    </li>
  );
}

function OutcomeForm({ recordingId, shareId, onChanged }: { recordingId: string; shareId: string | null; onChanged(): Promise<unknown> }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const [kind, setKind] = useState<'takeaway' | 'agreement'>('takeaway');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => addOutcome(recordingId, { kind, text, shareId }),
    onSuccess: async () => {
      setText('');
      setProblem(null);
      await onChanged();
    },
    onError: (error) => setProblem(errorText(error)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('reviews.outcomes.empty'));
      return;
    }
    add.mutate();
  }
  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('reviews.outcomes.formLabel')}>
      <RadioGroup
        id={`${id}-kind`}
        legend={t('reviews.outcomes.kindLegend')}
        options={[
          { value: 'takeaway', label: t('reviews.outcomes.kindTakeaway') },
          { value: 'agreement', label: t('reviews.outcomes.kindAgreement') },
        ]}
        value={kind}
        onChange={setKind}
      />
      <TextAreaField id={`${id}-text`} label={t('reviews.outcomes.text')} value={text} onChange={setText} rows={2} maxLength={1000} error={problem ?? undefined} />
      {add.isSuccess && !text ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('reviews.outcomes.added')}</Paragraph>
        </Alert>
      ) : null}
      <Button appearance="primary-action-button" type="submit" busy={add.isPending}>
        {t('reviews.outcomes.add')}
      </Button>
    </form>
  );
}
