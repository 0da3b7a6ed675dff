import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type AdminUser } from '@spreekkamer/shared';
import { call } from '../../api/client.js';
import { CheckboxField } from '../../components/fields.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { signalKeys, useManagementTeam } from './api.js';

/** In the administrator's user panel: a manager's seat in the management team (the open chair's addressee). */
export function ManagementTeamSetting({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isManager = user.memberships.some((membership) => membership.role === 'manager');
  const team = useManagementTeam(isManager);
  const [saved, setSaved] = useState(false);
  const change = useMutation({
    mutationFn: (member: boolean) => call(contract.signals.setManagementTeam, { params: { id: user.id }, body: { member } }),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: signalKeys.managementTeam });
    },
  });
  if (!isManager) return null;
  return (
    <div className="sk-panel__more">
      <QueryStatus query={team} />
      {team.data ? (
        <CheckboxField
          id={`management-team-${user.id}`}
          label={t('signals.admin.label')}
          description={t('signals.admin.help')}
          checked={team.data.userIds.includes(user.id)}
          disabled={change.isPending}
          onChange={(member) => {
            setSaved(false);
            change.mutate(member);
          }}
        />
      ) : null}
      {change.error ? <MutationError error={change.error} /> : null}
      {saved ? (
        <Paragraph role="status" className="sk-saved">
          {t('signals.admin.saved')}
        </Paragraph>
      ) : null}
    </div>
  );
}
