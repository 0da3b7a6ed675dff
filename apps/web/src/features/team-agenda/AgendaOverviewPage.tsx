import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaLeaveChoiceValue } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { RadioGroup } from '../../components/fields.js';
import { setLeaveChoice, teamAgendaKeys, useAgendaOverview } from './api.js';
import { TeamSummaries } from './parts.js';
import './team-agenda.css';

/** /leeragenda — the teams one brings lessons to, and what happens to them on leaving. */
export function AgendaOverviewPage() {
  const { t } = useTranslation();
  const overview = useAgendaOverview();
  return (
    <Page title={t('teamAgenda.title')} intro={t('teamAgenda.intro')}>
      <QueryStatus query={overview} loadingLabel={t('teamAgenda.loading')} />
      {overview.data ? (
        <>
          {overview.data.teams.length === 0 ? <Paragraph>{t('teamAgenda.noTeams')}</Paragraph> : <TeamSummaries teams={overview.data.teams} />}
          <LeaveChoice current={overview.data.leaveChoice} />
        </>
      ) : null}
    </Page>
  );
}

function LeaveChoice({ current }: { current: AgendaLeaveChoiceValue }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<AgendaLeaveChoiceValue>(current);
  const save = useMutation({
    mutationFn: () => setLeaveChoice(choice),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamAgendaKeys.overview }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Section id={`${id}-leave`} title={t('teamAgenda.leave.title')}>
      <form onSubmit={submit} noValidate>
        <RadioGroup
          id={`${id}-choice`}
          legend={t('teamAgenda.leave.intro')}
          options={[
            { value: 'anonymous', label: t('teamAgenda.leave.anonymous') },
            { value: 'withdraw', label: t('teamAgenda.leave.withdraw') },
          ]}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            save.reset();
          }}
        />
        <MutationError error={save.error} />
        {save.isSuccess ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('teamAgenda.leave.saved')}</Paragraph>
          </Alert>
        ) : null}
        <SubmitActions label={t('teamAgenda.leave.save')} busy={save.isPending} />
      </form>
    </Section>
  );
}
