import { usePeerGroups } from '../reviews/api.js';
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { learningThemeIds, type LearningQuestion, type LearningRound, type LearningThemeId } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { RadioGroup, TextAreaField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { createQuestion, deleteQuestion, patchQuestion, shareQuestion, unshareQuestion } from './api.js';
import { ErrorLine, useRefresh } from './learning-ui.js';

export function QuestionCard({ question, round }: { question: LearningQuestion; round: LearningRound | null }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const [learned, setLearned] = useState(question.learned);
  const update = useMutation({ mutationFn: (patch: Parameters<typeof patchQuestion>[1]) => patchQuestion(question.id, patch), onSuccess: refresh });
  const share = useMutation({ mutationFn: (coachInvitationId: string) => shareQuestion(question.id, { coachInvitationId }), onSuccess: refresh });
  const shareWithGroup = useMutation({ mutationFn: (peerGroupId: string) => shareQuestion(question.id, { peerGroupId }), onSuccess: refresh });
  // Intervision groups the professional is an active member of, not yet holding this question.
  const peerGroups = usePeerGroups();
  const groups = (peerGroups.data?.groups ?? []).filter((g) => g.myStatus === 'active' && !question.shares.some((s) => s.peerGroupId === g.id));
  const unshare = useMutation({ mutationFn: unshareQuestion, onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteQuestion(question.id), onSuccess: refresh });
  const coaches = (round?.coaches ?? []).filter((c) => c.active && !question.shares.some((s) => s.coachInvitationId === c.id));
  const title = question.text || t('learning.questions.empty');
  return (
    <article className="sk-card sk-question" aria-labelledby={`${id}-title`}>
      <Heading level={3} id={`${id}-title`}>
        {title}
      </Heading>
      <Paragraph small>
        {question.theme ? `${t(`learning.themes.${question.theme}`)} · ` : ''}
        {question.status === 'done' ? t('learning.questions.done') : t('learning.questions.open')}
      </Paragraph>
      {question.links.length > 0 ? (
        <>
          <Paragraph small>{t('learning.questions.links')}:</Paragraph>
          <ul>
            {question.links.map((link) => (
              <li key={link.id}>
                {t(`learning.questions.linkKinds.${link.kind}`)}: {link.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {question.shares.length > 0 ? (
        <ul>
          {question.shares.map((s) => (
            <li key={s.id}>
              {t('learning.questions.sharedWith', { name: s.recipientName })}{' '}
              <Button appearance="subtle-button" onClick={() => unshare.mutate(s.id)}>
                {t('learning.questions.unshare', { name: s.recipientName })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="sk-form"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ learned });
        }}
      >
        <TextAreaField id={`${id}-learned`} label={t('learning.questions.learned')} value={learned} onChange={setLearned} maxLength={4000} rows={2} />
        <div className="sk-actions">
          <Button appearance="secondary-action-button" type="submit" busy={update.isPending}>
            {t('learning.questions.save')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => update.mutate({ status: question.status === 'done' ? 'open' : 'done', learned })}>
            {question.status === 'done' ? t('learning.questions.reopen') : t('learning.questions.markDone')}
          </Button>
          {coaches.map((c) => (
            <Button key={c.id} appearance="secondary-action-button" busy={share.isPending} onClick={() => share.mutate(c.id)}>
              {t('learning.questions.shareWithCoach', { name: c.coachName })}
            </Button>
          ))}
          {groups.map((g) => (
            <Button key={g.id} appearance="secondary-action-button" busy={shareWithGroup.isPending} onClick={() => shareWithGroup.mutate(g.id)}>
              {t('learning.questions.shareWithGroup', { name: g.name })}
            </Button>
          ))}
          <Button appearance="subtle-button" busy={remove.isPending} onClick={() => remove.mutate()}>
            {t('learning.questions.delete')}
          </Button>
        </div>
      </form>
      <ErrorLine error={update.error ?? share.error ?? shareWithGroup.error ?? unshare.error ?? remove.error} />
    </article>
  );
}

export function NewQuestionForm() {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const [params, setParams] = useSearchParams();
  const momentId = params.get('moment');
  const [text, setText] = useState('');
  const [theme, setTheme] = useState<LearningThemeId | 'none'>('none');
  const create = useMutation({
    mutationFn: () => createQuestion({ text, theme: theme === 'none' ? null : theme, ...(momentId ? { fromMomentId: momentId } : {}) }),
    onSuccess: async () => {
      setText('');
      setTheme('none');
      if (momentId) setParams({}, { replace: true });
      await refresh();
    },
  });
  return (
    <form
      className="sk-form"
      aria-label={t('learning.questions.newTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Paragraph>{t('learning.questions.newIntro')}</Paragraph>
      {momentId ? (
        <Alert type="info">
          <Paragraph>{t('learning.questions.fromMoment')}</Paragraph>
        </Alert>
      ) : null}
      <TextAreaField id={`${id}-text`} label={t('learning.questions.text')} value={text} onChange={setText} maxLength={2000} rows={2} />
      <RadioGroup
        id={`${id}-theme`}
        legend={t('learning.questions.theme')}
        value={theme}
        onChange={setTheme}
        options={[{ value: 'none' as const, label: t('learning.themes.none') }, ...learningThemeIds.map((value) => ({ value, label: t(`learning.themes.${value}`) }))]}
      />
      {create.isSuccess ? (
        <Paragraph role="status" small>
          {t('learning.questions.created')}
        </Paragraph>
      ) : null}
      <ErrorLine error={create.error} />
      <Button appearance="primary-action-button" type="submit" busy={create.isPending}>
        {t('learning.questions.create')}
      </Button>
    </form>
  );
}
