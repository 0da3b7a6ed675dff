import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { SelectField, TextAreaField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage, MutationError } from '../../components/QueryState.js';
import { formatDateTime } from '../../lib/format.js';
import { currentLocale } from '../../i18n/index.js';
import { useSession } from '../auth/session.js';
import { reviewPaths } from '../reviews/paths.js';
import { addCoachNote, learningKeys, useCoachView } from './api.js';
import './learning.css';

/** /leren/coach/:id — what the professional shared with their leercoach, and the notes thread; for both of them. */
export function CoachPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const view = useCoachView(id);
  const { data: session } = useSession();
  if (view.isPending) return <LoadingPage title={t('learning.coachPage.loading')} />;
  if (view.error || !view.data) return <LoadErrorPage error={view.error} onRetry={() => void view.refetch()} goneTitle={t('learning.coachPage.gone')} goneText={t('learning.coachPage.goneText')} />;
  const { invitation, questions, fragments, notes } = view.data;
  const iAmCoach = session?.user.id === invitation.coachUserId;
  const locale = currentLocale();
  return (
    <Page title={t('learning.coachPage.title', { name: iAmCoach ? invitation.professionalName : invitation.coachName })}>
      <Section id="coach-questions" title={t('learning.coachPage.questions')}>
        {questions.length === 0 ? <Paragraph>{t('learning.coachPage.noQuestions')}</Paragraph> : null}
        <ul>
          {questions.map((q) => (
            <li key={q.id}>
              {q.text || t('learning.questions.empty')}
              {q.theme ? <span className="sk-muted"> ({t(`learning.themes.${q.theme}`)})</span> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="coach-fragments" title={t('learning.coachPage.fragments')}>
        {fragments.length === 0 ? <Paragraph>{t('learning.coachPage.noFragments')}</Paragraph> : null}
        <ul>
          {fragments.map((f) => (
            <li key={f.shareId}>
              {iAmCoach ? <Link to={reviewPaths.shared(f.shareId)}>{t('learning.coachPage.openFragment')}</Link> : t('learning.coachPage.openFragment')}
              {f.question ? `: ${f.question}` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="coach-notes" title={t('learning.coachPage.notes')}>
        {notes.length === 0 ? <Paragraph>{t('learning.coachPage.noNotes')}</Paragraph> : null}
        <ol className="sk-notes">
          {notes.map((n) => (
            <li key={n.id} className="sk-card">
              <Paragraph small>
                {t(`learning.coachPage.${n.kind}`)} · {n.authorName} · {formatDateTime(n.createdAt, locale)}
              </Paragraph>
              <Paragraph className="sk-pre">{n.body}</Paragraph>
            </li>
          ))}
        </ol>
        {invitation.active ? <NoteForm invitationId={invitation.id} /> : null}
      </Section>
    </Page>
  );
}

function NoteForm({ invitationId }: { invitationId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'voorgesprek' | 'nagesprek'>('voorgesprek');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: () => addCoachNote(invitationId, { kind, body: body.trim() }),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: learningKeys.coachView(invitationId) });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!body.trim());
    if (body.trim()) add.mutate();
  }
  return (
    <form className="sk-form" onSubmit={submit} noValidate>
      <Heading level={3}>{t('learning.coachPage.add')}</Heading>
      <SelectField
        id={`${id}-kind`}
        label={t('learning.coachPage.kind')}
        value={kind}
        onChange={(value) => setKind(value === 'nagesprek' ? 'nagesprek' : 'voorgesprek')}
        options={[
          { value: 'voorgesprek', label: t('learning.coachPage.voorgesprek') },
          { value: 'nagesprek', label: t('learning.coachPage.nagesprek') },
        ]}
      />
      <TextAreaField id={`${id}-body`} label={t('learning.coachPage.note')} value={body} onChange={setBody} maxLength={4000} rows={3} error={missing ? t('learning.coachPage.noteRequired') : undefined} />
      <MutationError error={add.error} />
      <Button appearance="primary-action-button" type="submit" busy={add.isPending}>
        {t('learning.coachPage.add')}
      </Button>
    </form>
  );
}
