import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { type AdminUser, contract, type MembershipInput } from '@spreekkamer/shared';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Heading } from '../../components/Heading.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { Loading, QueryStatus } from '../../components/QueryState.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeaderRow, TableRow } from '../../components/Table.js';
import { isEmail } from '../auth/validation.js';
import { EditPanel, focusWhenRendered, NameField } from './EditPanel.js';
import { InvitationLink } from './InvitationLink.js';
import { MembershipEditor, membershipFieldId } from './MembershipEditor.js';
import { PasswordResetPanel } from './PasswordResetPanel.js';
import { UserSsoClaims } from '../auth/SsoAdmin.js';
import { adminKeys, useTeams, useUsers } from './queries.js';
import { call } from '../../api/client.js';
import { ManagementTeamSetting } from '../signals/ManagementTeamSetting.js';

type Invitation = { name: string; invitationPath: string; expiresAt: string };

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = users.data?.users.find((user) => user.id === editingId) ?? null;

  function closeEditor() {
    const id = editingId;
    setEditingId(null);
    focusWhenRendered(`edit-${id}`);
  }

  return (
    <Page title={t('admin.users.title')} intro={t('admin.users.intro')}>
      <Section id="users-invite" title={t('admin.users.inviteTitle')}>
        <InviteForm />
      </Section>
      <Section id="users-list" title={t('admin.users.listTitle')}>
        {editing ? <EditUser key={editing.id} user={editing} onClose={closeEditor} /> : null}
        <QueryStatus query={users} />
        {users.data ? (
          <UserTable users={users.data.users} onEdit={(user) => setEditingId(user.id)} />
        ) : null}
      </Section>
    </Page>
  );
}

function UserTable({ users, onEdit }: { users: readonly AdminUser[]; onEdit: (user: AdminUser) => void }) {
  const { t } = useTranslation();
  const columns = {
    name: t('admin.users.columns.name'),
    roles: t('admin.users.columns.roles'),
    status: t('admin.users.columns.status'),
    actions: t('admin.users.columns.actions'),
  };
  return (
    <Table>
      <TableHeaderRow columns={[columns.name, columns.roles, columns.status]} actions={columns.actions} />
      <TableBody>
        {users.map((user) => (
          <TableRow key={user.id}>
            <TableCell label={columns.name}>
              <span className="sk-user-name">{user.name}</span>
              <span className="sk-muted">{user.email}</span>
              {user.external ? <span className="sk-muted">{t('admin.users.independent', { organisation: user.external.organisation, date: user.external.accessUntil })}</span> : null}
            </TableCell>
            <TableCell label={columns.roles}>
              <ul className="sk-plain-list">
                {user.memberships.map((membership) => (
                  <li key={`${membership.role}-${membership.teamId ?? ''}`}>
                    {t(`roles.${membership.role}`)}
                    {membership.teamName ? <span className="sk-team-name"> · {membership.teamName}</span> : null}
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell label={columns.status}>
              <UserStatus user={user} />
            </TableCell>
            <TableCell label={columns.actions} className="sk-cell--actions">
              <Button
                id={`edit-${user.id}`}
                appearance="secondary-action-button"
                aria-label={`${t('admin.users.edit')}: ${user.name}`}
                onClick={() => onEdit(user)}
              >
                {t('admin.users.edit')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <span className="sk-badges">
      {user.active ? (
        <StatusBadge status="success">{t('admin.users.status.active')}</StatusBadge>
      ) : (
        <StatusBadge status="inactive">{t('admin.users.status.inactive')}</StatusBadge>
      )}
      {user.hasPassword ? null : <StatusBadge status="warning">{t('admin.users.status.invited')}</StatusBadge>}
      {user.passwordReset ? <StatusBadge status="warning">{t(`admin.users.status.reset_${user.passwordReset.status}`)}</StatusBadge> : null}
      {user.totpEnabled ? <StatusBadge status="neutral">{t('admin.users.status.totp')}</StatusBadge> : null}
      {user.lockedUntil && new Date(user.lockedUntil) > new Date() ? (
        <StatusBadge status="warning">{t('admin.users.status.locked')}</StatusBadge>
      ) : null}
    </span>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [memberships, setMemberships] = useState<MembershipInput[]>([]);
  const [organisation, setOrganisation] = useState('');
  const [accessUntil, setAccessUntil] = useState('');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const { errors, showError, check, clear } = useFormErrors();

  const invite = useMutation({
    mutationFn: () =>
      call(contract.admin.inviteUser, { body: { name: name.trim(), email: email.trim(), memberships, external: organisation.trim() === '' ? null : { organisation: organisation.trim(), accessUntil } } }),
    onSuccess: (result) => {
      clear();
      setInvitation({ name: result.user.name, invitationPath: result.invitationPath, expiresAt: result.expiresAt });
      setName('');
      setEmail('');
      setMemberships([]);
      setOrganisation('');
      setAccessUntil('');
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void queryClient.invalidateQueries({ queryKey: adminKeys.teams });
    },
    onError: showError,
  });

  const fields = {
    name: { id: 'invite-name', label: t('admin.users.name') },
    email: { id: 'invite-email', label: t('admin.users.email') },
    memberships: { id: membershipFieldId('invite'), label: t('admin.users.roles') },
    'external.organisation': { id: 'invite-external-organisation', label: t('admin.users.externalOrganisation') },
    'external.accessUntil': { id: 'invite-access-until', label: t('admin.users.accessUntil') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setInvitation(null);
    const valid = check({
      name: name.trim() === '' && t('validation.nameRequired'),
      email: !isEmail(email) && t('validation.email'),
      memberships: memberships.length === 0 && t('validation.roleRequired'),
      'external.accessUntil': organisation.trim() !== '' && accessUntil === '' && t('admin.users.accessUntilRequired'),
    });
    if (valid) invite.mutate();
  }

  return (
    <div className="sk-stack">
      <form className="sk-form" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} fields={fields} />
        <NameField field={fields.name} value={name} onChange={setName} error={errors.fields.name} />
        <TextField
          id={fields.email.id}
          label={fields.email.label}
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={email}
          error={errors.fields.email}
          onChange={setEmail}
        />
        <QueryStatus query={teams} />
        {teams.data ? (
          <MembershipEditor
            idPrefix="invite"
            teams={teams.data.teams}
            value={memberships}
            onChange={setMemberships}
            error={errors.fields.memberships}
          />
        ) : null}
        <TextField
          id={fields['external.organisation'].id}
          label={fields['external.organisation'].label}
          description={t('admin.users.externalOrganisationHelp')}
          maxLength={120}
          value={organisation}
          error={errors.fields['external.organisation']}
          onChange={setOrganisation}
        />
        {organisation.trim() !== '' ? (
          <TextField
            id={fields['external.accessUntil'].id}
            label={fields['external.accessUntil'].label}
            description={t('admin.users.accessUntilHelp')}
            type="date"
            value={accessUntil}
            error={errors.fields['external.accessUntil']}
            onChange={setAccessUntil}
          />
        ) : null}
        <SubmitActions label={t('admin.users.inviteSubmit')} busy={invite.isPending} />
      </form>
      {invitation ? <InvitationLink idPrefix="invite" {...invitation} /> : null}
    </div>
  );
}

function EditUser({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const [name, setName] = useState(user.name);
  const [memberships, setMemberships] = useState<MembershipInput[]>(
    user.memberships.map(({ role, teamId }) => ({ role, teamId })),
  );
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, showError, check, clear } = useFormErrors();

  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.users });

  const update = useMutation({
    mutationFn: (body: { name?: string; active?: boolean; memberships?: MembershipInput[] }) =>
      call(contract.admin.updateUser, { params: { id: user.id }, body }),
    onSuccess: async (_updated, body) => {
      clear();
      setSaved(
        body.active === undefined
          ? t('admin.users.saved')
          : body.active
            ? t('admin.users.reactivated')
            : t('admin.users.deactivated'),
      );
      await refresh();
    },
    onError: showError,
  });

  const reinvite = useMutation({
    mutationFn: () => call(contract.admin.reinvite, { params: { id: user.id } }),
    onSuccess: async (result) => {
      clear();
      setInvitation({ name: result.user.name, invitationPath: result.invitationPath, expiresAt: result.expiresAt });
      await refresh();
    },
    onError: showError,
  });

  const fields = {
    name: { id: 'edit-name', label: t('admin.users.name') },
    memberships: { id: membershipFieldId('edit'), label: t('admin.users.roles') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const valid = check({
      name: name.trim() === '' && t('validation.nameRequired'),
      memberships: memberships.length === 0 && t('validation.roleRequired'),
    });
    if (valid) update.mutate({ name: name.trim(), memberships });
  }

  return (
    <EditPanel titleId="edit-user-title" title={t('admin.users.editTitle', { name: user.name })}>
      <Paragraph small>{user.email}</Paragraph>
      <form className="sk-form" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} fields={fields} />
        <NameField field={fields.name} value={name} onChange={setName} error={errors.fields.name} />
        {teams.data ? (
          <MembershipEditor
            idPrefix="edit"
            teams={teams.data.teams}
            value={memberships}
            onChange={setMemberships}
            error={errors.fields.memberships}
          />
        ) : (
          <Loading />
        )}
        <SubmitActions label={t('common.save')} busy={update.isPending}>
          <Button appearance="secondary-action-button" onClick={onClose}>
            {t('common.close')}
          </Button>
        </SubmitActions>
      </form>
      {saved ? (
        <Paragraph role="status" className="sk-saved">
          {saved}
        </Paragraph>
      ) : null}
      <div className="sk-panel__more">
        <Heading level={4}>{t('admin.users.accessTitle')}</Heading>
        <Paragraph small>{user.active ? t('admin.users.deactivateHelp') : t('admin.users.reactivateHelp')}</Paragraph>
        <div className="sk-actions">
          <Button
            appearance="secondary-action-button"
            hint={user.active ? 'danger' : undefined}
            busy={update.isPending}
            onClick={() => {
              setSaved(null);
              update.mutate({ active: !user.active });
            }}
          >
            {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
          </Button>
        </div>
        {user.hasPassword ? (
          user.active ? <PasswordResetPanel user={user} /> : null
        ) : (
          <>
            <Paragraph small>{t('admin.users.reinviteHelp')}</Paragraph>
            <div className="sk-actions">
              <Button appearance="secondary-action-button" busy={reinvite.isPending} onClick={() => reinvite.mutate()}>
                {t('admin.users.reinvite')}
              </Button>
            </div>
          </>
        )}
        {invitation ? <InvitationLink idPrefix="reinvite" {...invitation} /> : null}
      </div>
      <UserSsoClaims userId={user.id} />
      <ManagementTeamSetting user={user} />
    </EditPanel>
  );
}
