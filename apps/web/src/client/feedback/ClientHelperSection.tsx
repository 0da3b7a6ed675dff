import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ClientFeedback, type ClientHelper, contract, localize, themeCard, type ThemePick } from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { ClientButton } from '../../components/client/index.js';
import { call } from '../../api/client.js';

const keyOf = (pick: ThemePick) => `${pick.theme}:${pick.subtopic ?? ''}`;

/**
 * When the professional asked an independent coach from outside to help with preparing: who it
 * is, what the client lets them see (nothing until they choose), and the coach's points, each
 * passed on to the professional or not, as the client decides.
 */
export function ClientHelperSection({ feedback }: { feedback: ClientFeedback }) {
  const queryKey = ['client', 'feedback', feedback.id, 'helper'] as const;
  const helper = useQuery({ queryKey, queryFn: () => call(contract.preparationHelp.forClient, { params: { id: feedback.id } }) });
  if (!helper.data?.helper) return null;
  return <HelperDetails feedback={feedback} helper={helper.data.helper} queryKey={queryKey} />;
}

function HelperDetails({ feedback, helper, queryKey }: { feedback: ClientFeedback; helper: NonNullable<ClientHelper['helper']>; queryKey: readonly unknown[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [shown, setShown] = useState(() => new Set(helper.shown.picks.map(keyOf)));
  const [ownWords, setOwnWords] = useState(helper.shown.ownWords);
  const store = (data: ClientHelper) => queryClient.setQueryData(queryKey, data);
  const save = useMutation({
    mutationFn: () =>
      call(contract.preparationHelp.clientShow, { params: { id: feedback.id }, body: { picks: feedback.me.picks.filter((p) => shown.has(keyOf(p))), ownWords } }),
    onSuccess: store,
  });
  const decide = useMutation({
    mutationFn: (input: { pointId: string; relay: 'pass_on' | 'private' }) =>
      call(contract.preparationHelp.clientDecide, { params: { id: feedback.id, pointId: input.pointId }, body: { relay: input.relay } }),
    onSuccess: store,
  });
  const names = { name: helper.name, organisation: helper.independentFrom, professional: feedback.professionalName };
  const labelOf = (pick: ThemePick) => {
    const card = themeCard(pick.theme);
    const sub = card.subtopics.find((s) => s.id === pick.subtopic);
    return sub ? `${localize(card.title, i18n.language)}: ${localize(sub.title, i18n.language)}` : localize(card.title, i18n.language);
  };
  const error = save.error ?? decide.error;
  return (
    <section aria-labelledby="helper-title" className="sk-client-spaced">
      <h2 id="helper-title">{t('feedback.helper.title')}</h2>
      <p>{t('feedback.helper.intro', names)}</p>
      <fieldset className="sk-client-fieldset">
        <legend>{t('feedback.helper.show', names)}</legend>
        {feedback.me.picks.map((pick) => (
          <label key={keyOf(pick)} className="sk-client-check">
            <input
              type="checkbox"
              checked={shown.has(keyOf(pick))}
              onChange={(event) => {
                const next = new Set(shown);
                if (event.target.checked) next.add(keyOf(pick));
                else next.delete(keyOf(pick));
                setShown(next);
              }}
            />
            <span>{labelOf(pick)}</span>
          </label>
        ))}
        {feedback.me.ownWords ? (
          <label className="sk-client-check">
            <input type="checkbox" checked={ownWords} onChange={(event) => setOwnWords(event.target.checked)} />
            <span>{t('feedback.helper.ownWords')}</span>
          </label>
        ) : null}
      </fieldset>
      <ClientButton appearance="secondary" icon="check" onClick={() => save.mutate()} aria-disabled={save.isPending ? true : undefined}>
        {t('feedback.helper.save')}
      </ClientButton>
      <p role="status">{save.isSuccess ? t('feedback.helper.saved') : ''}</p>
      {helper.points.length > 0 ? (
        <>
          <h3>{t('feedback.helper.pointsTitle', names)}</h3>
          <p>{t('feedback.helper.pointsIntro', names)}</p>
          <ul className="sk-client-list">
            {helper.points.map((point) => (
              <li key={point.id} className="sk-client-card">
                <p className="sk-feedback-text">{point.text}</p>
                <p className="sk-client-hint">{point.relay === 'pending' ? t('feedback.helper.pending') : point.relay === 'pass_on' ? t('feedback.helper.passedOn', names) : t('feedback.helper.kept', names)}</p>
                <div className="sk-client-actions">
                  <ClientButton appearance={point.relay === 'pass_on' ? 'primary' : 'secondary'} aria-pressed={point.relay === 'pass_on'} onClick={() => decide.mutate({ pointId: point.id, relay: 'pass_on' })}>
                    {t('feedback.helper.passOn')}
                  </ClientButton>
                  <ClientButton appearance={point.relay === 'private' ? 'primary' : 'secondary'} aria-pressed={point.relay === 'private'} onClick={() => decide.mutate({ pointId: point.id, relay: 'private' })}>
                    {t('feedback.helper.keep')}
                  </ClientButton>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="sk-client-alert">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}
