import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { type CallInput, type Client, contract, feedbackReminderMonths } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { formatDay } from '../../lib/format.js';
import { clientKeys, useClients } from '../clients/api.js';
import { feedbackPaths } from './api.js';
import { MutationError } from '../../components/QueryState.js';
import { call } from '../../api/client.js';

const dayMs = 86_400_000;
/** Feedback works best once people know each other a while: under about three months, say so. */
export const shortAcquaintanceDays = 91;

export function knownBriefly(client: Pick<Client, 'createdAt'>, now = Date.now()): boolean {
  return now - new Date(client.createdAt).getTime() < shortAcquaintanceDays * dayMs;
}

/** The hint for a client the professional has known only briefly. */
export function EarlyHint({ clients }: { clients: readonly Pick<Client, 'createdAt' | 'pseudonym'>[] }) {
  const { t } = useTranslation();
  const early = clients.filter((c) => knownBriefly(c));
  if (early.length === 0) return null;
  return <Paragraph small>{t('feedback.routine.early', { names: early.map((c) => c.pseudonym).join(', ') })}</Paragraph>;
}

/** On the client's page: a recurring reminder to ask for feedback, and "done for now". */
export function FeedbackReminder({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: CallInput<typeof contract.clients.update>['body']) => call(contract.clients.update, { params: { id: client.id }, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.one(client.id) });
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });
  const reminder = client.feedbackReminder ?? null;
  return (
    <div className="sk-stack">
      <label htmlFor={`${id}-months`} className="utrecht-form-label">
        {t('feedback.routine.reminderLabel')}
      </label>
      <select
        id={`${id}-months`}
        className="utrecht-select"
        value={reminder ? String(reminder.months) : ''}
        disabled={save.isPending}
        onChange={(event) => save.mutate({ feedbackReminderMonths: feedbackReminderMonths.find((months) => String(months) === event.target.value) ?? null })}
      >
        <option value="">{t('feedback.routine.reminderOff')}</option>
        {feedbackReminderMonths.map((months) => (
          <option key={months} value={String(months)}>
            {t('feedback.routine.reminderEvery', { count: months })}
          </option>
        ))}
      </select>
      {reminder ? (
        <Paragraph small role="status">
          {reminder.due ? t('feedback.routine.dueNow') : t('feedback.routine.nextOn', { date: formatDay(reminder.dueOn, i18n.language) })}
        </Paragraph>
      ) : null}
      {reminder?.due ? (
        <Button appearance="secondary-action-button" busy={save.isPending} onClick={() => save.mutate({ feedbackReminderDone: true })}>
          {t('feedback.routine.done')}
        </Button>
      ) : null}
      <MutationError error={save.error} />
    </div>
  );
}

/** On the professional's home: clients whose feedback reminder is due. */
export function DueReminders() {
  const { t } = useTranslation();
  const clients = useClients();
  const due = (clients.data?.clients ?? []).filter((c) => c.feedbackReminder?.due);
  if (due.length === 0) return null;
  return (
    <Alert type="info" role="status">
      <Paragraph>{t('feedback.routine.homeTitle')}</Paragraph>
      <ul>
        {due.map((c) => (
          <li key={c.id}>
            <Link to={`${feedbackPaths.list}?client=${encodeURIComponent(c.id)}#feedback-new`}>{t('feedback.routine.homeItem', { name: c.pseudonym })}</Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
