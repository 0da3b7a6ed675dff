import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  contract,
  type FeedbackDetail,
  localize,
  ownSubtopicMaxLength,
  type SubtopicId,
  themeCard,
  themeCards,
  type ThemeId,
} from '@spreekkamer/shared';
import { formatDay } from '../../../lib/format.js';
import { ErrorSummary, useFormErrors } from '../../../components/ErrorSummary.js';
import { RadioGroup, SelectField, TextField } from '../../../components/fields.js';
import { SubmitActions } from '../../../components/FormActions.js';
import { Heading } from '../../../components/Heading.js';
import { parseClock } from '../../../lib/clock.js';
import { storeFeedback } from '../api.js';
import { call } from '../../../api/client.js';
import { recordingKeys } from '../../recordings/api.js';

export function AddMoment({
  feedback,
  theme,
  setTheme,
  subtopic,
  setSubtopic,
}: {
  feedback: FeedbackDetail;
  theme: ThemeId | null;
  setTheme: (theme: ThemeId) => void;
  subtopic: SubtopicId | '';
  setSubtopic: (subtopic: SubtopicId | '') => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [ownSubtopic, setOwnSubtopic] = useState('');
  const [recordingId, setRecordingId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const { errors, showError, check, clear } = useFormErrors();
  const fields = {
    theme: { id: 'moment-theme', label: t('feedback.talk.themeLegend') },
    subtopic: { id: 'moment-subtopic', label: t('feedback.talk.subtopic') },
    ownSubtopic: { id: 'moment-own-subtopic', label: t('feedback.talk.ownSubtopic') },
    title: { id: 'moment-title', label: t('feedback.talk.momentTitle') },
    recordingId: { id: 'moment-recording', label: t('feedback.talk.recording') },
    startSeconds: { id: 'moment-start', label: t('feedback.talk.start') },
    endSeconds: { id: 'moment-end', label: t('feedback.talk.end') },
  };
  // Fragments can come from the professional's own ready recordings of these clients; the server
  // checks ownership again, and "watch together" needs the client's consent for that.
  const recordings = useQuery({ queryKey: recordingKeys.list(null), queryFn: () => call(contract.recordings.list, { query: {} }) });
  const pseudonyms = new Set(feedback.participants.map((p) => p.pseudonym));
  const usable = (recordings.data?.recordings ?? []).filter((r) => r.status === 'ready' && pseudonyms.has(r.clientPseudonym));
  const startSeconds = parseClock(start);
  const endSeconds = parseClock(end);
  const add = useMutation({
    mutationFn: () => {
      if (theme === null) throw new Error('the theme is checked before saving');
      return call(contract.feedback.addMoment, { params: { id: feedback.id }, body: {
          theme,
          subtopic: subtopic === '' ? null : subtopic,
          ownSubtopic: ownSubtopic.trim() === '' ? null : ownSubtopic,
          title,
          recordingId: recordingId === '' ? null : recordingId,
          startSeconds: recordingId === '' ? null : startSeconds,
          endSeconds: recordingId === '' ? null : endSeconds,
        } });
    },
    onSuccess: (detail) => {
      storeFeedback(queryClient, detail);
      clear();
      setTitle('');
      setSubtopic('');
      setOwnSubtopic('');
      setRecordingId('');
      setStart('');
      setEnd('');
    },
    onError: showError,
  });
  const card = theme ? themeCard(theme) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fragment = recordingId !== '';
    if (
      check({
        theme: theme === null && t('feedback.talk.themeMissing'),
        title: title.trim() === '' && t('feedback.talk.titleMissing'),
        startSeconds: fragment && start !== '' && startSeconds === null && t('feedback.talk.clockInvalid'),
        endSeconds: fragment && end !== '' && (endSeconds === null || (startSeconds !== null && endSeconds <= startSeconds)) && t('feedback.talk.clockInvalid'),
      })
    )
      add.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit} aria-labelledby="add-moment-title">
      <Heading level={3} id="add-moment-title">
        {t('feedback.talk.addMoment')}
      </Heading>
      <ErrorSummary errors={errors} fields={fields} />
      <RadioGroup
        id={fields.theme.id}
        legend={fields.theme.label}
        value={theme}
        error={errors.fields.theme}
        onChange={(value) => {
          setTheme(value);
          setSubtopic('');
        }}
        options={themeCards.map((c) => ({ value: c.id, label: localize(c.title, language) }))}
      />
      {card && card.subtopics.length > 0 ? (
        <SelectField
          id={fields.subtopic.id}
          label={fields.subtopic.label}
          value={subtopic}
          error={errors.fields.subtopic}
          onChange={(value) => setSubtopic(value as SubtopicId | '')}
          options={[{ value: '', label: t('feedback.talk.noSubtopic') }, ...card.subtopics.map((s) => ({ value: s.id, label: localize(s.title, language) }))]}
        />
      ) : null}
      {card ? (
        <TextField
          id={fields.ownSubtopic.id}
          label={fields.ownSubtopic.label}
          description={t('feedback.talk.ownSubtopicHelp', { max: ownSubtopicMaxLength })}
          maxLength={ownSubtopicMaxLength}
          value={ownSubtopic}
          error={errors.fields.ownSubtopic}
          onChange={setOwnSubtopic}
        />
      ) : null}
      <TextField id={fields.title.id} label={fields.title.label} description={t('feedback.talk.momentTitleHelp')} maxLength={200} value={title} error={errors.fields.title} onChange={setTitle} />
      {usable.length > 0 ? (
        <>
          <SelectField
            id={fields.recordingId.id}
            label={fields.recordingId.label}
            value={recordingId}
            error={errors.fields.recordingId}
            onChange={setRecordingId}
            options={[{ value: '', label: t('feedback.talk.noRecording') }, ...usable.map((r) => ({ value: r.id, label: t('feedback.talk.recordingOf', { date: formatDay(r.conversationHeldOn, i18n.language), name: r.clientPseudonym }) }))]}
          />
          {recordingId !== '' ? (
            <>
              <TextField id={fields.startSeconds.id} label={fields.startSeconds.label} description={t('feedback.talk.clockHelp')} inputMode="numeric" className="sk-field--short" value={start} error={errors.fields.startSeconds} onChange={setStart} />
              <TextField id={fields.endSeconds.id} label={fields.endSeconds.label} description={t('feedback.talk.clockHelp')} inputMode="numeric" className="sk-field--short" value={end} error={errors.fields.endSeconds} onChange={setEnd} />
            </>
          ) : null}
        </>
      ) : null}
      <SubmitActions label={t('feedback.talk.addMoment')} busy={add.isPending} />
    </form>
  );
}
