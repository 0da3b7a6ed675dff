import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { Fieldset, FieldsetLegend } from '@utrecht/fieldset-react';
import { agendaTextMaxLength, findIdentifyingDetails, themeIds, type AgendaItemKind, type AgendaMeeting, type TeamAgenda, type ThemeId } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage, MutationError } from '../../components/QueryState.js';
import { CheckboxField, RadioGroup, TextAreaField } from '../../components/fields.js';
import { useErrorText } from '../../components/errors.js';
import { addAgendaItem, setAgendaItemNamed, teamAgendaKeys, teamAgendaPaths, useTeamAgenda, withdrawAgendaItem } from './api.js';
import { AgendaItemBody, LiveCheck, themeTitle } from './parts.js';
import './team-agenda.css';

/** /leeragenda/:teamId — bring a lesson or question in, and see what the team has on its agenda. */
export function TeamAgendaPage() {
  const { t } = useTranslation();
  const { teamId = '' } = useParams();
  const agenda = useTeamAgenda(teamId);
  if (agenda.isPending) return <LoadingPage title={t('teamAgenda.loading')} />;
  if (agenda.error || !agenda.data) {
    return <LoadErrorPage error={agenda.error} onRetry={() => void agenda.refetch()} goneTitle={t('teamAgenda.gone')} goneText={t('teamAgenda.goneText')} />;
  }
  const { team } = agenda.data;
  return (
    <Page title={t('teamAgenda.teamTitle', { team: team.name })} intro={t('teamAgenda.intro')} breadcrumbs={[{ to: teamAgendaPaths.overview, label: t('teamAgenda.nav') }]}>
      <Paragraph>
        <Link to={teamAgendaPaths.meetings(team.id)}>{t('teamAgenda.toMeetings', { team: team.name })}</Link>
      </Paragraph>
      <NewItemForm teamId={team.id} />
      <Items agenda={agenda.data} />
    </Page>
  );
}

function NewItemForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<AgendaItemKind>('lesson');
  const [text, setText] = useState('');
  const [themes, setThemes] = useState<ThemeId[]>([]);
  const [named, setNamed] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The same check the server runs on save, so the author sees it before sending anything.
  const findings = useMemo(() => findIdentifyingDetails(text), [text]);

  const save = useMutation({
    mutationFn: () => addAgendaItem(teamId, { kind, text, themes, named, confirmed: confirmed && findings.length > 0 }),
    onSuccess: async (result) => {
      if (!result.item) {
        setProblem(null);
        return;
      }
      setText('');
      setThemes([]);
      setNamed(false);
      setConfirmed(false);
      setProblem(null);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: teamAgendaKeys.all });
    },
    onError: (error) => {
      setProblem(errorText(error));
      textRef.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!text.trim()) {
      setProblem(t('teamAgenda.form.empty'));
      textRef.current?.focus();
      return;
    }
    if (text.length > agendaTextMaxLength) {
      setProblem(t('teamAgenda.form.tooLong'));
      textRef.current?.focus();
      return;
    }
    if (findings.length > 0 && !confirmed) {
      textRef.current?.focus();
      return;
    }
    save.mutate();
  }

  function toggleTheme(theme: ThemeId, on: boolean) {
    setThemes((current) => (on ? [...current, theme] : current.filter((t) => t !== theme)));
  }

  return (
    <Section id={`${id}-new`} title={t('teamAgenda.form.title')}>
      <form onSubmit={submit} noValidate>
        <RadioGroup
          id={`${id}-kind`}
          legend={t('teamAgenda.form.kindLegend')}
          options={[
            { value: 'lesson', label: t('teamAgenda.form.kinds.lesson') },
            { value: 'question', label: t('teamAgenda.form.kinds.question') },
          ]}
          value={kind}
          onChange={setKind}
        />
        <TextAreaField
          id={`${id}-text`}
          ref={textRef}
          label={t('teamAgenda.form.text')}
          description={t('teamAgenda.form.textHint')}
          error={problem ?? undefined}
          value={text}
          onChange={(value) => {
            setText(value);
            setSaved(false);
            setProblem(null);
          }}
          rows={5}
        />
        <LiveCheck text={text} />
        {findings.length > 0 ? (
          <CheckboxField id={`${id}-confirm`} label={t('teamAgenda.check.confirm')} description={t('teamAgenda.check.confirmHint')} checked={confirmed} onChange={setConfirmed} />
        ) : null}
        <Fieldset>
          <FieldsetLegend>{t('teamAgenda.form.themesLegend')}</FieldsetLegend>
          <div className="sk-agenda__themes">
            {themeIds.map((theme) => (
              <CheckboxField key={theme} id={`${id}-theme-${theme}`} label={themeTitle(theme)} checked={themes.includes(theme)} onChange={(on) => toggleTheme(theme, on)} />
            ))}
          </div>
        </Fieldset>
        <CheckboxField id={`${id}-named`} label={t('teamAgenda.form.named')} description={t('teamAgenda.form.namedHint')} checked={named} onChange={setNamed} />
        {saved ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('teamAgenda.form.saved')}</Paragraph>
          </Alert>
        ) : null}
        <SubmitActions label={t('teamAgenda.form.submit')} busy={save.isPending} />
      </form>
    </Section>
  );
}

function Items({ agenda }: { agenda: TeamAgenda }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: withdrawAgendaItem,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamAgendaKeys.all }),
  });
  const naming = useMutation({
    mutationFn: ({ itemId, named }: { itemId: string; named: boolean }) => setAgendaItemNamed(itemId, named),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamAgendaKeys.all }),
  });
  const meetings = new Map<string, AgendaMeeting>(agenda.meetings.map((m) => [m.id, m]));
  return (
    <Section id={`${id}-items`} title={t('teamAgenda.items.title')}>
      <MutationError error={withdraw.error ?? naming.error} />
      {withdraw.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('teamAgenda.items.withdrawn')}</Paragraph>
        </Alert>
      ) : null}
      {agenda.items.length === 0 ? <Paragraph>{t('teamAgenda.items.empty')}</Paragraph> : null}
      <ul className="sk-agenda__items">
        {agenda.items.map((item) => (
          <li key={item.id}>
            <AgendaItemBody item={item} meeting={item.meetingId ? meetings.get(item.meetingId) : undefined} />
            {item.mine ? (
              <div className="sk-actions">
                <Button appearance="secondary-action-button" busy={naming.isPending && naming.variables.itemId === item.id} onClick={() => naming.mutate({ itemId: item.id, named: item.authorName === null })}>
                  {item.authorName === null ? t('teamAgenda.items.showName') : t('teamAgenda.items.hideName')}
                </Button>
                <Button appearance="secondary-action-button" busy={withdraw.isPending && withdraw.variables === item.id} onClick={() => withdraw.mutate(item.id)}>
                  {t('teamAgenda.items.withdraw')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
