import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, type FeedbackDetail, type FeedbackHelpers, type FeedbackParticipant } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { SelectField } from '../../components/fields.js';
import { useErrorText } from '../../components/errors.js';
import { usePeople } from '../reviews/api.js';
import { formatDay } from '../../lib/format.js';
import { call } from '../../api/client.js';

const helpersKey = (feedbackId: string) => ['feedback', feedbackId, 'helpers'] as const;

/**
 * The professional asks an independent coach from outside to help one client prepare, without
 * any recording; sees who helps until when, and only the points the client passed on.
 */
export function PreparationHelper({ feedback, participant }: { feedback: FeedbackDetail; participant: FeedbackParticipant }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const helpers = useQuery({ queryKey: helpersKey(feedback.id), queryFn: () => call(contract.preparationHelp.helpers, { params: { id: feedback.id } }) });
  const people = usePeople();
  const outside = (people.data?.people ?? []).filter((p) => p.isReviewer && p.independentFrom !== null);
  const [chosen, setChosen] = useState('');
  const params = { id: feedback.id, participantId: participant.id };
  const store = (data: FeedbackHelpers) => queryClient.setQueryData(helpersKey(feedback.id), data);
  const invite = useMutation({ mutationFn: (helperId: string) => call(contract.preparationHelp.invite, { params, body: { helperId } }), onSuccess: store });
  const end = useMutation({ mutationFn: () => call(contract.preparationHelp.end, { params }), onSuccess: store });
  const mine = helpers.data?.helpers.find((h) => h.participantId === participant.id);
  if (feedback.status === 'completed' && !mine) return null;
  const error = invite.error ?? end.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const helperId = chosen || outside[0]?.id;
    if (helperId) invite.mutate(helperId);
  };
  return (
    <div className="sk-stack">
      <Heading level={4}>{t('feedback.helperPro.title')}</Heading>
      {mine ? (
        <>
          <Paragraph>{t('feedback.helperPro.current', { name: mine.name, organisation: mine.independentFrom, until: mine.accessUntil ? formatDay(mine.accessUntil, i18n.language) : '' })}</Paragraph>
          {mine.passedOn.length > 0 ? (
            <ul>
              {mine.passedOn.map((p) => (
                <li key={p.id}>{p.text}</li>
              ))}
            </ul>
          ) : (
            <Paragraph small>{t('feedback.helperPro.nothingYet')}</Paragraph>
          )}
          <Button appearance="subtle-button" busy={end.isPending} onClick={() => end.mutate()}>
            {t('feedback.helperPro.end', { name: mine.name })}
          </Button>
        </>
      ) : outside.length === 0 ? (
        <Paragraph small>{t('feedback.helperPro.none')}</Paragraph>
      ) : (
        <form className="sk-inline-form" onSubmit={submit}>
          <Paragraph small>{t('feedback.helperPro.intro')}</Paragraph>
          <SelectField
            id={`${id}-helper`}
            label={t('feedback.helperPro.choose')}
            value={chosen || (outside[0]?.id ?? '')}
            onChange={setChosen}
            options={outside.map((p) => ({ value: p.id, label: `${p.name} (${p.independentFrom ?? ''})` }))}
          />
          <Button type="submit" appearance="secondary-action-button" busy={invite.isPending}>
            {t('feedback.helperPro.invite')}
          </Button>
        </form>
      )}
      {error ? <p role="alert">{errorText(error)}</p> : null}
    </div>
  );
}
