import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { type AdminUser, contract } from '@spreekkamer/shared';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useSession } from '../auth/session.js';
import { adminKeys } from './queries.js';
import { call } from '../../api/client.js';

/**
 * A new password for an account that already has one. No answer here contains a link or code an
 * administrator could use: with e-mail the link goes to the person, without e-mail the person
 * shows their code and a second administrator approves.
 */
export function PasswordResetPanel({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, showError, clear } = useFormErrors();
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.users });

  const request = useMutation({
    mutationFn: () =>
      call(contract.admin.requestPasswordReset, { params: { id: user.id }, body: code.trim() === '' ? {} : { code: code.trim() } }),
    onSuccess: async (result) => {
      clear();
      setCode('');
      setDone(t(`admin.users.reset.outcome.${result.status}`));
      await refresh();
    },
    onError: showError,
  });
  const approve = useMutation({
    mutationFn: () => call(contract.admin.approvePasswordReset, { params: { id: user.id } }),
    onSuccess: async (result) => {
      clear();
      setDone(t(`admin.users.reset.outcome.${result.status}`));
      await refresh();
    },
    onError: showError,
  });

  const fields = { code: { id: 'reset-code', label: t('admin.users.reset.code') } };
  const pending = user.passwordReset ?? null;
  const mine = pending?.status === 'awaiting_approval' && pending.requestedBy === session?.user.id;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    request.mutate();
  }

  return (
    <div className="sk-stack">
      <Heading level={4}>{t('admin.users.reset.title')}</Heading>
      <Paragraph small>{t('admin.users.reset.help')}</Paragraph>
      {pending?.status === 'awaiting_approval' ? (
        mine ? (
          <Paragraph small>{t('admin.users.reset.waitingForOther')}</Paragraph>
        ) : (
          <>
            <Paragraph small>{t('admin.users.reset.approveHelp', { name: pending.requestedByName ?? '' })}</Paragraph>
            <ErrorSummary errors={errors} fields={fields} />
            <div className="sk-actions">
              <Button appearance="secondary-action-button" hint="danger" busy={approve.isPending} onClick={() => approve.mutate()}>
                {t('admin.users.reset.approve')}
              </Button>
            </div>
          </>
        )
      ) : (
        <form className="sk-form" noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} fields={fields} />
          <TextField
            id={fields.code.id}
            label={fields.code.label}
            description={t('admin.users.reset.codeHelp')}
            inputMode="numeric"
            autoComplete="off"
            value={code}
            error={errors.fields.code}
            onChange={setCode}
          />
          <SubmitActions label={t('admin.users.reset.submit')} busy={request.isPending} />
        </form>
      )}
      {done ? (
        <Paragraph role="status" className="sk-saved">
          {done}
        </Paragraph>
      ) : null}
    </div>
  );
}
