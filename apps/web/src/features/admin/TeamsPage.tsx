import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { teamSchema } from '@spreekkamer/shared';
import { api } from '../../api/client.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError, Loading } from '../../components/QueryState.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { adminKeys, useTeams } from './queries.js';

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
    requestAnimationFrame(() => document.getElementById(`rename-${id}`)?.focus());
  }

  return (
    <Page title={t('admin.teams.title')} intro={t('admin.teams.intro')}>
      <Section id="teams-new" title={t('admin.teams.newTitle')}>
        <NewTeamForm />
      </Section>
      <Section id="teams-list" title={t('admin.teams.listTitle')}>
        {renaming ? <RenameTeam key={renaming.id} team={renaming} onClose={closeRename} /> : null}
        {teams.isPending ? <Loading /> : null}
        {teams.error ? <LoadError error={teams.error} onRetry={() => void teams.refetch()} /> : null}
        {teams.data && teams.data.teams.length === 0 ? <Paragraph>{t('admin.teams.empty')}</Paragraph> : null}
        {teams.data && teams.data.teams.length > 0 ? (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{columns.name}</TableHeaderCell>
                <TableHeaderCell>{columns.members}</TableHeaderCell>
                <TableHeaderCell>
                  <span className="sk-visually-hidden">{columns.actions}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
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
    mutationFn: () => api('/admin/teams', teamSchema, { method: 'POST', body: { name: name.trim() } }),
    onSuccess: async (team) => {
      clear();
      setName('');
      setCreated(team.name);
      await queryClient.invalidateQueries({ queryKey: adminKeys.teams });
    },
    onError: showError,
  });
  const fields = { name: { id: 'team-new-name', label: t('admin.teams.name') } };

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    if (check({ name: name.trim() === '' && t('validation.nameRequired') })) create.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <TextField
        id={fields.name.id}
        label={fields.name.label}
        autoComplete="off"
        required
        value={name}
        error={errors.fields.name}
        onChange={setName}
      />
      <div className="sk-actions">
        <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
          {t('admin.teams.create')}
        </Button>
      </div>
      {created ? (
        <Paragraph role="status" className="sk-saved">
          {t('admin.teams.created', { name: created })}
        </Paragraph>
      ) : null}
    </form>
  );
}

function RenameTeam({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(team.name);
  const { errors, showError, check } = useFormErrors();
  useEffect(() => headingRef.current?.focus(), []);

  const rename = useMutation({
    mutationFn: () => api(`/admin/teams/${team.id}`, teamSchema, { method: 'PATCH', body: { name: name.trim() } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.teams });
      onClose();
    },
    onError: showError,
  });
  const fields = { name: { id: 'team-rename-name', label: t('admin.teams.name') } };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check({ name: name.trim() === '' && t('validation.nameRequired') })) rename.mutate();
  }

  return (
    <section className="sk-panel" aria-labelledby="rename-team-title">
      <Heading level={3} id="rename-team-title" ref={headingRef} tabIndex={-1}>
        {t('admin.teams.renameTitle', { name: team.name })}
      </Heading>
      <form className="sk-form" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} fields={fields} />
        <TextField
          id={fields.name.id}
          label={fields.name.label}
          autoComplete="off"
          required
          value={name}
          error={errors.fields.name}
          onChange={setName}
        />
        <div className="sk-actions">
          <Button type="submit" appearance="primary-action-button" busy={rename.isPending}>
            {t('common.save')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
