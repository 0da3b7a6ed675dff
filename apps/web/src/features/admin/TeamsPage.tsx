import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract } from '@spreekkamer/shared';
import { ErrorSummary, useFormErrors, type FormErrors } from '../../components/ErrorSummary.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCell, TableHeaderRow, TableRow } from '../../components/Table.js';
import { EditPanel, focusWhenRendered, NameField } from './EditPanel.js';
import { adminKeys, useTeams } from './queries.js';
import { call } from '../../api/client.js';

type Team = { id: string; name: string; memberCount: number };

export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const [renaming, setRenaming] = useState<Team | null>(null);
  const columns = {
    name: t('admin.teams.columns.name'),
    members: t('admin.teams.columns.members'),
    actions: t('admin.teams.columns.actions'),
  };

  function closeRename() {
    const id = renaming?.id;
    setRenaming(null);
    focusWhenRendered(`rename-${id}`);
  }

  return (
    <Page title={t('admin.teams.title')} intro={t('admin.teams.intro')}>
      <Section id="teams-new" title={t('admin.teams.newTitle')}>
        <NewTeamForm />
      </Section>
      <Section id="teams-list" title={t('admin.teams.listTitle')}>
        {renaming ? <RenameTeam key={renaming.id} team={renaming} onClose={closeRename} /> : null}
        <QueryStatus query={teams} />
        {teams.data && teams.data.teams.length === 0 ? <Paragraph>{t('admin.teams.empty')}</Paragraph> : null}
        {teams.data && teams.data.teams.length > 0 ? (
          <Table>
            <TableHeaderRow columns={[columns.name, columns.members]} actions={columns.actions} />
            <TableBody>
              {teams.data.teams.map((team) => (
                <TableRow key={team.id}>
                  <TableCell label={columns.name}>{team.name}</TableCell>
                  <TableCell label={columns.members}>{t('admin.teams.memberCount', { count: team.memberCount })}</TableCell>
                  <TableCell label={columns.actions} className="sk-cell--actions">
                    <Button
                      id={`rename-${team.id}`}
                      appearance="secondary-action-button"
                      aria-label={`${t('admin.teams.rename')}: ${team.name}`}
                      onClick={() => setRenaming(team)}
                    >
                      {t('admin.teams.rename')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </Section>
    </Page>
  );
}

function NewTeamForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const { errors, showError, check, clear } = useFormErrors();
  const create = useMutation({
    mutationFn: () => call(contract.admin.createTeam, { body: { name: name.trim() } }),
    onSuccess: async (team) => {
      clear();
      setName('');
      setCreated(team.name);
      await queryClient.invalidateQueries({ queryKey: adminKeys.teams });
    },
    onError: showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    if (check({ name: name.trim() === '' && t('validation.nameRequired') })) create.mutate();
  }

  return (
    <TeamNameForm
      fieldId="team-new-name"
      name={name}
      onNameChange={setName}
      errors={errors}
      onSubmit={submit}
      submitLabel={t('admin.teams.create')}
      busy={create.isPending}
    >
      {created ? (
        <Paragraph role="status" className="sk-saved">
          {t('admin.teams.created', { name: created })}
        </Paragraph>
      ) : null}
    </TeamNameForm>
  );
}

function RenameTeam({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team.name);
  const { errors, showError, check } = useFormErrors();

  const rename = useMutation({
    mutationFn: () => call(contract.admin.renameTeam, { params: { id: team.id }, body: { name: name.trim() } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.teams });
      onClose();
    },
    onError: showError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check({ name: name.trim() === '' && t('validation.nameRequired') })) rename.mutate();
  }

  return (
    <EditPanel titleId="rename-team-title" title={t('admin.teams.renameTitle', { name: team.name })}>
      <TeamNameForm
        fieldId="team-rename-name"
        name={name}
        onNameChange={setName}
        errors={errors}
        onSubmit={submit}
        submitLabel={t('common.save')}
        busy={rename.isPending}
        actions={
          <Button appearance="secondary-action-button" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        }
      />
    </EditPanel>
  );
}

interface TeamNameFormProps {
  fieldId: string;
  name: string;
  onNameChange: (name: string) => void;
  errors: FormErrors;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  busy: boolean;
  /** More buttons after the submit button. */
  actions?: ReactNode;
  /** Shown in the form below the buttons. */
  children?: ReactNode;
}

/** A team's name and a submit button: for a new team and for renaming one. */
function TeamNameForm({ fieldId, name, onNameChange, errors, onSubmit, submitLabel, busy, actions, children }: TeamNameFormProps) {
  const { t } = useTranslation();
  const fields = { name: { id: fieldId, label: t('admin.teams.name') } };
  return (
    <form className="sk-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={errors} fields={fields} />
      <NameField field={fields.name} value={name} onChange={onNameChange} error={errors.fields.name} />
      <SubmitActions label={submitLabel} busy={busy}>
        {actions}
      </SubmitActions>
      {children}
    </form>
  );
}
