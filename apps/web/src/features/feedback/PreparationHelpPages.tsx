import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { contract, localize, themeCard } from '@spreekkamer/shared';
import { SubmitActions } from '../../components/FormActions.js';
import { Heading } from '../../components/Heading.js';
import { ButtonLink } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { TextAreaField } from '../../components/fields.js';
import { useErrorText } from '../../components/errors.js';
import { formatDay } from '../../lib/format.js';
import { call } from '../../api/client.js';

const enc = encodeURIComponent;
const listKey = ['preparation-helps'] as const;
const oneKey = (id: string) => ['preparation-helps', id] as const;
export const preparationHelpPath = (id: string) => `/gedeeld/voorbereiding/${enc(id)}`;

/** On "Gedeeld met mij": the clients an independent helper helps prepare; nothing when none. */
export function PreparationHelpList() {
  const { t, i18n } = useTranslation();
  const helps = useQuery({ queryKey: listKey, queryFn: () => call(contract.preparationHelp.listForHelper) });
  if (!helps.data || helps.data.helps.length === 0) return null;
  return (
    <section aria-labelledby="preparation-helps">
      <Heading level={2} id="preparation-helps">
        {t('feedback.helperPage.listTitle')}
      </Heading>
      <ul className="sk-card-list">
        {helps.data.helps.map((help) => (
          <li key={help.id} className="sk-card">
            <Paragraph>{t('feedback.helperPage.item', { professional: help.professionalName, date: formatDay(help.invitedAt, i18n.language) })}</Paragraph>
            <ButtonLink appearance="primary-action" to={preparationHelpPath(help.id)}>
              {t('feedback.helperPage.open', { professional: help.professionalName })}
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /gedeeld/voorbereiding/:id — what the client shows the helper, and the helper's points. */
export function PreparationHelpPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const formId = useId();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const help = useQuery({ queryKey: oneKey(id), queryFn: () => call(contract.preparationHelp.getForHelper, { params: { id } }) });
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () => call(contract.preparationHelp.addPoint, { params: { id }, body: { text } }),
    onSuccess: (data) => {
      setText('');
      queryClient.setQueryData(oneKey(id), data);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) add.mutate();
  };
  return (
    <Page title={t('feedback.helperPage.title')} intro={t('feedback.helperPage.intro')} breadcrumbs={[{ to: '/gedeeld', label: t('reviews.received.title') }]}>
      <QueryStatus query={help} />
      {help.data ? (
        <>
          <Paragraph>{t('feedback.helperPage.item', { professional: help.data.professionalName, date: formatDay(help.data.invitedAt, i18n.language) })}</Paragraph>
          <Heading level={2}>{t('feedback.helperPage.shownTitle')}</Heading>
          {help.data.shown.picks.length === 0 && !help.data.shown.ownWords ? <Paragraph>{t('feedback.helperPage.nothingShown')}</Paragraph> : null}
          <ul>
            {help.data.shown.picks.map((pick) => {
              const card = themeCard(pick.theme);
              const sub = card.subtopics.find((s) => s.id === pick.subtopic);
              return <li key={`${pick.theme}:${pick.subtopic ?? ''}`}>{sub ? `${localize(card.title, i18n.language)}: ${localize(sub.title, i18n.language)}` : localize(card.title, i18n.language)}</li>;
            })}
          </ul>
          {help.data.shown.ownWords ? <blockquote className="sk-feedback-quote">{help.data.shown.ownWords}</blockquote> : null}
          <Heading level={2}>{t('feedback.helperPage.pointsTitle')}</Heading>
          <Paragraph>{t('feedback.helperPage.pointsIntro')}</Paragraph>
          {help.data.points.length === 0 ? <Paragraph>{t('feedback.helperPage.noPoints')}</Paragraph> : null}
          <ul>
            {help.data.points.map((point) => (
              <li key={point.id}>
                {point.text} <span className="sk-muted">({t(`feedback.helperPage.relay.${point.relay}`)})</span>
              </li>
            ))}
          </ul>
          <form className="sk-form" onSubmit={submit}>
            <TextAreaField id={`${formId}-point`} label={t('feedback.helperPage.pointLabel')} value={text} onChange={setText} maxLength={1000} rows={3} error={add.error ? errorText(add.error) : undefined} />
            <SubmitActions label={t('feedback.helperPage.addPoint')} busy={add.isPending} />
          </form>
        </>
      ) : null}
    </Page>
  );
}
