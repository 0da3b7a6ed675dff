import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { NoShareStretch } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useErrorText } from '../../components/errors.js';
import { markNoShare, removeNoShare, reviewKeys, useNoShareStretches } from './api.js';
import { formatPreciseClock, parseClock } from '../../lib/clock.js';

/**
 * "Niet delen": stretches of the recording that no share or fragment may touch. The professional
 * marks and removes their own; what the client marked is shown and stays.
 */
export function NoShareSection({ recordingId, duration, currentTime }: { recordingId: string; duration: number; currentTime: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const errorText = useErrorText();
  const stretches = useNoShareStretches(recordingId);
  const { errors, showError, check, clear } = useFormErrors();
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [saved, setSaved] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: reviewKeys.noShare(recordingId) });
    await queryClient.invalidateQueries({ queryKey: reviewKeys.shares(recordingId) });
  };
  const mark = useMutation({
    mutationFn: (span: { startSeconds: number; endSeconds: number }) => markNoShare(recordingId, span),
    onSuccess: async () => {
      clear();
      setStart('');
      setEnd('');
      setSaved(true);
      await refresh();
    },
    onError: showError,
  });
  const remove = useMutation({ mutationFn: removeNoShare, onSuccess: refresh });

  const fields = {
    startSeconds: { id: `${id}-start`, label: t('reviews.noShare.start') },
    endSeconds: { id: `${id}-end`, label: t('reviews.noShare.end') },
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const from = parseClock(start);
    const to = parseClock(end);
    const ok = check({
      startSeconds: (from === null || (duration > 0 && from >= duration)) && t('reviews.noShare.timeInvalid'),
      endSeconds: (to === null || from === null || to <= from) && t('reviews.noShare.endInvalid'),
    });
    if (ok && from !== null && to !== null) mark.mutate({ startSeconds: from, endSeconds: to });
  }

  return (
    <div className="sk-stack">
      <Paragraph>{t('reviews.noShare.intro')}</Paragraph>
      <QueryStatus query={stretches} />
      {stretches.data && stretches.data.stretches.length === 0 ? <Paragraph className="sk-muted">{t('reviews.noShare.empty')}</Paragraph> : null}
      {stretches.data && stretches.data.stretches.length > 0 ? (
        <ul className="sk-no-share-list" aria-label={t('reviews.noShare.listLabel')}>
          {stretches.data.stretches.map((s: NoShareStretch) => (
            <li key={s.id}>
              <span>
                {t('reviews.noShare.span', { from: formatPreciseClock(s.startSeconds), to: formatPreciseClock(s.endSeconds) })} · {t(`reviews.noShare.by.${s.markedBy}`)}
              </span>
              {s.markedBy === 'professional' ? (
                <Button appearance="subtle-button" busy={remove.isPending && remove.variables === s.id} onClick={() => remove.mutate(s.id)}>
                  {t('reviews.noShare.remove', { from: formatPreciseClock(s.startSeconds) })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {remove.error ? (
        <Alert type="error" role="alert">
          <Paragraph>{errorText(remove.error)}</Paragraph>
        </Alert>
      ) : null}
      <form className="sk-form" onSubmit={submit} noValidate aria-label={t('reviews.noShare.formLabel')}>
        <ErrorSummary errors={errors} fields={fields} />
        <div className="sk-no-share-times">
          <TextField id={fields.startSeconds.id} label={fields.startSeconds.label} description={t('reviews.noShare.timeHint')} value={start} onChange={setStart} inputMode="decimal" error={errors.fields.startSeconds} />
          <TextField id={fields.endSeconds.id} label={fields.endSeconds.label} value={end} onChange={setEnd} inputMode="decimal" error={errors.fields.endSeconds} />
        </div>
        <Paragraph small>
          <Button appearance="subtle-button" type="button" onClick={() => setStart(formatPreciseClock(currentTime))}>
            {t('reviews.noShare.useNow')}
          </Button>
        </Paragraph>
        <SubmitActions label={t('reviews.noShare.submit')} busy={mark.isPending} />
        {saved ? (
          <Paragraph small role="status">
            {t('reviews.noShare.saved')}
          </Paragraph>
        ) : null}
      </form>
    </div>
  );
}
