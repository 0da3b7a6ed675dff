import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import type { PeerGroup, Person } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { CheckboxField, Fieldset, FieldsetLegend, TextField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { useSession } from '../auth/session.js';
import { acceptGroup, createGroup, inviteToGroup, leaveGroup, removeFromGroup, reviewKeys, usePeerGroups, usePeople } from './api.js';
import { reviewPaths } from './paths.js';
import './reviews.css';

/** /intervisie — peer groups: create one, invite colleagues, join, leave. */
export function PeerGroupsPage() {
  const { t } = useTranslation();
  const groups = usePeerGroups();
  const people = usePeople();
  return (
    <Page title={t('reviews.groups.title')} intro={t('reviews.groups.intro')}>
      <Paragraph>
        <Link to={reviewPaths.received}>{t('reviews.groups.toReceived')}</Link> · <Link to={reviewPaths.feedbackGuide}>{t('reviews.feedbackGuide.menu')}</Link>
      </Paragraph>
      <Section id="groups-list" title={t('reviews.groups.mine')}>
        <QueryStatus query={groups} />
        {groups.data && groups.data.groups.length === 0 ? <Paragraph>{t('reviews.groups.none')}</Paragraph> : null}
        {groups.data?.groups.map((group) => (
          <GroupCard key={group.id} group={group} people={people.data?.people ?? []} />
        ))}
      </Section>
      <Section id="groups-new" title={t('reviews.groups.newTitle')}>
        <NewGroupForm people={people.data?.people ?? []} />
      </Section>
    </Page>
  );
}

function GroupCard({ group, people }: { group: PeerGroup; people: readonly Person[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const id = useId();
  const [invitee, setInvitee] = useState('');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: reviewKeys.groups });
    await queryClient.invalidateQueries({ queryKey: reviewKeys.received });
  };
  const accept = useMutation({ mutationFn: () => acceptGroup(group.id), onSuccess: refresh });
  const leave = useMutation({ mutationFn: () => leaveGroup(group.id), onSuccess: refresh });
  const invite = useMutation({ mutationFn: () => inviteToGroup(group.id, invitee), onSuccess: async () => { setInvitee(''); await refresh(); } });
  const remove = useMutation({ mutationFn: (userId: string) => removeFromGroup(group.id, userId), onSuccess: refresh });
  const isCreator = session?.user.id === group.createdBy;
  const candidates = people.filter((p) => !group.members.some((m) => m.userId === p.id));
  const error = accept.error ?? leave.error ?? invite.error ?? remove.error;

  return (
    <article className="sk-card" aria-labelledby={`${id}-name`}>
      <Heading level={3} id={`${id}-name`}>
        {group.name}
      </Heading>
      {group.myStatus === 'invited' ? <Paragraph>{t('reviews.groups.invitedText')}</Paragraph> : null}
      <ul>
        {group.members.map((member) => (
          <li key={member.userId}>
            {member.name} {member.status === 'invited' ? <span className="sk-muted">({t('reviews.groups.invited')})</span> : null}
            {isCreator && member.userId !== session?.user.id && group.myStatus === 'active' ? (
              <Button appearance="subtle-button" busy={remove.isPending && remove.variables === member.userId} onClick={() => remove.mutate(member.userId)}>
                {t('reviews.groups.remove', { name: member.name })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <MutationError error={error} />
      {group.myStatus === 'active' && candidates.length > 0 ? (
        <form
          className="sk-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (invitee) invite.mutate();
          }}
        >
          <label htmlFor={`${id}-invite`} className="utrecht-form-label">
            {t('reviews.groups.inviteLabel')}
          </label>
          <select id={`${id}-invite`} className="utrecht-select utrecht-select--html-select" value={invitee} onChange={(event) => setInvitee(event.target.value)}>
            <option value="">{t('reviews.groups.choosePerson')}</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <Button appearance="secondary-action-button" type="submit" busy={invite.isPending} disabled={!invitee}>
            {t('reviews.groups.invite')}
          </Button>
        </form>
      ) : null}
      <div className="sk-actions">
        {group.myStatus === 'invited' ? (
          <Button appearance="primary-action-button" busy={accept.isPending} onClick={() => accept.mutate()}>
            {t('reviews.groups.accept', { name: group.name })}
          </Button>
        ) : null}
        <Button appearance="secondary-action-button" busy={leave.isPending} onClick={() => leave.mutate()}>
          {group.myStatus === 'invited' ? t('reviews.groups.decline', { name: group.name }) : t('reviews.groups.leave', { name: group.name })}
        </Button>
      </div>
    </article>
  );
}

function NewGroupForm({ people }: { people: readonly Person[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const { errors, showError, check, clear } = useFormErrors();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createGroup({ name: name.trim(), memberIds: members }),
    onSuccess: async (group) => {
      clear();
      setCreated(group.name);
      setName('');
      setMembers([]);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.groups });
    },
    onError: showError,
  });
  const fields = { name: { id: `${id}-name`, label: t('reviews.groups.name') } };
  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    if (check({ name: !name.trim() && t('reviews.groups.nameRequired') })) create.mutate();
  }
  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('reviews.groups.newTitle')}>
      <ErrorSummary errors={errors} fields={fields} />
      <TextField id={fields.name.id} label={fields.name.label} value={name} onChange={setName} maxLength={80} error={errors.fields.name} />
      {people.length > 0 ? (
        <Fieldset>
          <FieldsetLegend>{t('reviews.groups.membersLegend')}</FieldsetLegend>
          {people.map((p) => (
            <CheckboxField key={p.id} id={`${id}-member-${p.id}`} label={p.name} checked={members.includes(p.id)} onChange={(on) => setMembers((current) => (on ? [...current, p.id] : current.filter((x) => x !== p.id)))} />
          ))}
        </Fieldset>
      ) : null}
      {created ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('reviews.groups.created', { name: created })}</Paragraph>
        </Alert>
      ) : null}
      <Button appearance="primary-action-button" type="submit" busy={create.isPending}>
        {t('reviews.groups.create')}
      </Button>
    </form>
  );
}
