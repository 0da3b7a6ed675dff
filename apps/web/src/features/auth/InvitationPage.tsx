import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { contract } from '@spreekkamer/shared';
import { ApiError, call } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError, Loading } from '../../components/QueryState.js';
import { invitationKey, useApplySession } from './session.js';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields.js';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const applySession = useApplySession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { errors, showError, check } = useFormErrors();

  const invitation = useQuery({
    queryKey: invitationKey(token),
    queryFn: () => call(contract.account.invitation, { params: { token } }),
    retry: false,
    staleTime: Infinity,
  });

  const accept = useMutation({
    mutationFn: () =>
      call(contract.account.acceptInvitation, { body: { token, password } }),
    onSuccess: async (session) => {
      applySession(session);
      await navigate('/', { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.some((field) => field.path === 'password')) {
        showError(new ApiError(error.status, 'password_weak', error.message));
        return;
      }
      showError(error);
    },
  });

  const fields = {
    password: { id: 'invite-password', label: t('invitation.password') },
    repeat: { id: 'invite-repeat', label: t('invitation.repeat') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check(newPasswordProblems(t, password, repeat))) accept.mutate();
  }

  const expired =
    invitation.error instanceof ApiError && ['invitation_invalid', 'not_found'].includes(invitation.error.code);

  return (
    <Page title={t('invitation.title')} breadcrumbs={false}>
      {invitation.isPending ? <Loading /> : null}
      {expired ? (
        <Alert type="warning">
          <Paragraph>{t('invitation.expired')}</Paragraph>
          <Paragraph>
            <Link to="/inloggen">{t('invitation.toLogin')}</Link>
          </Paragraph>
        </Alert>
      ) : invitation.error ? (
        <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />
      ) : null}
      {invitation.data ? (
        <>
          <Paragraph lead>
            {t('invitation.welcome', {
              name: invitation.data.name,
              organisation: invitation.data.organisationName,
            })}
          </Paragraph>
          <Paragraph>{t('invitation.intro', { email: invitation.data.email })}</Paragraph>
          <form className="sk-form sk-form--narrow" noValidate onSubmit={submit}>
            <ErrorSummary errors={errors} fields={fields} />
            {/* Lets password managers store the new password under the right account. */}
            <input type="email" name="username" autoComplete="username" value={invitation.data.email} readOnly hidden />
            <NewPasswordFields
              fields={fields}
              password={password}
              repeat={repeat}
              onPasswordChange={setPassword}
              onRepeatChange={setRepeat}
              errors={errors.fields}
            />
            <SubmitActions label={t('invitation.submit')} busy={accept.isPending} />
          </form>
        </>
      ) : null}
    </Page>
  );
}
