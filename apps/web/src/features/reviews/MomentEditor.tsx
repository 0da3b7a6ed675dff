import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { localize, momentThemeGroupLabels, momentThemeGroups, momentThemeLabels, type Moment, type MomentThemeGroup, type MomentThemeId } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { CheckboxField, Fieldset, FieldsetLegend, TextField, TextAreaField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Paragraph } from '../../components/Paragraph.js';
import { deleteMoment, reviewKeys, updateMoment } from './api.js';
import { formatPreciseClock, parseClock } from '../../lib/clock.js';

export interface MomentEditorProps {
  moment: Moment;
  duration: number;
  onDeleted(): void;
}

const groups = Object.keys(momentThemeGroups) as MomentThemeGroup[];

/** Title, span, themes and notes of one moment. Saving is explicit, so half-typed notes are never sent. */
export function MomentEditor({ moment, duration, onDeleted }: MomentEditorProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const { errors, showError, check, clear } = useFormErrors();
  const [title, setTitle] = useState(moment.title);
  const [start, setStart] = useState(formatPreciseClock(moment.startSeconds));
  const [end, setEnd] = useState(formatPreciseClock(moment.endSeconds));
  const [themes, setThemes] = useState<MomentThemeId[]>(moment.themes);
  const [notes, setNotes] = useState(moment.notes);
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  // Dragging the region changes the span from outside: show the new times (other fields keep what is typed).
  const spanKey = `${moment.startSeconds}:${moment.endSeconds}`;
  const [shownSpan, setShownSpan] = useState(spanKey);
  if (shownSpan !== spanKey) {
    setShownSpan(spanKey);
    setStart(formatPreciseClock(moment.startSeconds));
    setEnd(formatPreciseClock(moment.endSeconds));
  }

  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateMoment>[1]) => updateMoment(moment.id, body),
    onSuccess: async () => {
      clear();
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.moments(moment.recordingId) });
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: () => deleteMoment(moment.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.moments(moment.recordingId) });
      onDeleted();
    },
    onError: showError,
  });

  const fields = {
    title: { id: `${id}-title`, label: t('reviews.moment.title') },
    startSeconds: { id: `${id}-start`, label: t('reviews.moment.start') },
    endSeconds: { id: `${id}-end`, label: t('reviews.moment.end') },
    notes: { id: `${id}-notes`, label: t('reviews.moment.notes') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const startSeconds = parseClock(start);
    const endSeconds = parseClock(end);
    const ok = check({
      title: !title.trim() && t('reviews.moment.titleRequired'),
      startSeconds: startSeconds === null && t('reviews.moment.timeInvalid'),
      endSeconds:
        endSeconds === null
          ? t('reviews.moment.timeInvalid')
          : startSeconds !== null && endSeconds <= startSeconds
            ? t('reviews.moment.endBeforeStart')
            : endSeconds > duration + 0.05 && t('reviews.moment.endAfterRecording'),
    });
    if (!ok || startSeconds === null || endSeconds === null) return;
    save.mutate({ title: title.trim(), startSeconds, endSeconds, themes, notes });
  }

  function toggleTheme(theme: MomentThemeId, on: boolean) {
    setThemes((current) => (on ? [...current, theme] : current.filter((t) => t !== theme)));
  }

  return (
    <form className="sk-form sk-moment-editor" onSubmit={submit} noValidate aria-label={t('reviews.moment.formLabel', { title: moment.title })}>
      <ErrorSummary errors={errors} fields={fields} />
      <TextField id={fields.title.id} label={fields.title.label} value={title} onChange={setTitle} maxLength={120} error={errors.fields.title} />
      <div className="sk-moment-editor__times">
        <TextField id={fields.startSeconds.id} label={fields.startSeconds.label} description={t('reviews.moment.timeHint')} value={start} onChange={setStart} inputMode="decimal" error={errors.fields.startSeconds} />
        <TextField id={fields.endSeconds.id} label={fields.endSeconds.label} description={t('reviews.moment.timeHint')} value={end} onChange={setEnd} inputMode="decimal" error={errors.fields.endSeconds} />
      </div>
      {groups.map((group) => (
        <Fieldset key={group} className="sk-themes">
          <FieldsetLegend>{localize(momentThemeGroupLabels[group], i18n.language)}</FieldsetLegend>
          <div className="sk-themes__options">
            {momentThemeGroups[group].map((theme) => (
              <CheckboxField
                key={theme}
                id={`${id}-theme-${theme}`}
                label={localize(momentThemeLabels[theme], i18n.language)}
                checked={themes.includes(theme)}
                onChange={(on) => toggleTheme(theme, on)}
              />
            ))}
          </div>
        </Fieldset>
      ))}
      <TextAreaField id={fields.notes.id} label={fields.notes.label} description={t('reviews.moment.notesHint')} value={notes} onChange={setNotes} rows={6} maxLength={5000} error={errors.fields.notes} />
      {saved ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('reviews.moment.saved')}</Paragraph>
        </Alert>
      ) : null}
      <SubmitActions label={t('reviews.moment.save')} busy={save.isPending}>
        {confirmDelete ? (
          <>
            <Button appearance="secondary-action-button" type="button" busy={remove.isPending} onClick={() => remove.mutate()}>
              {t('reviews.moment.confirmDelete')}
            </Button>
            <Button appearance="subtle-button" type="button" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button appearance="subtle-button" type="button" onClick={() => setConfirmDelete(true)}>
            {t('reviews.moment.delete')}
          </Button>
        )}
      </SubmitActions>
    </form>
  );
}
