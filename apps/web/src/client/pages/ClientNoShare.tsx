import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract, type NoShareStretch } from '@spreekkamer/shared';
import { ApiError, call } from '../../api/client.js';
import { useErrorText } from '../../components/errors.js';
import { ClientButton } from '../../components/client/index.js';
import { parseMinutes } from '../../lib/clock.js';

function formatMinutes(seconds: number): string {
  const whole = Math.round(seconds);
  const rest = whole % 60;
  return rest === 0 ? String(whole / 60) : `${Math.floor(whole / 60)}:${String(rest).padStart(2, '0')}`;
}

/**
 * The client marks a part of the recording of this conversation "niet delen": it is then never
 * shown to anyone else. Only when there is a recording; what is marked stays marked.
 */
export function ClientNoShare({ consentId }: { consentId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const key = ['client', 'no-share', consentId] as const;
  const stretches = useQuery({
    queryKey: key,
    queryFn: () => call(contract.clientReviews.noShareStretches, { params: { id: consentId } }),
    retry: false,
  });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mark = useMutation({
    mutationFn: (span: { startSeconds: number; endSeconds: number }) =>
      call(contract.clientReviews.markNoShareStretch, { params: { id: consentId }, body: span }),
    onSuccess: async () => {
      setFrom('');
      setTo('');
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const remove = useMutation({
    mutationFn: (stretchId: string) => call(contract.clientReviews.removeNoShareStretch, { params: { id: stretchId } }),
    onSuccess: async () => {
      setNotice(t('consent.copy.noShare.removed'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const cut = useMutation({
    mutationFn: (stretchId: string) => call(contract.clientReviews.cutNoShareStretch, { params: { id: stretchId } }),
    onSuccess: async () => {
      setConfirming(null);
      setNotice(t('consent.copy.noShare.cutting'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (stretches.error instanceof ApiError && stretches.error.status === 404) return <p>{t('consent.copy.noShare.none')}</p>;
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const start = parseMinutes(from);
    const end = parseMinutes(to);
    if (start === null || end === null || end <= start) {
      setProblem(t('consent.copy.noShare.invalid'));
      return;
    }
    setProblem(null);
    mark.mutate({ startSeconds: start, endSeconds: end });
  }
  const list = stretches.data?.stretches ?? [];
  return (
    <>
      <p>{t('consent.copy.noShare.intro')}</p>
      {list.length > 0 ? (
        <>
          <p>{t('consent.copy.noShare.list')}</p>
          <ul className="sk-client-list">
            {list.map((stretch) => (
              <StretchItem
                key={stretch.id}
                stretch={stretch}
                confirming={confirming === stretch.id}
                busy={remove.isPending || cut.isPending}
                onRemove={() => remove.mutate(stretch.id)}
                onAskCut={() => setConfirming(stretch.id)}
                onCancelCut={() => setConfirming(null)}
                onCut={() => cut.mutate(stretch.id)}
              />
            ))}
          </ul>
          {remove.error || cut.error ? (
            <p role="alert" className="sk-client-alert">
              {errorText(remove.error ?? cut.error)}
            </p>
          ) : null}
          {notice ? <p role="status">{notice}</p> : null}
        </>
      ) : null}
      <form className="sk-client-no-print sk-client-form" onSubmit={submit} noValidate>
        <p id={`${id}-hint`}>{t('consent.copy.noShare.hint')}</p>
        <label htmlFor={`${id}-from`}>{t('consent.copy.noShare.from')}</label>
        <input id={`${id}-from`} className="sk-client-input" inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={`${id}-hint`} aria-invalid={problem ? true : undefined} />
        <label htmlFor={`${id}-to`}>{t('consent.copy.noShare.to')}</label>
        <input id={`${id}-to`} className="sk-client-input" inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={`${id}-hint`} aria-invalid={problem ? true : undefined} />
        {problem || mark.error ? (
          <p role="alert" className="sk-client-alert">
            {problem ?? errorText(mark.error)}
          </p>
        ) : null}
        <ClientButton type="submit" icon="lock" disabled={mark.isPending}>
          {t('consent.copy.noShare.submit')}
        </ClientButton>
        {saved ? <p role="status">{t('consent.copy.noShare.saved')}</p> : null}
      </form>
    </>
  );
}

interface StretchItemProps {
  stretch: NoShareStretch;
  confirming: boolean;
  busy: boolean;
  onRemove: () => void;
  onAskCut: () => void;
  onCancelCut: () => void;
  onCut: () => void;
}

/** One stretch: the client's own can be taken back or cut out of the recording for good; the other person's only stays. */
function StretchItem({ stretch, confirming, busy, onRemove, onAskCut, onCancelCut, onCut }: StretchItemProps) {
  const { t } = useTranslation();
  const own = stretch.markedBy === 'client';
  return (
    <li>
      <p>
        {t('consent.copy.noShare.span', { from: formatMinutes(stretch.startSeconds), to: formatMinutes(stretch.endSeconds) })}{' '}
        {own ? t('consent.copy.noShare.byYou') : t('consent.copy.noShare.byOther')}
      </p>
      {stretch.cutRequested ? <p>{t('consent.copy.noShare.cutting')}</p> : null}
      {own && !stretch.cutRequested && !confirming ? (
        <div className="sk-client-no-print sk-client-actions">
          <ClientButton appearance="secondary" icon="cross" disabled={busy} onClick={onRemove}>
            {t('consent.copy.noShare.remove')}
          </ClientButton>
          <ClientButton appearance="quiet" icon="trash" disabled={busy} onClick={onAskCut}>
            {t('consent.copy.noShare.cut')}
          </ClientButton>
        </div>
      ) : null}
      {own && confirming ? (
        <div className="sk-client-no-print sk-client-actions" role="group" aria-label={t('consent.copy.noShare.cut')}>
          <p>{t('consent.copy.noShare.cutConfirm')}</p>
          <ClientButton icon="trash" disabled={busy} onClick={onCut}>
            {t('consent.copy.noShare.cutYes')}
          </ClientButton>
          <ClientButton appearance="secondary" disabled={busy} onClick={onCancelCut}>
            {t('consent.copy.noShare.cutNo')}
          </ClientButton>
        </div>
      ) : null}
    </li>
  );
}
