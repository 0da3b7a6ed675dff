import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { RadioGroup, TextAreaField } from '../../components/fields.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, Loading, LoadingPage, MutationError } from '../../components/QueryState.js';
import { useErrorText } from '../../components/errors.js';
import { formatClock } from '../recordings/format.js';
import { addClientPoint, removeClientPoint, reviewKeys, useClientPoints, useShare } from './api.js';
import { reviewPaths } from './paths.js';
import './reviews.css';

/**
 * /gedeeld/:shareId/clientgesprek — the reviewer's notes of a separate talk with the client. The
 * client decides per point what happens with it, on their own page; here the reviewer sees the choice.
 */
export function ClientTalkReviewerPage() {
  const { t } = useTranslation();
  const { shareId = '' } = useParams();
  const share = useShare(shareId);
  const points = useClientPoints(shareId);
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const id = useId();
  const [text, setText] = useState('');
  const [momentId, setMomentId] = useState<string>('none');
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: reviewKeys.clientPoints(shareId) });
  const add = useMutation({
    mutationFn: () => addClientPoint(shareId, { text, momentId: momentId === 'none' ? null : momentId }),
    onSuccess: async () => {
      setText('');
      setProblem(null);
      await refresh();
    },
    onError: (error) => setProblem(errorText(error)),
  });
  const remove = useMutation({ mutationFn: removeClientPoint, onSuccess: refresh });

  if (share.isPending) return <LoadingPage title={t('reviews.clientTalk.title')} />;
  const error = share.error ?? points.error;
  if (error || !share.data) {
    return (
      <LoadErrorPage
        error={error}
        onRetry={() => void share.refetch()}
        goneStatuses={[404, 403]}
        goneTitle={t('reviews.clientTalk.title')}
        goneText={errorText(error)}
        errorTitle={t('reviews.clientTalk.title')}
      >
        <Paragraph>
          <Link to={reviewPaths.received}>{t('reviews.viewer.toList')}</Link>
        </Paragraph>
      </LoadErrorPage>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('reviews.clientTalk.empty'));
      return;
    }
    add.mutate();
  }

  const moments = share.data.moments;
  return (
    <Page title={t('reviews.clientTalk.title')} intro={t('reviews.clientTalk.intro', { owner: share.data.ownerName })} breadcrumbs={[{ to: reviewPaths.received, label: t('breadcrumbs.shared') }]}>
      <Paragraph>
        <Link to={reviewPaths.shared(shareId)}>{t('reviews.meeting.toShare')}</Link>
      </Paragraph>
      <Section id="client-talk-how" title={t('reviews.clientTalk.howTitle')}>
        <ol className="sk-steps">
          <li>{t('reviews.clientTalk.how1')}</li>
          <li>{t('reviews.clientTalk.how2')}</li>
          <li>{t('reviews.clientTalk.how3')}</li>
        </ol>
        <Paragraph>
          <Link to={reviewPaths.clientTalks}>{t('reviews.clientTalk.openClientPage')}</Link>
        </Paragraph>
      </Section>
      <Section id="client-talk-points" title={t('reviews.clientTalk.pointsTitle')}>
        <form className="sk-form" onSubmit={submit} noValidate aria-label={t('reviews.clientTalk.formLabel')}>
          <TextAreaField id={`${id}-text`} label={t('reviews.clientTalk.pointLabel')} description={t('reviews.clientTalk.pointHint')} value={text} onChange={setText} rows={3} maxLength={1000} error={problem ?? undefined} />
          <RadioGroup
            id={`${id}-moment`}
            legend={t('reviews.clientTalk.momentLegend')}
            options={[{ value: 'none', label: t('reviews.clientTalk.noMoment') }, ...moments.map((m, i) => ({ value: m.id, label: t('reviews.clientTalk.fragment', { number: i + 1, from: formatClock(m.startSeconds), to: formatClock(m.endSeconds) }) }))]}
            value={momentId}
            onChange={setMomentId}
          />
          <Button appearance="primary-action-button" type="submit" busy={add.isPending}>
            {t('reviews.clientTalk.add')}
          </Button>
        </form>
        {points.isPending ? <Loading /> : null}
        {points.data && points.data.points.length === 0 ? <Paragraph className="sk-muted">{t('reviews.clientTalk.noPoints')}</Paragraph> : null}
        <ul className="sk-outcomes" aria-live="polite">
          {points.data?.points.map((point) => (
            <li key={point.id}>
              <span className="sk-outcomes__text">{point.text}</span> <strong>{t(`reviews.relay.${point.relay}`)}</strong>{' '}
              {point.relay === 'pending' ? (
                <Button appearance="subtle-button" busy={remove.isPending && remove.variables === point.id} onClick={() => remove.mutate(point.id)}>
                  {t('reviews.clientTalk.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        <MutationError error={remove.error} />
      </Section>
    </Page>
  );
}
