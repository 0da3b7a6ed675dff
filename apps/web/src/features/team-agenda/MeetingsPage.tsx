import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { agendaStatuses, type AgendaItem, type AgendaMeeting, type AgendaStatus, type TeamAgenda } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Heading } from '../../components/Heading.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage, MutationError } from '../../components/QueryState.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../../lib/format.js';
import { addAgendaMeeting, planAgendaItem, setAgendaOutcome, setMeetingNote, teamAgendaKeys, teamAgendaPaths, useTeamAgenda } from './api.js';
import { AgendaItemBody, LiveCheck } from './parts.js';
import './team-agenda.css';

/** /leeragenda/:teamId/werkoverleg — what each werkoverleg discusses and agrees; the team lead plans and writes it. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { teamId = '' } = useParams();
  const agenda = useTeamAgenda(teamId);
  if (agenda.isPending) return <LoadingPage title={t('teamAgenda.loading')} />;
  if (agenda.error || !agenda.data) {
    return <LoadErrorPage error={agenda.error} onRetry={() => void agenda.refetch()} goneTitle={t('teamAgenda.gone')} goneText={t('teamAgenda.goneText')} />;
  }
  const data = agenda.data;
  return (
    <Page
      title={t('teamAgenda.meetings.pageTitle', { team: data.team.name })}
      intro={t('teamAgenda.meetings.intro')}
      breadcrumbs={[
        { to: teamAgendaPaths.overview, label: t('teamAgenda.nav') },
        { to: teamAgendaPaths.team(data.team.id), label: data.team.name },
      ]}
    >
      {data.lead ? <AddMeeting teamId={data.team.id} /> : null}
      {data.meetings.length === 0 ? <Paragraph>{t('teamAgenda.meetings.empty')}</Paragraph> : null}
      {data.meetings.map((meeting) => (
        <Meeting key={meeting.id} meeting={meeting} agenda={data} />
      ))}
    </Page>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: teamAgendaKeys.all });
}

function AddMeeting({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => addAgendaMeeting(teamId, date),
    onSuccess: async () => {
      setDate('');
      await refresh();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!date) {
      setProblem(t('teamAgenda.meetings.dateRequired'));
      return;
    }
    add.mutate();
  }
  return (
    <Section id={`${id}-add`} title={t('teamAgenda.meetings.addTitle')}>
      <form onSubmit={submit} noValidate>
        <TextField
          id={`${id}-date`}
          type="date"
          label={t('teamAgenda.meetings.date')}
          error={problem ?? undefined}
          value={date}
          onChange={(value) => {
            setDate(value);
            setProblem(null);
          }}
        />
        <MutationError error={add.error} />
        <SubmitActions label={t('teamAgenda.meetings.add')} busy={add.isPending} />
      </form>
    </Section>
  );
}

function Meeting({ meeting, agenda }: { meeting: AgendaMeeting; agenda: TeamAgenda }) {
  const { t } = useTranslation();
  const id = useId();
  const planned = agenda.items.filter((item) => item.meetingId === meeting.id);
  return (
    <Section id={`${id}-meeting`} title={t('teamAgenda.meetings.meetingTitle', { date: formatDay(meeting.date, currentLocale()) })}>
      {planned.length === 0 ? <Paragraph>{t('teamAgenda.meetings.noItems')}</Paragraph> : null}
      <ul className="sk-agenda__items">
        {planned.map((item) => (
          <li key={item.id}>
            <AgendaItemBody item={item} />
            {agenda.lead ? <Outcome item={item} /> : null}
          </li>
        ))}
      </ul>
      {agenda.lead ? <PlanItem meeting={meeting} items={agenda.items.filter((item) => item.meetingId === null)} /> : null}
      <Note meeting={meeting} lead={agenda.lead} />
    </Section>
  );
}

function Outcome({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const [status, setStatus] = useState<AgendaStatus>(item.status);
  const [agreement, setAgreement] = useState(item.agreement);
  const save = useMutation({ mutationFn: () => setAgendaOutcome(item.id, { status, agreement }), onSuccess: refresh });
  const unplan = useMutation({ mutationFn: () => planAgendaItem(item.id, null), onSuccess: refresh });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('teamAgenda.meetings.outcomeFor')}>
      <SelectField
        id={`${id}-status`}
        label={t('teamAgenda.meetings.statusLabel')}
        value={status}
        onChange={(value) => setStatus(agendaStatuses.find((s) => s === value) ?? status)}
        options={agendaStatuses.map((value) => ({ value, label: t(`teamAgenda.status.${value}`) }))}
      />
      <TextAreaField id={`${id}-agreement`} label={t('teamAgenda.meetings.agreementLabel')} value={agreement} onChange={setAgreement} rows={3} />
      <LiveCheck text={agreement} />
      <MutationError error={save.error ?? unplan.error} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('teamAgenda.meetings.outcomeSaved')}</Paragraph>
        </Alert>
      ) : null}
      <SubmitActions label={t('teamAgenda.meetings.saveOutcome')} busy={save.isPending}>
        <Button appearance="subtle-button" busy={unplan.isPending} onClick={() => unplan.mutate()}>
          {t('teamAgenda.meetings.unplan')}
        </Button>
      </SubmitActions>
    </form>
  );
}

function PlanItem({ meeting, items }: { meeting: AgendaMeeting; items: readonly AgendaItem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const [chosen, setChosen] = useState('');
  const itemId = items.some((item) => item.id === chosen) ? chosen : (items[0]?.id ?? '');
  const plan = useMutation({ mutationFn: () => planAgendaItem(itemId, meeting.id), onSuccess: refresh });
  if (items.length === 0) return <Paragraph small>{t('teamAgenda.meetings.nothingToPlan')}</Paragraph>;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (itemId) plan.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <SelectField
        id={`${id}-item`}
        label={t('teamAgenda.meetings.planLabel')}
        value={itemId}
        onChange={setChosen}
        options={items.map((item) => ({ value: item.id, label: item.text.length > 80 ? `${item.text.slice(0, 80)}…` : item.text }))}
      />
      <MutationError error={plan.error} />
      <SubmitActions label={t('teamAgenda.meetings.plan')} busy={plan.isPending} appearance="secondary-action-button" />
    </form>
  );
}

function Note({ meeting, lead }: { meeting: AgendaMeeting; lead: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const [note, setNote] = useState(meeting.note);
  const save = useMutation({ mutationFn: () => setMeetingNote(meeting.id, note), onSuccess: refresh });
  if (!lead) {
    return (
      <>
        <Heading level={3}>{t('teamAgenda.meetings.note')}</Heading>
        <Paragraph className="sk-agenda__text">{meeting.note || t('teamAgenda.meetings.noteEmpty')}</Paragraph>
      </>
    );
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextAreaField id={`${id}-note`} label={t('teamAgenda.meetings.note')} value={note} onChange={setNote} rows={4} />
      <LiveCheck text={note} />
      <MutationError error={save.error} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('teamAgenda.meetings.noteSaved')}</Paragraph>
        </Alert>
      ) : null}
      <SubmitActions label={t('teamAgenda.meetings.saveNote')} busy={save.isPending} />
    </form>
  );
}
